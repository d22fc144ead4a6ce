#!/usr/bin/env node
// Lint time per KB for Markdown shapes that parse super-linearly (the hostile-input issue), at
// 1 KB, 10 KB, 100 KB, 1 MB and 5 MB. Each (shape, size) runs in a child process of its own with a
// time cap (--cap seconds, default 30): a shape that exceeds the cap is reported as such and its
// larger sizes are skipped, so the benchmark always ends. Peak memory is the child's maxRSS.
// Needs the build output (npm run build).
//
//   node bench/hostile.mjs                      # every shape, every size
//   node bench/hostile.mjs --shapes emph,table  # some shapes
//   node bench/hostile.mjs --sizes 1,10,100 --cap 10
//   node bench/hostile.mjs --json
//   node bench/hostile.mjs --core packages/lint-core/some-other-build   # another build of the core
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};

// Each shape: a function from a size in characters to a text of about that size.
const repeat = (unit, n) => unit.repeat(Math.max(1, Math.round(n / unit.length)));
export const SHAPES = {
  // the yardstick: real prose, one paragraph per sentence pair
  prose: (n) => repeat('您好！经核查，您反映的施工噪音问题属实，已责令施工单位整改。\n\n', n),
  // Markdown prose (one bold phrase, one list per reply): the yardstick for what micromark costs
  'md-prose': (n) => repeat('您好！经核查，您反映的**施工噪音**问题属实。\n\n- 已责令施工单位整改；\n- 已于9月23日复查。\n\n', n),
  emph: (n) => repeat('*a', n),
  'long-runs': (n) => `${'*'.repeat(n >> 1)}a${'*'.repeat(n >> 1)}`,
  strike: (n) => repeat('~a', n),
  underscore: (n) => repeat('_a', n),
  'emph-lines': (n) => repeat('*a*a**a***b\n', n),
  dashes: (n) => repeat('- ', n),
  'dash-lines': (n) => repeat(`${'- '.repeat(30)}a\n`, n),
  'nested-list': (n) => {
    // a staircase: each line one level deeper than the last, restarting after 100 levels
    const out = [];
    let len = 0;
    for (let d = 0; len < n; d = (d + 1) % 100) {
      const line = `${'  '.repeat(d)}- 项目\n`;
      out.push(line);
      len += line.length;
    }
    return out.join('');
  },
  quotes: (n) => repeat('> a\n>> b\n', n),
  backticks: (n) => repeat('`', n),
  'backtick-runs': (n) => {
    // unclosed runs of growing length: ` `` ``` … each followed by a letter
    const out = [];
    let len = 0;
    for (let k = 1; len < n; k = (k % 200) + 1) {
      out.push('`'.repeat(k), 'a');
      len += k + 1;
    }
    return out.join('');
  },
  table: (n) => {
    const side = Math.max(2, Math.round(Math.sqrt(n / 4)));
    const row = `|${' a |'.repeat(side)}\n`;
    return `${row}|${' - |'.repeat(side)}\n${row.repeat(side - 1)}`;
  },
  links: (n) => repeat('[链接](http://a.b/c) ', n),
  brackets: (n) => repeat('[a', n),
  'ref-links': (n) => repeat('[a][b] [c] ', n),
  images: (n) => repeat('![a](b', n),
  entities: (n) => repeat('&amp;&nbsp;\\*', n),
  html: (n) => repeat('<a <b ', n),
  'html-comments': (n) => repeat('a <!--a', n),
  'link-paras': (n) => repeat('[链接](http://a.b/c)\n\n', n),
  autolinks: (n) => repeat('<http://a', n),
};

const SIZES_KB = (arg('sizes', '1,10,100,1024,5120')).split(',').map(Number);
const CAP_S = Number(arg('cap', '30'));
const shapes = arg('shapes', Object.keys(SHAPES).join(',')).split(',');
const json = process.argv.includes('--json');

// the child: build the text, lint a small reply to warm up, then time one lint of the text
if (process.argv[2] === '--child') {
  const [, , , shape, kb] = process.argv;
  const core = await import(pathToFileURL(join(root, process.argv[5] || 'packages/lint-core/dist', 'index.js')).href);
  const now = new Date('2024-06-01T00:00:00+08:00');
  core.lint(SHAPES.prose(2000), { now });
  core.lint('# 标题\n\n- *您好* [a](b) `c` ~~d~~\n\n| a |\n| - |\n| b |\n', { now }); // remark too
  const text = SHAPES[shape](Number(kb) * 1024);
  const t0 = performance.now();
  const diags = core.lint(text, { now });
  const ms = performance.now() - t0;
  const ids = [...new Set(diags.filter((d) => d.ruleId === 'internal-error').map((d) => d.messageId))];
  process.stdout.write(JSON.stringify({ ms, chars: text.length, maxRssMiB: process.resourceUsage().maxRSS / 1024, internal: ids }));
  process.exit(0);
}

const rows = [];
for (const shape of shapes) {
  if (!SHAPES[shape]) throw new Error(`unknown shape ${shape}`);
  let over = false;
  for (const kb of SIZES_KB) {
    if (over) {
      rows.push({ shape, kb, skipped: true });
      continue;
    }
    const r = spawnSync(process.execPath, ['--stack-size=984', '--max-old-space-size=4096', fileURLToPath(import.meta.url), '--child', shape, String(kb), arg('core', '')], { encoding: 'utf8', timeout: CAP_S * 1000, killSignal: 'SIGKILL' });
    let row;
    if (r.error || r.status !== 0) {
      over = true;
      row = { shape, kb, failed: r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGKILL' ? `>${CAP_S}s` : `exit ${r.status} ${r.signal ?? ''} ${(r.stderr || '').split('\n').find((l) => /Error|heap/.test(l)) ?? ''}`.trim() };
    } else {
      const m = JSON.parse(r.stdout);
      row = { shape, kb, ms: m.ms, msPerKB: m.ms / (m.chars / 1024), maxRssMiB: m.maxRssMiB, internal: m.internal };
    }
    rows.push(row);
    if (!json) {
      const what = row.failed ? row.failed : `${row.ms.toFixed(0).padStart(7)} ms  ${row.msPerKB.toFixed(3).padStart(8)} ms/KB  ${row.maxRssMiB.toFixed(0).padStart(5)} MiB${row.internal.length ? `  ${row.internal.join(',')}` : ''}`;
      console.log(`${shape.padEnd(14)} ${String(kb).padStart(5)} KB  ${what}`);
    }
  }
}
if (json) console.log(JSON.stringify(rows, null, 2));
