// Text views: the prose of a document without markup, mapped back to source offsets.
//
// `text` is the prose in the original script; `simp` is the same text converted to
// Simplified script character by character (same length, so view indices are shared).
// `offsets[i]` is the source offset of view character i (kept as runs, see Builder). Blocks
// (paragraphs, headings, table cells…) are joined with '\n'. Matching never relies on \b.
import type { Root, RootContent, PhrasingContent } from 'mdast';
import { toSimplified } from './t2s.js';
import { forEachSentence } from './sentences.js';
import type { Range } from '../types.js';

export type BlockKind = 'paragraph' | 'heading' | 'tableCell';

export interface Block {
  kind: BlockKind;
  /** View range [start, end). */
  start: number;
  end: number;
  /** Nesting context, e.g. inside a list item or block quote. */
  inList: boolean;
  inQuote: boolean;
  /** Index among blocks; the last blocks of a document hold the signature. */
  index: number;
}

export interface Sentence {
  start: number;
  end: number;
  block: number;
}

export interface DocumentView {
  source: string;
  text: string;
  simp: string;
  /** Source offset of each view character (built on first access; toSource() does not need it). */
  readonly offsets: Int32Array;
  blocks: Block[];
  sentences: Sentence[];
  /** Source range [start, end) of a view range. */
  toSource(start: number, end: number): Range;
}

interface Builder {
  parts: string[];
  /** View length so far. */
  length: number;
  /**
   * Source mapping as runs, four numbers each: view start, source start, last source offset, and
   * the end of the source construct of the last offset. View character i of a run starts at
   * lo = min(sourceStart + (i - viewStart), sourceLast) and ends at lo + 1, or at the fourth number
   * when lo is the last offset: text that is the source itself maps one to one; the characters of
   * a character reference or an escape map to the whole reference or escape, so that a range never
   * ends inside one. A reply has a few dozen runs; no per-character array is built.
   */
  runs: number[];
}

const RUN = 4;

/** Source offset of view character i within the run starting at runs[r]. */
const runOffset = (runs: readonly number[], r: number, i: number): number => Math.min(runs[r + 1]! + (i - runs[r]!), runs[r + 2]!);

/** Source offset just after view character i within the run starting at runs[r]. */
function runEnd(runs: readonly number[], r: number, i: number): number {
  const lo = runOffset(runs, r, i);
  return lo === runs[r + 2]! ? runs[r + 3]! : lo + 1;
}

/** The run holding view character i (0 <= i < length), by binary search. */
function runAt(runs: readonly number[], i: number): number {
  let lo = 0;
  let hi = runs.length / RUN - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid * RUN]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo * RUN;
}

const offsetAt = (runs: readonly number[], i: number): number => runOffset(runs, runAt(runs, i), i);
const endAt = (runs: readonly number[], i: number): number => runEnd(runs, runAt(runs, i), i);

/** Source offset just after the last view character (which is in the last run), or 0. */
const nextOffset = (b: Builder): number => (b.length ? runEnd(b.runs, b.runs.length - RUN, b.length - 1) : 0);

// Zero-width characters are left out of the view, so that they cannot hide a phrase (根\u200b据);
// the view characters around them keep their own source offsets.
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;
const ZERO_WIDTH_G = /[\u200b-\u200d\u2060\ufeff]+/g;

/** Appends `str`, which is source[sourceStart, sourceStart + str.length) itself. */
function pushSource(b: Builder, str: string, sourceStart: number): void {
  if (ZERO_WIDTH.test(str)) {
    let prev = 0;
    for (const m of str.matchAll(ZERO_WIDTH_G)) {
      pushSource(b, str.slice(prev, m.index), sourceStart + prev);
      prev = m.index + m[0].length;
    }
    pushSource(b, str.slice(prev), sourceStart + prev);
    return;
  }
  const n = str.length;
  if (!n) return;
  const runs = b.runs;
  // consecutive offsets, joined to the previous run when that one is consecutive too and ends just before
  const r = runs.length - RUN;
  if (r >= 0 && runs[r + 2] === sourceStart - 1 && runs[r + 3] === sourceStart && runs[r + 1]! + (b.length - 1 - runs[r]!) === sourceStart - 1) {
    runs[r + 2] = sourceStart + n - 1;
    runs[r + 3] = sourceStart + n;
  } else runs.push(b.length, sourceStart, sourceStart + n - 1, sourceStart + n);
  b.parts.push(str);
  b.length += n;
}

