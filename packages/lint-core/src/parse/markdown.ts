// Markdown → mdast with front matter, GFM tables and CJK-friendly emphasis.
// One frozen processor per process; parsing is the only markup-aware step:
// everything after works on text views (see views.ts).
import type { Root, RootContent, Yaml } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly/parseOnly';
import { parsePlain, parseText } from './plain.js';
import { blockBoundaries, pieceBoundaries, WHOLE_MAX_CHARS } from './chunks.js';
import { plainSpans, type GuardLimits, type PlainSpan } from './guard.js';

let processor: { parse(text: string): Root } | undefined;

function getProcessor(): { parse(text: string): Root } {
  processor ??= unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkCjkFriendly)
    .freeze() as unknown as { parse(text: string): Root };
  return processor;
}

export interface HtmlComment {
  /** Comment body without `<!--` and `-->`, trimmed. */
  body: string;
  start: number;
  end: number;
}

export interface ParsedMarkdown {
  root: Root;
  frontMatter?: { value: string; start: number; end: number; valueStart: number };
  comments: HtmlComment[];
  /** Sections read as plain text because their markup would take too long to parse (guard.ts). */
  plain: PlainSpan[];
}

const COMMENT_RE = /<!--([\s\S]*?)-->/g;

export interface ParseOptions {
  /** `text`: no Markdown at all (parse/plain.ts parseText). Default `markdown`. */
  format?: 'markdown' | 'text';
  /**
   * Build plain-prose documents directly, and parse other documents block by block so that only
   * the blocks with markup go through micromark (default true; false: micromark on the whole).
   */
  plainFastPath?: boolean;
  /** Parse documents larger than this in pieces (default WHOLE_MAX_CHARS; see chunks.ts). */
  wholeMaxChars?: number;
  pieceChars?: number;
  /** Read sections with markup that parses super-linearly as plain text (default true; see guard.ts). */
  guard?: boolean;
  guardLimits?: GuardLimits;
  /** performance.now() time after which no further piece is parsed: ParseDeadlineError (engine/lint.ts timeBudget). */
  deadline?: number;
}

/** Thrown between the pieces of a large document when ParseOptions.deadline has passed. */
export class ParseDeadlineError extends Error {
  override name = 'ParseDeadlineError';
}

function checkDeadline(options: ParseOptions): void {
  if (options.deadline !== undefined && performance.now() > options.deadline) throw new ParseDeadlineError('parse deadline');
}

export function parseMarkdown(text: string, options: ParseOptions = {}): ParsedMarkdown {
  if (text.charCodeAt(0) === 0xfeff) {
    // a byte order mark given to the API: micromark drops it, which would shift every position by
    // one; parse what follows it and shift the positions back
    const rest = parseMarkdown(text.slice(1), options);
    const shift: Shift = { offset: 1, line: 0, column: 1 };
    shiftPositions(rest.root, shift);
    const moved = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: x.start + 1, end: x.end + 1 });
    return {
      root: rest.root,
      comments: rest.comments.map(moved),
      plain: rest.plain.map(moved),
      ...(rest.frontMatter ? { frontMatter: { ...moved(rest.frontMatter), valueStart: rest.frontMatter.valueStart + 1 } } : {}),
    };
  }
  const plain = options.format === 'text' || options.guard === false ? [] : plainSpans(text, frontMatterEnd(text), options.guardLimits);
  const root = options.format === 'text' ? parseText(text) : plain.length ? parseGuarded(text, plain, options) : parseRoot(text, options);
  const result: ParsedMarkdown = { root, comments: [], plain };
  const first = root.children[0];
  if (first && first.type === 'yaml') {
    const start = first.position!.start.offset!;
    const end = first.position!.end.offset!;
    const nl = text.indexOf('\n', start);
    const valueStart = nl < 0 || nl >= end ? end : nl + 1;
    result.frontMatter = { value: (first as Yaml).value, start, end, valueStart };
  }
  collectComments(root.children, text, result.comments);
  return result;
}

function parseOne(text: string, options: ParseOptions): Root {
  return (options.plainFastPath !== false && parsePlain(text)) || parseMarked(text);
}

// The pieces with markup that micromark parsed lately, by their text: an editor checks the document
// again at every keystroke, and only the piece being typed in has changed (micromark was over half
// of a language-server check of a 3,000-character reply with a list). A piece is parsed on its own
// (parsePieces), so its tree depends on its text alone. Trees are cloned in and out (the caller
// shifts their positions in place), and only a piece seen before is kept: a run over many
// documents, each piece new, pays no copy (the first copy cost a quarter of such a parse).
const MARKED_CACHE_ENTRIES = 256;
const MARKED_CACHE_MAX_CHARS = 8192;
/** A piece's tree, or null when it was seen once. */
const markedCache = new Map<string, Root | null>();

