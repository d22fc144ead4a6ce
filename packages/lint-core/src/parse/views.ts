// Text views: the prose of a document without markup, mapped back to source offsets.
//
// `text` is the prose in the original script; `simp` is the same text converted to
// Simplified script character by character (same length, so view indices are shared).
// `offsets[i]` is the source offset of view character i. Blocks (paragraphs, headings,
// table cells…) are joined with '\n'. Matching never relies on \b.
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
  offsets: Int32Array;
  blocks: Block[];
  sentences: Sentence[];
  /** Source range [start, end) of a view range. */
  toSource(start: number, end: number): Range;
}

interface Builder {
  parts: string[];
  /** View length so far (= number of offsets written). */
  length: number;
  /** Source offset of each view character; grown by doubling. */
  offsets: Int32Array;
}

/** Source offset just after the last view character, or 0. */
const nextOffset = (b: Builder): number => (b.length ? b.offsets[b.length - 1]! + 1 : 0);

function push(b: Builder, value: string, sourceStart: number, sourceEnd: number, source: string): void {
  const n = value.length;
  if (!n) return;
  const need = b.length + n;
  if (need > b.offsets.length) {
    const grown = new Int32Array(Math.max(need, b.offsets.length * 2));
    grown.set(b.offsets.subarray(0, b.length));
    b.offsets = grown;
  }
  const offsets = b.offsets;
  const at = b.length;
  if (sourceEnd - sourceStart === n && source.startsWith(value, sourceStart)) {
    // the value is the source text itself (the usual case): consecutive offsets
    for (let k = 0; k < n; k++) offsets[at + k] = sourceStart + k;
  } else {
    // the value differs from the source (entities, escapes…): clamp to the node's range
    const last = Math.max(sourceStart, sourceEnd - 1);
    for (let k = 0; k < n; k++) offsets[at + k] = Math.min(sourceStart + k, last);
  }
  b.parts.push(value);
  b.length = need;
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
  const b: Builder = { parts: [], length: 0, offsets: new Int32Array(Math.min(source.length + 16, 1 << 16)) };
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
  const offsets = b.offsets.length === b.length ? b.offsets : b.offsets.slice(0, b.length);
  const simp = toSimplified(text);
  const sentences: Sentence[] = [];
  for (const block of blocks) {
    for (const [s, e] of splitSentences(simp, block.start, block.end)) sentences.push({ start: s, end: e, block: block.index });
  }
  return {
    source,
    text,
    simp,
    offsets,
    blocks,
    sentences,
    toSource(start: number, end: number): Range {
      if (offsets.length === 0) return [0, 0];
      const s = start < offsets.length ? offsets[start]! : offsets[offsets.length - 1]! + 1;
      const e = end > start ? offsets[Math.min(end, offsets.length) - 1]! + 1 : s;
      return [s, Math.max(s, e)];
    },
  };
}
