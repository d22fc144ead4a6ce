// Reading reply files and stdin: size limit, binary detection, UTF-8 (with or without BOM) and
// GBK/GB18030 detection. Everything that cannot be read as text is an InputError naming the file.
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { decodeValidUtf8 } from './utf8.js';

export type TextEncoding = 'utf-8' | 'gb18030';

export interface DecodedText {
  /** Text without BOM (positions of diagnostics point into this). */
  text: string;
  encoding: TextEncoding;
  /** Whether the file started with a UTF-8 BOM (kept when writing fixes). */
  bom: boolean;
}

export interface ReadFile extends DecodedText {
  /** For detecting concurrent modification before writing fixes (read with `{ stat: true }`). */
  mtimeMs?: number;
  size?: number;
}

/** A file that cannot be checked (exit code 2). `message` does not repeat the file name. */
export class InputError extends Error {
  override name = 'InputError';
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} 字节`;
}

/** Parses `20MB`, `512k`, `1048576` → bytes. */
export function parseSize(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const bytes = Math.floor(n * mult);
  return bytes > 0 ? bytes : undefined;
}

function tooLarge(size: number, max: number): InputError {
  return new InputError(`文件大小 ${formatSize(size)}，超过上限 ${formatSize(max)}，未检查（可用 --max-file-size 调整上限）`);
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
/** How long a named pipe may stay without a writer (or without data) before it is refused. */
const FIFO_WAIT_MS = 10_000;
const POLL_MS = 20;
const sleepCell = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number): void => void Atomics.wait(sleepCell, 0, 0, ms);

/** Files up to this size (most replies) are read into one reused buffer without an fstat. */
const SMALL_FILE = 64 * 1024;
let scratch: Buffer | undefined;

/**
 * Reads a reply file synchronously: for many small files this is faster than fs/promises (no
 * thread-pool round trips for open/fstat/read/close), and checking is CPU-bound anyway.
 * A file that fits in SMALL_FILE is read with open/read/close into a reused buffer (a regular
 * file returns less than asked only at its end); a larger one, or with `stat` (for --fix, which
 * needs mtime and size), is fstat'ed first. A directory fails at the read (EISDIR).
 */
export function readReplyFile(path: string | Buffer, maxBytes: number, { stat = false, fifoWaitMs = FIFO_WAIT_MS } = {}): ReadFile {
  let fd: number;
  try {
    // non-blocking: opening a named pipe (FIFO) that has no writer would otherwise wait for ever
    // (regular files are not affected)
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    throw new InputError(describeFsError(e, '无法读取'));
  }
  try {
    if (!stat && maxBytes >= SMALL_FILE) {
      scratch ??= Buffer.allocUnsafeSlow(SMALL_FILE);
      let n = -1;
      try {
        n = readSync(fd, scratch, 0, SMALL_FILE, 0); // pread: leaves the file position at 0 for readAll
      } catch (e) {
        // a pipe or a terminal (`check /dev/stdin`) cannot be read at a position: read it as a stream below
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ESPIPE' && code !== 'EAGAIN') throw e;
      }
      if (n >= 0 && n < SMALL_FILE) return decodeText(scratch.subarray(0, n));
    }
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError('是目录，不是文件');
    if (st.size > maxBytes) throw tooLarge(st.size, maxBytes);
    if (st.isFIFO() || st.isSocket()) {
      const buf = readBounded(fd, maxBytes, fifoWaitMs);
      if (buf.length > maxBytes) throw new InputError(`读到上限 ${formatSize(maxBytes)} 仍未结束（是管道），未检查`);
      return decodeText(buf);
    }
    const buf = readAll(fd, st.size, maxBytes);
    if (buf.length > maxBytes) {
      if (st.size === 0) throw new InputError(`读到上限 ${formatSize(maxBytes)} 仍未结束（是设备或管道？），未检查`);
      throw tooLarge(buf.length, maxBytes);
    }
    const decoded = decodeText(buf) as ReadFile;
    decoded.mtimeMs = st.mtimeMs;
    decoded.size = st.size;
    return decoded;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(describeFsError(e, '无法读取'));
  } finally {
    closeSync(fd);
  }
}

/**
 * The file's bytes in one read of the size fstat gave plus one byte: a regular file returns less
 * than asked only at its end, so no further read is needed to see the end (readFileSync would
 * fstat again and read once more). A file that grew meanwhile is read on to its end.
 */
function readAll(fd: number, size: number, maxBytes: number): Buffer {
  if (size === 0) return readBounded(fd, maxBytes); // empty, or a special file that reports no size
  const buf = Buffer.allocUnsafe(size + 1);
  const n = readSync(fd, buf, 0, size + 1, null);
  if (n <= size) return buf.subarray(0, n);
  return Buffer.concat([buf, readBounded(fd, maxBytes)]);
}

/**
 * Reads on to the end, but never more than maxBytes + 1 bytes: a device that never ends
 * (`check /dev/zero`) or a file that keeps growing stops at the size limit instead of filling memory.
 */
function readBounded(fd: number, maxBytes: number, fifoWaitMs?: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const since = Date.now();
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, maxBytes + 1 - total));
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      // opened non-blocking: a writer (or a terminal) that has nothing to give yet
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      sleep(POLL_MS);
      continue;
    }
    if (n === 0 && fifoWaitMs !== undefined && total === 0) {
      // a named pipe returns end-of-file at once while no writer has opened it: wait a little for one
      if (Date.now() - since >= fifoWaitMs) throw new InputError(`是命名管道（FIFO），${Math.round(fifoWaitMs / 1000)} 秒内没有写入任何内容，未检查`);
      sleep(POLL_MS);
      continue;
    }
    if (n <= 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > maxBytes) break;
  }
  return Buffer.concat(chunks, total);
}

export async function readStdin(maxBytes: number, stream: NodeJS.ReadableStream = process.stdin): Promise<DecodedText> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += b.length;
    if (total > maxBytes) throw tooLarge(total, maxBytes);
    chunks.push(b);
  }
  return decodeText(Buffer.concat(chunks));
}

export function describeFsError(e: unknown, verb: string): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return '文件不存在';
    case 'EACCES':
    case 'EPERM':
      return `${verb}：没有权限`;
    case 'EISDIR':
      return '是目录，不是文件';
    case 'EMFILE':
    case 'ENFILE':
      return `${verb}：同时打开的文件过多`;
    default:
      return `${verb}${code ? `（${code}）` : ''}`;
  }
}

/**
 * Decides how to read `buf` as text:
 * - UTF-16/UTF-32 byte order marks and NUL bytes → refused (binary or unsupported encoding);
 * - valid UTF-8 (BOM stripped and remembered) → utf-8;
 * - mostly valid UTF-8 with a few bad bytes → refused as damaged UTF-8, with the line;
 * - strict GB18030 decoding succeeds and the text is mostly CJK → gb18030;
 * - anything else → refused as undecodable.
 */
export function decodeText(buf: Uint8Array): DecodedText {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    throw new InputError('是 UTF-16/UTF-32 编码（带字节顺序标记），未检查：请另存为 UTF-8');
  }
  const nul = buf.indexOf(0);
  if (nul >= 0) {
    if (looksUtf16(buf)) throw new InputError(UTF16_WITHOUT_BOM);
    throw new InputError(`不是文本文件（第 ${lineOfByte(buf, nul)} 行含 NUL 字节，疑似二进制文件），未检查`);
  }
  const bom = buf[0] === UTF8_BOM[0] && buf[1] === UTF8_BOM[1] && buf[2] === UTF8_BOM[2];
  const body = bom ? buf.subarray(3) : buf;
  if (isUtf8(body)) {
    // valid UTF-8 (checked above); the string is a copy, `buf` may be reused
    return { text: decodeValidUtf8(body), encoding: 'utf-8', bom };
  }
  const scan = scanUtf8(body);
  if (bom || scan.validMultibyte > scan.invalid) {
    throw new InputError(`第 ${lineOfByte(body, scan.firstInvalid)} 行有无效的 UTF-8 字节（文件可能已损坏或混用了编码），未检查`);
  }
  // Japanese and Korean legacy encodings decode as GBK too (into plausible-looking Hanzi): name them
  const foreign = foreignEncoding(body);
  if (foreign) throw new InputError(foreign);
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(body);
  } catch {
    throw new InputError(`既不是有效的 UTF-8，也不是 GBK/GB18030 编码（第 ${lineOfByte(body, scan.firstInvalid)} 行起无法解码），未检查：请另存为 UTF-8`);
  }
  if (!mostlyCjk(text)) {
    throw new InputError(`不是有效的 UTF-8（第 ${lineOfByte(body, scan.firstInvalid)} 行起），也不像 GBK/GB18030 中文文本，未检查：请另存为 UTF-8`);
  }
  return { text, encoding: 'gb18030', bom: false };
}

const UTF16_WITHOUT_BOM = '看起来是不带字节顺序标记的 UTF-16 编码，未检查：请另存为 UTF-8';

/** NUL bytes at most odd or most even offsets (the high bytes of ASCII in UTF-16), in the first 64 KB. */
function looksUtf16(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 64 * 1024) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) even++;
    if (buf[i + 1] === 0) odd++;
  }
  if (n < 16 || Math.max(even, odd) < n / 8 || Math.min(even, odd) > Math.max(even, odd) / 20) return false;
  // and reads as text: printable ASCII, line breaks, tabs and CJK
  const text = decodes(even > odd ? 'utf-16be' : 'utf-16le', buf.subarray(0, n));
  if (text === undefined) return false;
  return share(text, () => true) === 0 ? isPrintable(text) : isPrintable(text) && mostlyCjk(text);
}

function isPrintable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return false;
  }
  return true;
}

/** Characters of `text` for which `test` holds, per non-ASCII character. */
function share(text: string, test: (c: number) => boolean): number {
  let all = 0;
  let hits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    all++;
    if (test(c)) hits++;
  }
  return all ? hits / all : 0;
}

function decodes(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The message for bytes that are not UTF-8 and read better as another legacy encoding than as GBK
 * (judged on the first 64 KB): Shift-JIS with kana, EUC-KR with Hangul, spaces between words and
 * none of the full-width punctuation of Chinese text, or UTF-16 without a byte order mark.
 */
function foreignEncoding(body: Uint8Array): string | undefined {
  let head = body.subarray(0, 64 * 1024);
  // do not cut a multi-byte character in two
  while (head.length < body.length && head.length > 0 && head[head.length - 1]! >= 0x80) head = head.subarray(0, head.length - 1);
  const sjis = decodes('shift_jis', head);
  if (sjis !== undefined && share(sjis, (c) => c >= 0x3041 && c <= 0x30ff) >= 0.15) {
    return '看起来是日文 Shift-JIS 编码，不是 GBK/GB18030 中文，未检查：如确为答复，请另存为 UTF-8';
  }
  const euckr = decodes('euc-kr', head);
  if (euckr !== undefined && share(euckr, (c) => c >= 0xac00 && c <= 0xd7a3) >= 0.5) {
    // GBK Chinese decodes as EUC-KR Hangul too: Korean has spaces between words and ASCII punctuation
    let double = 0;
    let punct = 0;
    let spaces = 0;
    for (let i = 0; i < head.length; i++) {
      const b = head[i]!;
      if (b === 0x20 && i > 0 && head[i - 1]! >= 0x80 && (head[i + 1] ?? 0) >= 0x80) spaces++;
      if (b < 0x80) continue;
      double++;
      if ((b === 0xa1 || b === 0xa3) && head[i + 1]! >= 0xa1) punct++;
      i++;
    }
    if (double && punct < double * 0.01 && spaces >= double * 0.05) {
      return '看起来是韩文 EUC-KR 编码，不是 GBK/GB18030 中文，未检查：如确为答复，请另存为 UTF-8';
    }
  }
  if (head.length % 2 === 0 && head.length >= 4) {
    const u16 = decodes('utf-16be', head);
    if (u16 !== undefined && mostlyCjk(u16) && share(u16, (c) => c >= 0x4e00 && c <= 0x9fff) >= 0.5 && decodes('gb18030', head) === undefined) return UTF16_WITHOUT_BOM;
  }
  return undefined;
}

function lineOfByte(buf: Uint8Array, offset: number, base = 1): number {
  let line = base;
  for (let i = buf.indexOf(0x0a); i >= 0 && i < offset; i = buf.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** Counts well-formed multi-byte UTF-8 sequences and invalid bytes (stops counting after enough evidence). */
function scanUtf8(buf: Uint8Array): { validMultibyte: number; invalid: number; firstInvalid: number } {
  let validMultibyte = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    let ok = need > 0 && i + need < n;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; ok && k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (ok) {
      validMultibyte++;
      i += need + 1;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    }
    if (validMultibyte + invalid > 20000 && firstInvalid >= 0) break;
  }
  return { validMultibyte, invalid, firstInvalid: firstInvalid < 0 ? 0 : firstInvalid };
}

/** At least 80 % of the non-ASCII characters are CJK ideographs, CJK punctuation or full-width forms. */
function mostlyCjk(text: string): boolean {
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if (
      (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
      (c >= 0x3400 && c <= 0x4dbf) || // Ext A
      (c >= 0x4e00 && c <= 0x9fff) || // unified ideographs
      (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
      (c >= 0xff00 && c <= 0xffef) || // full-width forms
      (c >= 0x2010 && c <= 0x2027) || // dashes, quotes, ellipsis
      (c >= 0x20000 && c <= 0x3134f) // Ext B–G
    ) {
      cjk++;
    }
  }
  return nonAscii > 0 && cjk / nonAscii >= 0.8;
}
