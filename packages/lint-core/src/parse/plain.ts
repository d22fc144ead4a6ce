// Fast path for plain-prose replies (most 12345 replies contain no Markdown syntax).
// micromark costs ~1 µs per character; for a document whose lines contain no character
// that could start Markdown syntax, the mdast is just front matter + paragraphs of text,
// which we build directly. Anything else returns undefined and goes through remark.
// test/engine/plain.property.test.ts checks the views built both ways are identical.
import type { Paragraph, Root, RootContent, Text, Yaml } from 'mdast';

// Characters that can open inline syntax anywhere in a line (emphasis, code, HTML/autolinks,
// entities, escapes, strikethrough, tables).
const INLINE_SPECIAL_FROM = /[*_`<&\\~|\0\uFEFF]/g;
// Square brackets are literal text (宿政办[2021]32号) unless the document could hold a link,
// an image, a definition or a footnote: `](`, `][`, `]:` or `[^`.
const BRACKET_SYNTAX = /\][(\[:]|\[\^/;
// Characters that can open block syntax at the start of a line (':-' opens a pipe-less GFM table delimiter row).
const BLOCK_START = /^(?::-|[#>\-+*=_|~`<]|\d{1,9}[.)](?:[ \t]|$))/;

const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;

function pos(start: number, end: number) {
  return { start: { line: 0, column: 0, offset: start }, end: { line: 0, column: 0, offset: end } };
}

/** The YAML front matter of a text that starts with `---`, and where the body starts; undefined when it is not closed. */
function frontMatter(text: string): { node: Yaml; next: number } | undefined {
  const firstEnd = text.indexOf('\n') + 1;
  const m = /^---(\r?\n|$)/m.exec(text.slice(firstEnd));
  if (!m) return undefined;
  const closeStart = firstEnd + m.index;
  const end = closeStart + 3;
  return { node: { type: 'yaml', value: text.slice(firstEnd, closeStart).replace(/\r?\n$/, ''), position: pos(0, end) } as Yaml, next: end + m[1]!.length };
}

/** A paragraph of one text node over [start, end) of the source. */
function paragraph(text: string, start: number, end: number): Paragraph {
  // one position object for both nodes (a 20 MB reply has a million paragraphs; markdown.ts's
  // shiftPositions skips a child whose position is its parent's)
  const position = pos(start, end);
  const t: Text = { type: 'text', value: text.slice(start, end), position };
  return { type: 'paragraph', children: [t], position } as Paragraph;
}

export function parsePlain(text: string): Root | undefined {
  // bare '\r' line endings are rare; leave them to remark
  if (/\r(?!\n)/.test(text)) return undefined;
  if (BRACKET_SYNTAX.test(text)) return undefined;
  const children: RootContent[] = [];
  let i = 0;
  if (text.startsWith('---\n') || text.startsWith('---\r\n')) {
    const fm = frontMatter(text);
    if (!fm) return undefined;
    children.push(fm.node);
    i = fm.next;
  }
  // inline syntax can start anywhere: one scan of the whole body instead of one per line
  INLINE_SPECIAL_FROM.lastIndex = i;
  if (INLINE_SPECIAL_FROM.test(text)) return undefined;
  let paraStart = -1;
  let paraEnd = -1;
  const flush = () => {
    if (paraStart < 0) return;
    children.push(paragraph(text, paraStart, paraEnd));
    paraStart = -1;
  };
  while (i <= text.length) {
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    const lineEnd = nl > i && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
    let k = i;
    while (k < lineEnd && isBlank(text.charCodeAt(k))) k++;
    if (k === lineEnd) {
      flush();
    } else {
      // indentation or trailing blanks (a hard break) are Markdown; so are block markers, which
      // all start with an ASCII character
      if (k > i || isBlank(text.charCodeAt(lineEnd - 1))) return undefined;
      if (text.charCodeAt(i) < 0x80 && BLOCK_START.test(text.slice(i, lineEnd))) return undefined;
      if (paraStart < 0) paraStart = i;
      paraEnd = lineEnd;
    }
    if (nl >= text.length) break;
    i = nl + 1;
  }
  flush();
  const root: Root = { type: 'root', children, position: pos(0, text.length) };
  return root;
}

/**
 * A reply given as plain text (a spreadsheet cell, a web form field): no Markdown at all. Paragraphs
 * are runs of non-blank lines; indentation and `#`, `*`, `>` are the writer's typing, kept as text.
 * YAML front matter at the very start is still read (a plain-text file may carry ticket metadata).
 */
export function parseText(text: string): Root {
  const children: RootContent[] = [];
  let i = 0;
  const fm = text.startsWith('---\n') || text.startsWith('---\r\n') ? frontMatter(text) : undefined;
  if (fm) {
    children.push(fm.node);
    i = fm.next;
  }
  let paraStart = -1;
  let paraEnd = -1;
  const flush = () => {
    if (paraStart < 0) return;
    children.push(paragraph(text, paraStart, paraEnd));
    paraStart = -1;
  };
  while (i <= text.length) {
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    let lineEnd = nl > i && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
    let k = i;
    while (k < lineEnd && isSpace(text.charCodeAt(k))) k++;
    while (lineEnd > k && isSpace(text.charCodeAt(lineEnd - 1))) lineEnd--;
    if (k === lineEnd) flush();
    else {
      if (paraStart < 0) paraStart = k;
      paraEnd = lineEnd;
    }
    if (nl >= text.length) break;
    i = nl + 1;
  }
  flush();
  return { type: 'root', children, position: pos(0, text.length) };
}

/** Blanks of plain text: space, tab, ideographic space, no-break space, and a stray carriage return. */
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0x0d;
