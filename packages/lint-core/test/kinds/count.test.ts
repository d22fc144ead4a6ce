import { describe, expect, it } from 'vitest';
import { lint } from '@replylint/core';

const found = (text: string, rules: Record<string, unknown> = {}) =>
  lint(text, { only: ['no-bureaucratic-cliche'], rules: rules as never }).map((d) => text.slice(d.range[0], d.range[1]));

describe('count kind (no-bureaucratic-cliche)', () => {
  const three = '我局高度重视，积极协调，切实做好相关工作。';

  it('reports every occurrence once the total is over max', () => {
    expect(found(three)).toEqual(['高度重视', '积极协调', '切实做好']);
  });

  it('stays silent at the limit', () => {
    expect(found('我局高度重视，积极协调。')).toEqual([]);
  });

  it('does not count phrases inside a cited title 《…》', () => {
    const cited = '根据《关于切实做好进一步加强稳就业工作的通知》，我局高度重视。';
    expect(found(cited)).toEqual([]);
    // the same phrases outside the title count
    expect(found('我局切实做好、进一步加强稳就业工作，高度重视。')).toEqual(['切实做好', '进一步加强', '高度重视']);
  });

  it('counts them in titles when ignoreInTitles is off', () => {
    const cited = '根据《关于切实做好进一步加强稳就业工作的通知》，我局高度重视。';
    expect(found(cited, { 'no-bureaucratic-cliche': ['warn', { ignoreInTitles: false }] })).toHaveLength(3);
  });

  it('counts the same wording once', () => {
    expect(found('我局高度重视，局领导高度重视，中队也高度重视。')).toEqual([]);
    expect(found('我局高度重视，局领导高度重视，积极协调，切实做好。')).toEqual(['高度重视', '高度重视', '积极协调', '切实做好']);
  });

  it('counts a wording written again inside a longer one once (distinct)', () => {
    const text = '我局始终保持高压态势。今后将继续保持打击的高压态势，积极协调。';
    expect(found(text)).toEqual([]);
    // with a third phrase both occurrences are reported
    expect(found(`${text}切实做好巡查。`)).toEqual(['保持高压态势', '高压态势', '积极协调', '切实做好']);
    // without distinct, every occurrence counts
    expect(found(text, { 'no-bureaucratic-cliche': ['warn', { distinct: false }] })).toHaveLength(3);
  });

  it('stays silent when the phrases are sparse in a long account of facts', () => {
    const facts = '9月24日晚8时，城南执法中队6名队员到幸福路现场核查，发现东段有11家摊位将桌椅摆到人行道上，当场责令收回摊位线内。'.repeat(5);
    expect(found(`我局高度重视。${facts}下一步将积极协调，切实做好巡查。`)).toEqual([]);
    // the same phrases without the account are reported
    expect(found('我局高度重视。下一步将积极协调，切实做好巡查。')).toEqual(['高度重视', '积极协调', '切实做好']);
    // and with the density and fact checks off, the long reply is reported too
    const off = { 'no-bureaucratic-cliche': ['warn', { minDensity: 0, factRatio: 0 }] };
    expect(found(`我局高度重视。${facts}下一步将积极协调，切实做好巡查。`, off)).toHaveLength(3);
  });

  it('stays silent when sentences of fact outnumber the phrases (factRatio)', () => {
    const text = '我局高度重视。9月24日执法队员到现场核查。经查，2家商户占道经营。当日清理桌椅12套。9月25日复查已恢复通行。下一步将积极协调，切实做好巡查。';
    expect(found(text)).toEqual([]);
    expect(found(text, { 'no-bureaucratic-cliche': ['warn', { factRatio: 0 }] })).toHaveLength(3);
    // as many phrases as sentences of fact: reported
    expect(found('我局高度重视。9月24日执法队员到现场核查。经查，2家商户占道经营。当日已清理。下一步将积极协调，切实做好巡查。')).toHaveLength(3);
    // a higher ratio asks for more phrases per sentence of fact
    expect(found('我局高度重视。9月24日执法队员到现场核查。经查，2家商户占道经营。下一步将积极协调，切实做好巡查。', { 'no-bureaucratic-cliche': ['warn', { factRatio: 2 }] })).toEqual([]);
  });

  it('does not count phrases quoted from someone else (ignoreQuoted)', () => {
    const quoted = '您反映的“希望切实解决群众急难愁盼，增强获得感”的建议已收悉，我局高度重视。';
    expect(found(quoted)).toEqual([]);
    // the same words written by the unit count
    expect(found('我局将切实解决群众急难愁盼，增强获得感，我局高度重视。')).toEqual(['切实解决', '急难愁盼', '获得感', '高度重视']);
    expect(found(quoted, { 'no-bureaucratic-cliche': ['warn', { ignoreQuoted: false }] })).toHaveLength(4);
  });

  it('does not take a user id, a phone number or the date line for facts', () => {
    const text = '网友“UU0081147”您好！我局高度重视，积极协调，切实做好巡查。如有疑问请致电0731-2342333。2019年3月28日';
    expect(found(text)).toEqual(['高度重视', '积极协调', '切实做好']);
    expect(found(text.replace('0731-2342333', '该中队3名队员'))).toHaveLength(3);
    expect(found(text.replace('我局高度', '6月5日起我局高度').replace('如有疑问', '共清理摊位12处。复查3次。拆除雨棚4处。如有疑问'))).toEqual([]);
  });
});
