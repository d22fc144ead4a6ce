import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { DEFAULT_CONFIG } from '../../src/config/load.js';

function run(rule: string, text: string, profile?: string) {
  return lint(text, { rules: { [rule]: 'error' }, only: [rule], ...(profile ? { profile } : {}) }).map((d) => `${d.messageId}/${d.severity}`);
}

describe('statement kind (satisfaction)', () => {
  it('counts any explicit degree of satisfaction, including dissatisfaction', () => {
    for (const t of ['您对处理结果满意。', '您表示基本满意。', '您对答复不满意。', '您对辦理結果表示非常滿意。']) expect(run('satisfaction', t)).toEqual([]);
  });
  it('ignores conditions and aims', () => {
    expect(run('satisfaction', '如对处理结果不满意，可申请复议。')).toEqual(['missing/2']);
    expect(run('satisfaction', '我们将努力提升群众满意度，争取让群众满意。')).toEqual(['missing/2']);
  });
  it('reports hints such as 表示理解 as unclear, downgraded to a warning', () => {
    expect(run('satisfaction', '您对上述解释表示理解。')).toEqual(['unclear/1']);
  });
});

describe('elements kind', () => {
  it('reports one messageId per missing element (anonymous-contact)', () => {
    expect(run('anonymous-contact', '---\nanonymous: true\n---\n您反映的问题已转有关部门。')).toEqual(['noName/2', 'noPhone/2', 'noResult/2']);
  });
  it('applies only where onlyIf says (plan-elements: channel in Traditional script, or a mention)', () => {
    expect(run('plan-elements', '---\nchannel: "12345"\n---\n问题已处理。')).toEqual([]);
    expect(run('plan-elements', '---\nchannel: 局長坐診接訴\n---\n问题已处理。')).toEqual(['noHandler/2', 'noDeadline/2', 'noMeasures/2']);
    expect(run('plan-elements', '贵公司在坐诊接诉活动中反映的问题，经办人：杨志远，将于11月8日前完成路面修补。')).toEqual([]);
  });
});

describe('signature kind', () => {
  it('suggests a signature built from metadata, never a fix', () => {
    const text = '---\nhandler:\n  name: 王磊\n  unit: 宿城区城管局\n  phone: 0527-84361234\n---\n您反映的问题已处理完毕。\n';
    const [d] = lint(text, { rules: { 'signature-block': 'error' }, only: ['signature-block'] });
    expect(d?.messageId).toBe('missing');
    expect(d?.fix).toBeUndefined();
    expect(d?.suggestions?.[0]?.fix.text).toBe('\n承办单位：宿城区城管局\n承办人：王磊\n联系电话：0527-84361234\n');
  });
  it('reports each missing part and offers no suggestion without handler data', () => {
    const text = '您反映的问题已处理完毕。\n\n承办单位：宿城区城管局\n';
    const [d, e] = lint(text, { rules: { 'signature-block': 'error' }, only: ['signature-block'] });
    expect([d?.messageId, e?.messageId]).toEqual(['noName', 'noPhone']);
    expect(d?.suggestions).toBeUndefined(); // no handler data known
  });
  it('falls back to the config handler (settings.handler)', () => {
    const config = { ...DEFAULT_CONFIG, settings: { ...DEFAULT_CONFIG.settings, handler: { name: '王磊', unit: '宿城区城管局', phone: '0527-84361234' } } };
    const text = '您反映的问题已处理完毕。\n\n承办单位：宿城区城管局\n';
    const found = lint(text, { config, rules: { 'signature-block': 'error' }, only: ['signature-block'] });
    expect(found.map((d) => d.messageId)).toEqual(['noName', 'noPhone']);
    expect(found[0]?.suggestions?.[0]?.fix.text).toBe('\n承办人：王磊\n联系电话：0527-84361234\n');
  });
  it('is a warning in recommended and an error in suzhou-jkq', () => {
    const text = '您反映的问题已处理完毕。';
    expect(lint(text, { profile: 'recommended', only: ['signature-block'] }).map((d) => d.severity)).toEqual([1]);
    expect(lint(text, { profile: 'suzhou-jkq', only: ['signature-block'] }).map((d) => d.severity)).toEqual([2]);
  });
});

describe('communication-details kind', () => {
  it('needs content after the content verb, not an empty object', () => {
    expect(run('communication-details', '承办人电话联系您，告知了相关情况。')).toEqual(['empty/2']);
    expect(run('communication-details', '承办人电话联系您，告知了复查时间和整改要求。')).toEqual([]);
    expect(run('communication-details', '承办人电话联系您，说明如下：')).toEqual([]);
  });
  it('does not take a referral (请您自行联系物业) for the handler\'s communication', () => {
    // no contact of the handler's narrated: communication-details is silent (contact-time reports it)
    expect(run('communication-details', '请您自行联系物业公司协商维修事宜。')).toEqual([]);
    expect(run('contact-time', '请您自行联系物业公司协商维修事宜。')).toHaveLength(1);
  });
});
