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
});
