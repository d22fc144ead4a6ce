// Valid UTF-8 bytes → string, faster than Buffer#toString('utf8') for Chinese text.
//
// V8's UTF-8 decoder scans the bytes twice (length and encoding, then conversion) one code point
// at a time through a state machine: on this project's 2-core bench machine it was the largest
// single cost of reading a reply file (~7 µs for a 1 KB reply, 5 % of all instructions of a
// 10,000-file check). Decoding into a reused UTF-16 buffer with a plain loop and copying that into
// a string takes about a third of the time (bench/README.md, fifth round).
//
// Only for bytes already validated as UTF-8 (isUtf8): the loop does not check continuation bytes.
import { Buffer } from 'node:buffer';
import { endianness } from 'node:os';

/** Up to this many bytes go through the loop (a reply is ~1 KB; the buffer is 2 bytes per unit). */
const MAX_BYTES = 64 * 1024;
// a UTF-16 copy of the decoded units is read back as UTF-16LE: only on little-endian machines
const LITTLE_ENDIAN = endianness() === 'LE';
let units: Uint16Array | undefined;
let unitBytes: Buffer | undefined;

/** Decodes `bytes`, which must be valid UTF-8 (without BOM handling: a BOM becomes U+FEFF). */
export function decodeValidUtf8(bytes: Uint8Array): string {
  const n = bytes.length;
  if (n > MAX_BYTES || !LITTLE_ENDIAN) return Buffer.from(bytes.buffer, bytes.byteOffset, n).toString('utf8');
  units ??= new Uint16Array(MAX_BYTES);
  unitBytes ??= Buffer.from(units.buffer);
  const out = units;
  let j = 0;
  let ascii = true;
  for (let i = 0; i < n; ) {
    const c = bytes[i]!;
    if (c < 0x80) {
      out[j++] = c;
      i += 1;
    } else if (c < 0xe0) {
      out[j++] = ((c & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      ascii = false;
      i += 2;
    } else if (c < 0xf0) {
      out[j++] = ((c & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      ascii = false;
      i += 3;
    } else {
      const cp = (((c & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f)) - 0x10000;
      out[j++] = 0xd800 + (cp >> 10);
      out[j++] = 0xdc00 + (cp & 0x3ff);
      ascii = false;
      i += 4;
    }
  }
  // ASCII-only text (rare in replies) as a one-byte string, like V8 makes it
  if (ascii) return Buffer.from(bytes.buffer, bytes.byteOffset, n).toString('latin1');
  return unitBytes.toString('utf16le', 0, j * 2);
}