/** Appends `str`, every character of which stands for the source construct [start, end). */
function pushConstruct(b: Builder, str: string, start: number, end: number): void {
  const shown = ZERO_WIDTH.test(str) ? str.replace(ZERO_WIDTH_G, '') : str;
  if (!shown) return;
  b.runs.push(b.length, start, start, Math.max(start + 1, end));
  b.parts.push(shown);
  b.length += shown.length;
}

// a character reference as micromark reads it
const CHAR_REF = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/y;
const AMP = 0x26;
const BACKSLASH = 0x5c;

/** How many characters of the value a character reference stands for. */
function refLength(ref: string, value: string, v: number): number {
  if (ref[1] === '#') {
    const cp = ref[2] === 'x' || ref[2] === 'X' ? parseInt(ref.slice(3, -1), 16) : parseInt(ref.slice(2, -1), 10);
    return cp > 0xffff && cp <= 0x10ffff ? 2 : 1;
  }
  const c = value.charCodeAt(v);
  return c >= 0xd800 && c <= 0xdbff ? 2 : 1;
}

/** Source characters a node value leaves out: container prefixes, indentation, a CR before LF. */
const isSkippable = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x3e || c === 0x0d;

function push(b: Builder, value: string, sourceStart: number, sourceEnd: number, source: string): void {
  const n = value.length;
  if (!n) return;
  // (slice and compare: V8's startsWith with a position compares character by character, ~5x slower)
  if (sourceEnd - sourceStart === n && source.slice(sourceStart, sourceEnd) === value) {
    // the value is the source text itself (the usual case)
    pushSource(b, value, sourceStart);
    return;
  }
  // otherwise align the value with its source: equal characters one to one; a character reference
  // or an escape as a whole; prefixes and indentation of continuation lines skipped; anything
  // else one to one, and what is left when the source runs out at its last character
  let r = sourceStart;
  let v = 0;
  let same = -1; // start (in the value) of the current run of characters equal to the source
  let sameAt = 0;
  const flush = () => {
    if (same >= 0 && v > same) pushSource(b, value.slice(same, v), sameAt);
    same = -1;
  };
  while (v < n) {
    if (r >= sourceEnd) {
      flush();
      pushConstruct(b, value.slice(v), Math.max(sourceStart, sourceEnd - 1), Math.max(sourceStart, sourceEnd - 1) + 1);
      return;
    }
    const c = value.charCodeAt(v);
    const sc = source.charCodeAt(r);
    let ref: RegExpExecArray | null = null;
    if (sc === AMP) {
      CHAR_REF.lastIndex = r;
      ref = CHAR_REF.exec(source);
      if (ref && r + ref[0].length <= sourceEnd && value.startsWith(ref[0], v)) ref = null; // a reference left as text
    }
    if (sc === c && !ref) {
      if (same < 0) {
        same = v;
        sameAt = r;
      }
      v++;
      r++;
      continue;
    }
    flush();
    if (ref && r + ref[0].length <= sourceEnd) {
      const k = refLength(ref[0], value, v);
      pushConstruct(b, value.slice(v, v + k), r, r + ref[0].length);
      v += k;
      r += ref[0].length;
    } else if (sc === BACKSLASH && source.charCodeAt(r + 1) === c) {
      pushConstruct(b, value[v]!, r, r + 2);
      v++;
      r += 2;
    } else if (isSkippable(sc)) {
      r++;
    } else {
      pushConstruct(b, value[v]!, r, r + 1);
      v++;
      r++;
    }
  }
  flush();
}

