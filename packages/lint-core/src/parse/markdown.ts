// Markdown → mdast with front matter, GFM tables and CJK-friendly emphasis.
// One frozen processor per process; parsing is the only markup-aware step:
// everything after works on text views (see views.ts).
import type { Root, RootContent, Yaml } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly/parseOnly';
import { parsePlain } from './plain.js';

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
}

const COMMENT_RE = /<!--([\s\S]*?)-->/g;

export function parseMarkdown(text: string, options: { plainFastPath?: boolean } = {}): ParsedMarkdown {
  const root = (options.plainFastPath !== false && parsePlain(text)) || getProcessor().parse(text);
  const result: ParsedMarkdown = { root, comments: [] };
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
