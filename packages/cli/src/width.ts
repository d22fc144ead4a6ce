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

// Line breaking for Chinese text in a terminal: a line may break between any two CJK characters
// but not inside a run of Latin letters and digits (a rule id, a number, a path), never before
// closing punctuation (，。）” …) and never after opening punctuation (（“《 …).
const CLOSING = new Set([...'，。、；：？！）》」』”’〕】…—％,.;:?!)]}%']);
const OPENING = new Set([...'（《「『“‘〔【([{']);
const TOKEN = /[A-Za-z0-9_\-./:@%+#~=&?]+|\s+|[^]/gu;

/** `text` broken into lines of at most `width` columns (a token wider than that gets a line of its own). */
export function wrapText(text: string, width: number): string[] {
  const tokens: string[] = [];
  for (const [t] of text.matchAll(TOKEN)) {
    const prev = tokens[tokens.length - 1];
    if (prev !== undefined && (CLOSING.has(t[0]!) || OPENING.has([...prev].pop()!))) tokens[tokens.length - 1] = prev + t;
    else tokens.push(t);
  }
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const t of tokens) {
    const tw = displayWidth(t);
    if (w + tw > width && line.trim() !== '') {
      lines.push(line.trimEnd());
      line = t.trimStart();
      w = displayWidth(line);
    } else {
      line += t;
      w += tw;
    }
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** Columns of the terminal stdout writes to; 80 when it is not a terminal (COLUMNS when set). */
export function outputColumns(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  const env = Number(process.env.COLUMNS);
  const cols = stream.isTTY && stream.columns ? stream.columns : Number.isInteger(env) && env > 0 ? env : 80;
  return Math.max(40, Math.min(cols, 400));
}