function phrasing(nodes: readonly PhrasingContent[], b: Builder, source: string, parentStart = 0, parentEnd = source.length): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text': {
        let s = node.position?.start.offset;
        let e = node.position?.end.offset;
        if (s === undefined || e === undefined) {
          // some extensions (GFM autolink literals) create text nodes without positions:
          // find the value inside the parent's range
          const from = Math.max(parentStart, nextOffset(b));
          const found = source.indexOf(node.value, from);
          s = found >= 0 && found + node.value.length <= parentEnd ? found : parentStart;
          e = s + node.value.length;
        }
        push(b, node.value, s, e, source);
        break;
      }
      case 'break': {
        const s = node.position?.start.offset ?? 0;
        push(b, '\n', s, s + 1, source);
        break;
      }
      case 'inlineCode':
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        break;
      default:
        if ('children' in node) {
          phrasing(node.children as PhrasingContent[], b, source, node.position?.start.offset ?? parentStart, node.position?.end.offset ?? parentEnd);
        }
    }
  }
}

export function buildView(root: Root, source: string): DocumentView {
  const b: Builder = { parts: [], length: 0, runs: [] };
  const blocks: Block[] = [];

  const addBlock = (kind: BlockKind, node: { children: PhrasingContent[]; position?: Root['position'] }, endOffset: number, inList: boolean, inQuote: boolean) => {
    if (blocks.length > 0) push(b, '\n', endOffset, endOffset + 1, '');
    const start = b.length;
    phrasing(node.children, b, source, node.position?.start.offset ?? 0, node.position?.end.offset ?? source.length);
    if (b.length === start) {
      // empty block: drop the separator we just added
      if (blocks.length > 0) {
        b.parts.pop();
        b.length -= 1;
        b.runs.length -= RUN; // the separator always starts a run of its own (source '' never matches)
      }
      return;
    }
    blocks.push({ kind, start, end: b.length, inList, inQuote, index: blocks.length });
  };

  const walk = (nodes: readonly RootContent[], inList: boolean, inQuote: boolean) => {
    for (const node of nodes) {
      const prevEnd = nextOffset(b);
      switch (node.type) {
        case 'paragraph':
          addBlock('paragraph', node, prevEnd, inList, inQuote);
          break;
        case 'heading':
          addBlock('heading', node, prevEnd, inList, inQuote);
          break;
        case 'tableCell':
          addBlock('tableCell', node, prevEnd, inList, inQuote);
          break;
        case 'code':
        case 'html':
        case 'yaml':
        case 'thematicBreak':
        case 'definition':
          break;
        case 'list':
        case 'listItem':
          walk(node.children as RootContent[], true, inQuote);
          break;
        case 'blockquote':
          walk(node.children as RootContent[], inList, true);
          break;
        default:
          if ('children' in node) walk(node.children as RootContent[], inList, inQuote);
      }
    }
  };
  walk(root.children, false, false);

  const text = b.parts.join('');
  const simp = toSimplified(text);
  const sentences: Sentence[] = [];
  let index = 0;
  const add = (start: number, end: number) => void sentences.push({ start, end, block: index });
  for (const block of blocks) {
    index = block.index;
    forEachSentence(simp, block.start, block.end, add);
  }
  return new View(source, text, simp, blocks, sentences, b.runs, b.length);
}

class View implements DocumentView {
  private materialized: Int32Array | undefined;

  constructor(
    readonly source: string,
    readonly text: string,
    readonly simp: string,
    readonly blocks: Block[],
    readonly sentences: Sentence[],
    private readonly runs: readonly number[],
    private readonly length: number,
  ) {}

  get offsets(): Int32Array {
    if (!this.materialized) {
      const { runs, length } = this;
      const offsets = new Int32Array(length);
      for (let r = 0; r < runs.length; r += RUN) {
        const end = r + RUN < runs.length ? runs[r + RUN]! : length;
        for (let i = runs[r]!; i < end; i++) offsets[i] = runOffset(runs, r, i);
      }
      this.materialized = offsets;
    }
    return this.materialized;
  }

  toSource(start: number, end: number): Range {
    const { runs, length } = this;
    if (length === 0) return [0, 0];
    const s = start < length ? offsetAt(runs, start) : endAt(runs, length - 1);
    const e = end > start ? endAt(runs, Math.min(end, length) - 1) : s;
    return [s, Math.max(s, e)];
  }
}