function parseMarked(text: string): Root {
  if (text.length > MARKED_CACHE_MAX_CHARS) return getProcessor().parse(text);
  const hit = markedCache.get(text);
  // most recently used last
  if (hit !== undefined) markedCache.delete(text);
  else if (markedCache.size >= MARKED_CACHE_ENTRIES) markedCache.delete(markedCache.keys().next().value!);
  if (hit) {
    markedCache.set(text, hit);
    return structuredClone(hit);
  }
  const root = getProcessor().parse(text);
  let kept: Root | null = null;
  if (hit === null) {
    try {
      kept = structuredClone(root);
    } catch {
      // a tree that cannot be cloned is not kept
    }
  }
  markedCache.set(text, kept);
  return root;
}

function parseRoot(text: string, options: ParseOptions): Root {
  if (text.length <= (options.wholeMaxChars ?? WHOLE_MAX_CHARS)) {
    if (options.plainFastPath === false) return getProcessor().parse(text);
    const plain = parsePlain(text);
    if (plain) return plain;
    // a clerk's draft with a few bold headings: micromark only for the blocks that have markup
    const blocks = blockBoundaries(text, frontMatterEnd(text));
    return blocks.length ? parsePieces(text, blocks, options) : getProcessor().parse(text);
  }
  const cuts = pieceBoundaries(text, frontMatterEnd(text), options.pieceChars);
  if (!cuts.length) return parseOne(text, options);
  return parsePieces(text, cuts, options);
}

/** The pieces text[0, cuts[0]), text[cuts[0], cuts[1])… parsed apart, positions shifted to the whole. */
function parsePieces(text: string, cuts: readonly number[], options: ParseOptions): Root {
  const children: RootContent[] = [];
  let line = 0; // lines before the piece
  let lineStart = 0; // offset of the line the piece starts in
  let prev = 0;
  for (const end of [...cuts, text.length]) {
    checkDeadline(options);
    const piece = parseOne(text.slice(prev, end), options);
    const shift: Shift = { offset: prev, line, column: prev - lineStart };
    // (one push per node: spreading a plain section's tens of thousands of paragraphs overflows the stack)
    for (const node of piece.children) {
      shiftPositions(node, shift);
      children.push(node);
    }
    for (let k = text.indexOf('\n', prev); k >= 0 && k < end; k = text.indexOf('\n', k + 1)) {
      line++;
      lineStart = k + 1;
    }
    prev = end;
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: line + 1, column: text.length - lineStart + 1, offset: text.length } } };
}

/**
 * A document with sections to read as plain text: the other sections are parsed as usual (each
 * on its own), the plain ones by parseText, and the positions shifted to the whole text.
 */
function parseGuarded(text: string, plain: readonly PlainSpan[], options: ParseOptions): Root {
  const children: RootContent[] = [];
  let line = 0; // lines before `at`
  let lineStart = 0; // offset of the line `at` is in
  let at = 0;
  const add = (end: number, asText: boolean) => {
    if (end <= at) return;
    checkDeadline(options);
    const slice = text.slice(at, end);
    const piece = asText ? parseText(slice) : parseRoot(slice, options);
    const shift: Shift = { offset: at, line, column: at - lineStart };
    // (one push per node: spreading a plain section's tens of thousands of paragraphs overflows the stack)
    for (const node of piece.children) {
      shiftPositions(node, shift);
      children.push(node);
    }
    for (let k = text.indexOf('\n', at); k >= 0 && k < end; k = text.indexOf('\n', k + 1)) {
      line++;
      lineStart = k + 1;
    }
    at = end;
  };
  for (const span of plain) {
    add(span.start, false);
    add(span.end, true);
  }
  add(text.length, false);
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: line + 1, column: text.length - lineStart + 1, offset: text.length } } };
}

/** End of a leading `---` front matter block (0 when there is none). */
function frontMatterEnd(text: string): number {
  if (!/^---\r?\n/.test(text)) return 0;
  const first = text.indexOf('\n') + 1;
  const m = /^---[ \t]*(\r?\n|$)/m.exec(text.slice(first));
  return m ? first + m.index + m[0].length : 0;
}

interface Shift {
  offset: number;
  line: number;
  column: number;
}

function shiftPoint(p: { line: number; column: number; offset?: number }, s: Shift): void {
  if (p.offset !== undefined) p.offset += s.offset;
  if (p.line > 0) {
    if (p.line === 1) p.column += s.column;
    p.line += s.line;
  }
}

function shiftPositions(node: Root | RootContent, s: Shift): void {
  if (node.position) {
    shiftPoint(node.position.start, s);
    shiftPoint(node.position.end, s);
  }
  if ('children' in node) {
    for (const c of node.children) {
      if (c.position && c.position === node.position) {
        // shared with the parent (plain.ts paragraph), already shifted: only its children
        if ('children' in c) for (const g of c.children) shiftPositions(g, s);
      } else shiftPositions(c, s);
    }
  }
}

function collectComments(nodes: readonly RootContent[], text: string, out: HtmlComment[]): void {
  for (const node of nodes) {
    if (node.type === 'html') {
      const base = node.position?.start.offset ?? 0;
      const raw = text.slice(base, node.position?.end.offset ?? base);
      for (const m of raw.matchAll(COMMENT_RE)) {
        out.push({ body: m[1]!.trim(), start: base + m.index, end: base + m.index + m[0].length });
      }
    } else if ('children' in node) {
      collectComments(node.children as RootContent[], text, out);
    }
  }
}
