#!/usr/bin/env node
// Which replies of the generated corpus are slowest to lint, and the per-reply cost without GC
// and scheduling noise: each reply is linted --rounds times (default 3) and its fastest time kept.
// Compare with check.mjs (a), which measures one pass and so includes GC pauses in its p99.
// Needs the corpus of check.mjs (bench/out/corpus) and the build output: run check.mjs once first.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const REPLIES = arg('replies', 2000);
const ROUNDS = arg('rounds', 3);
const SHOW = arg('show', 8);

const core = await import(pathToFileURL(join(root, 'packages/lint-core/dist/index.js')).href);
const corpus = join(root, 'bench/out/corpus');
const files = [];
for (const d of readdirSync(corpus).filter((x) => x.startsWith('unit-')).sort()) {
  for (const f of readdirSync(join(corpus, d)).sort()) if (files.length < REPLIES) files.push([join(d, f), readFileSync(join(corpus, d, f), 'utf8')]);
}
for (const [, text] of files) core.lint(text); // warm-up
const best = new Map();
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, text] of files) {
    const t0 = performance.now();
    core.lint(text);
    const ms = performance.now() - t0;
    best.set(name, Math.min(best.get(name) ?? Infinity, ms));
  }
}
const sorted = [...best.entries()].sort((a, b) => b[1] - a[1]);
const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))][1].toFixed(3);
console.log(`每篇最快耗时（${files.length} 篇，各跑 ${ROUNDS} 次取最快）：p50 ${at(0.5)} ms，p99 ${at(0.01)} ms`);
console.log('最慢的答复：');
for (const [name, ms] of sorted.slice(0, SHOW)) console.log(`  ${ms.toFixed(3)} ms  ${name}`);
