// Text views: the prose of a document without markup, mapped back to source offsets.
//
// `text` is the prose in the original script; `simp` is the same text converted to
// Simplified script character by character (same length, so view indices are shared).
// `offsets[i]` is the source offset of view character i (kept as runs, see Builder). Blocks
// (paragraphs, headings, table cells…) are joined with '\n'. Matching never relies on \b.
import type { Root, RootContent, PhrasingContent } from 'mdast';
import { toSimplified } from './t2s.js';
import { splitSentences } from './sentences.js';
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
   * Source mapping as runs, three numbers each: view start, source start, last source offset.
   * View character i of a run maps to min(sourceStart + (i - viewStart), sourceLast): a value
   * that is the source text itself maps one to one, any other (entities, escapes…) is clamped to
   * its node's range. A reply has a few dozen runs; no per-character array is built.
   */
  runs: number[];
}

/** Source offset of view character i within the run starting at runs[r]. */
const runOffset = (runs: readonly number[], r: number, i: number): number => Math.min(runs[r + 1]! + (i - runs[r]!), runs[r + 2]!);

/** Source offset of view character i (0 <= i < length), by binary search over the runs. */
function offsetAt(runs: readonly number[], i: number): number {
  let lo = 0;
  let hi = runs.length / 3 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid * 3]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return runOffset(runs, lo * 3, i);
}

/** Source offset just after the last view character (which is in the last run), or 0. */
const nextOffset = (b: Builder): number => (b.length ? runOffset(b.runs, b.runs.length - 3, b.length - 1) + 1 : 0);

function push(b: Builder, value: string, sourceStart: number, sourceEnd: number, source: string): void {
  const n = value.length;
  if (!n) return;
  const runs = b.runs;
  // (slice and compare: V8's startsWith with a position compares character by character, ~5x slower)
  if (sourceEnd - sourceStart === n && source.slice(sourceStart, sourceEnd) === value) {
    // the value is the source text itself (the usual case): consecutive offsets, joined to the
    // previous run when that one is consecutive too and ends just before
    const r = runs.length - 3;
    if (r >= 0 && runs[r + 2] === sourceStart - 1 && runs[r + 1]! + (b.length - 1 - runs[r]!) === sourceStart - 1) runs[r + 2] = sourceStart + n - 1;
    else runs.push(b.length, sourceStart, sourceStart + n - 1);
  } else {
    runs.push(b.length, sourceStart, Math.max(sourceStart, sourceEnd - 1));
  }
  b.parts.push(value);
  b.length += n;
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
        b.runs.length -= 3; // the separator always starts a run of its own (source '' never matches)
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
  for (const block of blocks) {
    for (const [s, e] of splitSentences(simp, block.start, block.end)) sentences.push({ start: s, end: e, block: block.index });
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
      for (let r = 0; r < runs.length; r += 3) {
        const end = r + 3 < runs.length ? runs[r + 3]! : length;
        for (let i = runs[r]!; i < end; i++) offsets[i] = runOffset(runs, r, i);
      }
      this.materialized = offsets;
    }
    return this.materialized;
  }

  toSource(start: number, end: number): Range {
    const { runs, length } = this;
    if (length === 0) return [0, 0];
    const s = start < length ? offsetAt(runs, start) : offsetAt(runs, length - 1) + 1;
    const e = end > start ? offsetAt(runs, Math.min(end, length) - 1) + 1 : s;
    return [s, Math.max(s, e)];
  }
}
