// The UTF-8 decoder for reply files gives exactly what Buffer#toString('utf8') gives, for any
// valid UTF-8: ASCII only, Chinese, astral characters (surrogate pairs), at and over the size
// limit, and after the reused buffer held a longer text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeValidUtf8 } from '../src/io/utf8.js';

const decode = (s: string) => decodeValidUtf8(Buffer.from(s, 'utf8'));

describe('decodeValidUtf8', () => {
  it('decodes ASCII, Chinese, 2-byte and 4-byte characters', () => {
    for (const s of ['', 'type: complaint\n', '您好！经现场核实，噪音问题属实。', 'café ½ ©', '𠀀𪚥 表情😀 end', '\ufeff开头的 BOM 保留为字符'])
      expect(decode(s)).toBe(s);
  });

  it('decodes ASCII-only text (read back as Latin-1)', () => {
    const s = 'reply: 12345\n'.repeat(10);
    expect(decode(s)).toBe(s);
  });

  it('handles texts at and over the 64 KiB limit, and a short text after a long one', () => {
    const exact = '中'.repeat((64 * 1024) / 3) + 'a'; // 65,536 bytes
    expect(Buffer.byteLength(exact)).toBe(64 * 1024);
    expect(decode(exact)).toBe(exact);
    const over = exact + '文';
    expect(decode(over)).toBe(over);
    expect(decode('短')).toBe('短');
  });

  it('matches Buffer#toString on any valid UTF-8 (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const bytes = Buffer.from(s, 'utf8'); // lone surrogates become U+FFFD: still valid UTF-8
        expect(decodeValidUtf8(bytes)).toBe(bytes.toString('utf8'));
      }),
      { numRuns: 500 },
    );
  });

  it('decodes a view into a larger buffer (byteOffset) correctly', () => {
    const whole = Buffer.from('前缀—正文内容—后缀', 'utf8');
    const start = Buffer.byteLength('前缀—');
    const end = whole.length - Buffer.byteLength('—后缀');
    expect(decodeValidUtf8(whole.subarray(start, end))).toBe('正文内容');
  });
});
