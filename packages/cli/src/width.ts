// Display width of plain text in a terminal (CJK and full-width forms take two columns),
// via get-east-asian-width (the table string-width uses, without its emoji/ANSI handling).
import { eastAsianWidth } from 'get-east-asian-width';

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b || cp === 0xfe0f) continue; // control, combining, zero-width
    w += eastAsianWidth(cp, { ambiguousAsWide: false });
  }
  return w;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}
