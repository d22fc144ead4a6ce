// Unit tests of decoding (UTF-8, BOM, GBK/GB18030, binary, damaged input) and size parsing.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, InputError, parseSize, formatSize, readReplyFile } from '../src/io/read.js';
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

describe('readReplyFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'replylint-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  const cjk = (bytes: number) => '答'.repeat(Math.floor(bytes / 3)) + 'x'.repeat(bytes % 3); // 答 is 3 bytes

  it('reads files around the 64 KiB small-file buffer exactly, and a short file after a long one', () => {
    for (const size of [0, 1, 65535, 65536, 65537, 200_000]) {
      const text = cjk(size);
      expect(Buffer.byteLength(text)).toBe(size);
      const r = readReplyFile(file(`f${size}.md`, text), 20 * 1024 * 1024);
      expect(r.text).toBe(text);
      expect(r.encoding).toBe('utf-8');
    }
    // the reused buffer holds the 65535-byte file's bytes; the next short file must not show them
    readReplyFile(join(dir, 'f65535.md'), 1 << 24);
    expect(readReplyFile(file('short.md', '您好。'), 1 << 24).text).toBe('您好。');
  });

  it('gives mtime and size with { stat: true } (for --fix), and keeps the BOM flag', () => {
    const p = file('bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('答复')]));
    const r = readReplyFile(p, 1 << 20, { stat: true });
    expect(r).toMatchObject({ text: '答复', bom: true, size: 9, mtimeMs: statSync(p).mtimeMs });
    expect(readReplyFile(p, 1 << 20).size).toBeUndefined();
  });

  it('refuses a directory, a missing file and a file over the limit by name of the problem', () => {
    expect(() => readReplyFile(dir, 1 << 20)).toThrow('是目录，不是文件');
    expect(() => readReplyFile(join(dir, 'none.md'), 1 << 20)).toThrow('文件不存在');
    expect(() => readReplyFile(file('big.md', cjk(3000)), 1024)).toThrow('文件大小 2.9 KB，超过上限 1 KB');
    expect(() => readReplyFile(join(dir, 'f200000.md'), 100_000)).toThrow('超过上限');
  });

  it('reads a GBK file from the small-file buffer', () => {
    const gbk = iconv.encode('您好，经核查。', 'gbk');
    expect(readReplyFile(file('gbk.md', gbk), 1 << 20)).toMatchObject({ text: '您好，经核查。', encoding: 'gb18030' });
  });
});
