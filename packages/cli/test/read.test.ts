// Unit tests of decoding (UTF-8, BOM, GBK/GB18030, binary, damaged input) and size parsing.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, InputError, parseSize, formatSize } from '../src/io/read.js';
import { displayWidth, padEnd } from '../src/width.js';

const REPLY = '您好！经现场核实，您反映的噪音问题属实，已责令施工单位整改。\n承办人：王磊\n';

describe('decodeText', () => {
  it('reads UTF-8', () => {
    expect(decodeText(Buffer.from(REPLY))).toEqual({ text: REPLY, encoding: 'utf-8', bom: false });
  });

  it('strips and remembers a UTF-8 BOM', () => {
    const r = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(REPLY)]));
    expect(r).toEqual({ text: REPLY, encoding: 'utf-8', bom: true });
  });

  it('detects GBK / GB18030 Chinese text', () => {
    for (const enc of ['gbk', 'gb18030']) {
      const r = decodeText(iconv.encode(REPLY, enc));
      expect(r).toEqual({ text: REPLY, encoding: 'gb18030', bom: false });
    }
  });

  it('refuses binary data, naming the line of the NUL byte', () => {
    expect(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toThrow(/不是文本文件（第 3 行含 NUL 字节/);
    expect(() => decodeText(Buffer.from('第一行\n第二行\u0000'))).toThrow(InputError);
  });

  it('refuses UTF-16 with a byte order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('您好', 'utf16le')]);
    expect(() => decodeText(utf16)).toThrow(/UTF-16/);
  });

  it('reports damaged UTF-8 with the line instead of guessing GBK', () => {
    const good = Buffer.from('第一行正常的中文内容，很多汉字。\n第二行也是正常的中文内容。\n');
    const damaged = Buffer.concat([good, Buffer.from([0xe4, 0xbd]), Buffer.from('\n第四行\n')]);
    expect(() => decodeText(damaged)).toThrow(/第 3 行有无效的 UTF-8 字节/);
  });

  it('refuses text that is neither UTF-8 nor Chinese GBK', () => {
    expect(() => decodeText(Buffer.from('caf\xe9 na\xefve r\xe9sum\xe9 \xe0 la carte\n', 'latin1'))).toThrow(/UTF-8/);
  });

  it('decodes an empty buffer as empty UTF-8 text', () => {
    expect(decodeText(Buffer.alloc(0))).toEqual({ text: '', encoding: 'utf-8', bom: false });
  });
});

describe('parseSize / formatSize', () => {
  it('parses sizes with units', () => {
    expect(parseSize('20MB')).toBe(20 * 1024 * 1024);
    expect(parseSize('512k')).toBe(512 * 1024);
    expect(parseSize('1.5 GB')).toBe(1.5 * 1024 ** 3);
    expect(parseSize('1000')).toBe(1000);
    expect(parseSize('abc')).toBeUndefined();
    expect(parseSize('0')).toBeUndefined();
    expect(parseSize('-5MB')).toBeUndefined();
  });

  it('formats sizes for messages', () => {
    expect(formatSize(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(10)).toBe('10 字节');
  });
});

describe('displayWidth', () => {
  it('counts CJK and full-width characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('错误')).toBe(4);
    expect(displayWidth('「无理取闹」')).toBe(12);
    expect(padEnd('警告', 6)).toBe('警告  ');
  });
});
