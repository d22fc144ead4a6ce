// Split points for parsing very large documents in pieces.
//
// micromark resolves emphasis per paragraph with work that grows with the square of the number
// of delimiters in it (resolveAllAttention + splice): a 5 MB reply written as one paragraph with
// bold spans took 140 s. Replies are a few KB; a document is parsed in pieces only when it is
// far larger than any real reply, and the pieces end at places where starting afresh keeps the
// prose the same:
//   1. preferably a blank line followed by an unindented line (not `---`, which would open
//      front matter), outside fenced code and HTML comments (a paragraph, list or quote ends
//      there anyway);
//   2. failing that (one huge paragraph or list), the start of an unindented line that does not
//      continue a table;
//   3. failing that (one huge line), just after a Chinese sentence end (。！？；) followed by a
//      character that cannot start Markdown syntax.
// In cases 2 and 3 an emphasis span or link that crosses the point is read as literal text.
// Offsets stay exact: each piece is parsed on its own and its positions are shifted.

/** Pieces are cut once they reach this many characters. */
export const PIECE_CHARS = 16_384;
/** Documents up to this size are parsed whole. */
export const WHOLE_MAX_CHARS = 65_536;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// a sentence end followed by a Chinese character, CJK punctuation, a full-width form or a number
// that is not a list marker: a piece may start there without Markdown meaning
const SENTENCE_END = /[。！？；](?=[\u4e00-\u9fff\u3001-\u303f\uff01-\uff5e]|\d{1,9}(?![\d.)]))/g;

/**
 * Offsets (ascending, excluding 0 and text.length) at which to cut `text` into pieces of
 * roughly `pieceChars`, never before `from` (the end of front matter).
 */
export function pieceBoundaries(text: string, from = 0, pieceChars = PIECE_CHARS): number[] {
  const cuts: number[] = [];
  let pieceStart = 0;
  let fallback = -1; // first kind-2 point after the target in the current piece
  const cut = (at: number) => {
    cuts.push(at);
    pieceStart = at;
    fallback = -1;
  };
  let fence: { char: string; len: number } | undefined;
  let inComment = false;
  let prevBlank = false;
  let prevTable = false;
  for (let i = from; i < text.length; ) {
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    const line = text.slice(i, nl);
    const blank = /^[ \t\r]*$/.test(line);
    // (not before U+FEFF either: micromark drops one at the start of what it parses, shifting the piece)
    if (i > from && !fence && !inComment && !blank && !/^[ \t\uFEFF]|^---/.test(line) && i - pieceStart >= pieceChars) {
      if (prevBlank) cut(i);
      else if (!prevTable && line[0] !== '|' && fallback < 0) fallback = i;
    }
    // no kind-1 point within another piece's length: take the fallback
    if (fallback >= 0 && i - fallback >= pieceChars) cut(fallback);
    if (nl - i > pieceChars && !fence && !inComment) {
      if (fallback >= 0) cut(fallback);
      SENTENCE_END.lastIndex = 0;
      for (let m = SENTENCE_END.exec(line); m; m = SENTENCE_END.exec(line)) {
        const at = i + m.index + 1;
        if (at - pieceStart >= pieceChars) cut(at);
      }
    }
    // state after this line
    if (!inComment) {
      const f = FENCE.exec(line);
      if (fence) {
        if (f && f[1]![0] === fence.char && f[1]!.length >= fence.len && /^[ \t\r]*$/.test(line.slice(f[0].length))) fence = undefined;
      } else if (f) {
        fence = { char: f[1]![0]!, len: f[1]!.length };
      }
    }
    if (!fence) {
      const open = line.lastIndexOf('<!--');
      const close = line.lastIndexOf('-->');
      if (open >= 0 && open > close - 2) inComment = true;
      else if (close >= 0) inComment = false;
    }
    prevBlank = blank;
    prevTable = line.includes('|');
    i = nl + 1;
  }
  if (fallback >= 0) cut(fallback);
  return cuts;
}

// Markup that can reach across a blank line: link reference and footnote definitions (used from
// anywhere in the document) and HTML blocks (<pre>, <script>, comments… run past blank lines).
const CROSSES_BLANK_LINES = /\][(\[:]|\[\^|^ {0,3}<|\r/m;

// A list marker with nothing after it on its line (see blockBoundaries).
const EMPTY_ITEM = /^(?:\d{1,9}[.)]|[-+*])[ \t]*\r?$/;

/**
 * Offsets where a document of ordinary size can be parsed block by block: each blank line
 * followed by an unindented line that does not start with `---`, outside fenced code, in
 * documents without markup that reaches across blank lines (none then: an empty list). Parsing
 * the blocks apart gives the same text views as parsing the whole (parse/markdown.ts uses it so
 * that only the blocks with markup go through micromark). Not before a list marker with nothing
 * after it (`1. ` at the end of a line): micromark reads that as a paragraph after indented code
 * and a blank line, but as an empty list on its own.
 */
export function blockBoundaries(text: string, from = 0): number[] {
  if (CROSSES_BLANK_LINES.test(text.slice(from))) return [];
  const cuts: number[] = [];
  let fence: { char: string; len: number } | undefined;
  let prevBlank = false;
  for (let i = from; i < text.length; ) {
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    const first = text.charCodeAt(i);
    const blank = isBlankLine(text, i, nl);
    // (not before U+FEFF: micromark drops one at the start of what it parses, shifting the piece)
    if (prevBlank && !fence && !blank && first !== 0x20 && first !== 0x09 && first !== 0xfeff && !text.startsWith('---', i) && i > from && !EMPTY_ITEM.test(text.slice(i, nl))) cuts.push(i);
    if (!blank && (first === 0x60 || first === 0x7e || first === 0x20)) {
      const f = FENCE.exec(text.slice(i, nl));
      if (fence) {
        if (f && f[1]![0] === fence.char && f[1]!.length >= fence.len && /^[ \t]*$/.test(text.slice(i + f[0].length, nl))) fence = undefined;
      } else if (f) {
        fence = { char: f[1]![0]!, len: f[1]!.length };
      }
    }
    prevBlank = blank;
    i = nl + 1;
  }
  return cuts;
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}
