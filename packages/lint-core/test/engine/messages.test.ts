import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/engine/messages.js';

const reference = (template: string, data: Record<string, string | number>) =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));

describe('formatMessage', () => {
  it('fills placeholders and keeps unknown ones as written', () => {
    expect(formatMessage('「{{phrase}}」不是具体时间：{{ x }}，{{missing}}', { phrase: '近日', x: 3 })).toBe('「近日」不是具体时间：3，{{missing}}');
    expect(formatMessage('没有占位符', {})).toBe('没有占位符');
  });

  it('agrees with a regex replace on any template', () => {
    const piece = fc.constantFrom('{{a}}', '{{ b }}', '{{c}', '{a}}', '{{', '}}', '文字', '$&', '{{a}}{{a}}', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), fc.dictionary(fc.constantFrom('a', 'b', 'z'), fc.oneof(fc.string(), fc.integer())), (t, data) => {
        expect(formatMessage(t, data)).toBe(reference(t, data));
      }),
      { numRuns: 1000 },
    );
  });
});
