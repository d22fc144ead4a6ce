// Lint time stays linear in the input for nested and repetitive Markdown (the hostile-input issue):
// a generated unit of markup is repeated to 4 KB and to 32 KB, and the time per KB of the large
// text may not grow with its size. Quadratic work shows as 8 times the time per KB; linear work as
// about 1. The bound (3 times, plus a small constant per KB) leaves room for a loaded 2-core
// machine: each size is timed as the fastest of several runs, and a failing case is timed again
// before it counts, so that a pause of the machine does not fail the suite.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinter } from '@replylint/core';

const NOW = new Date('2025-06-30T10:00:00+08:00');
const linter = createLinter();
const SMALL = 4 * 1024;
const LARGE = 32 * 1024;

// markup that opens containers, delimiter runs, spans and blocks, and prose
const fragment = fc.constantFrom(
  '*', '**', '_', '~', '~~', '`', '``', '```', '[', ']', '](', '![', '(', ')', '<', '<!--', '<?', '-->', '>', '&amp;', '&#1;', '\\', '\\*', '|', '| a ', '|---',
  '- ', '* ', '+ ', '1. ', '> ', '  ', '    ', '\t', '#', '# ', '---', '===', '\n', '\n\n', '\r\n', '\r',
  'a', '您好', '该市民无理取闹', '。', '，', 'http://a.b', 'www.a', 'a@b.c', '[^1]', '[a]: b', '<a href="', '"', "'",
);
// a repeated unit: flat (`*a` × n), or a nesting prefix growing with each repetition (a staircase)
const shape = fc.record({
  unit: fc.array(fragment, { minLength: 1, maxLength: 6 }).map((xs) => xs.join('')),
  nest: fc.option(fc.constantFrom('> ', '- ', '  ', '1. ', '>'), { nil: undefined }),
});
type Shape = { unit: string; nest: string | undefined };

function make({ unit, nest }: Shape, size: number): string {
  const out: string[] = [];
  let n = 0;
  for (let k = 0; n < size; k++) {
    const piece = nest ? `${nest.repeat(k % 200)}${unit}\n` : unit;
    out.push(piece);
    n += piece.length;
  }
  return out.join('').slice(0, size);
}

/** Fastest of `runs` lints of `text`, in ms per KB. */
function msPerKB(text: string, runs: number): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    linter.lint(text, { now: NOW });
    best = Math.min(best, performance.now() - t0);
  }
  return best / (text.length / 1024);
}

/** Whether the large text costs no more per KB than the small one (3 times, + 0.5 ms per KB), measured up to 3 times. */
function linear(s: Shape): { ok: boolean; small: number; large: number } {
  let small = 0;
  let large = 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    small = Math.max(small, msPerKB(make(s, SMALL), 3));
    large = msPerKB(make(s, LARGE), 2);
    if (large <= 3 * small + 0.5) return { ok: true, small, large };
  }
  return { ok: false, small, large };
}

describe('Markdown lint time', () => {
  it('stays linear in the size of nested and repetitive markup', () => {
    linter.lint('# 标题\n\n- *您好* [a](b) `c` ~~d~~\n\n| a |\n| - |\n| b |\n', { now: NOW }); // warm up
    fc.assert(
      fc.property(shape, (s) => {
        const r = linear(s);
        expect(r.ok, `${JSON.stringify(s)}: ${r.small.toFixed(2)} ms/KB at 4 KB, ${r.large.toFixed(2)} ms/KB at 32 KB`).toBe(true);
      }),
      {
        numRuns: 12,
        // the shapes of the issue first
        examples: [[{ unit: '*a', nest: undefined }], [{ unit: '~a', nest: undefined }], [{ unit: '- ', nest: undefined }], [{ unit: '- 项目', nest: '  ' }], [{ unit: ' 您好', nest: '>' }], [{ unit: 'a <!--a', nest: undefined }], [{ unit: '![a](b', nest: undefined }]],
      },
    );
  }, 240_000);
});
