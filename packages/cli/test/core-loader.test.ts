// The engine is compiled with V8's code cache (src/core-loader.ts): a cache written by one process
// is used by the next; a damaged or foreign cache is refused by V8 and rewritten, never trusted.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { codeCacheFile } from '../src/core-loader.js';
import { CLI_ROOT, REPO_ROOT, run } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'replylint-codecache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SOURCE = `'use strict';
const path = require('node:path');
function words(s) { return s.split(/\\s+/).filter(Boolean).length; }
exports.words = words;
exports.where = path.basename(__filename);
module.exports.self = module.exports === exports;
`;

// each load in a new process: within one process V8 reuses its in-memory compilation and
// ignores the data offered, so only a new process shows whether the cache is used
const LOADER = pathToFileURL(join(CLI_ROOT, 'dist', 'core-loader.js')).href;
function load(file: string, cacheDir: string | undefined, text: string, save = true): { cache: string; words: number; where: string; self: boolean } {
  const script = `import { loadCommonJs } from ${JSON.stringify(LOADER)};
    const m = loadCommonJs(${JSON.stringify(file)}, ${JSON.stringify(cacheDir)});
    if (${save}) m.saveCache();
    console.log(JSON.stringify({ cache: m.cache, words: m.exports.words(${JSON.stringify(text)}), where: m.exports.where, self: m.exports.self }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

describe('loadCommonJs', () => {
  const file = join(dir, 'mod.cjs');
  const cacheDir = join(dir, 'cache');
  const cacheOf = (f: string) => codeCacheFile(cacheDir, f, readFileSync(f, 'utf8'));
  writeFileSync(file, SOURCE);

  it('runs the file like a CommonJS module, writes the cache, and the next process uses it', () => {
    expect(load(file, cacheDir, 'a bb  ccc')).toEqual({ cache: 'missing', words: 3, where: 'mod.cjs', self: true });
    expect(readFileSync(cacheOf(file)).length).toBeGreaterThan(0);
    expect(readdirSync(cacheDir)).toEqual([basename(cacheOf(file))]); // no temporary file left
    expect(load(file, cacheDir, '一 二', false)).toMatchObject({ cache: 'used', words: 2 });
  });

  it('refuses damaged data, still runs the module, and rewrites the cache', () => {
    writeFileSync(cacheOf(file), Buffer.from('not a V8 code cache, just bytes'.repeat(20)));
    expect(load(file, cacheDir, 'x y z')).toMatchObject({ cache: 'rejected', words: 3 });
    expect(load(file, cacheDir, 'x y z', false)).toMatchObject({ cache: 'used', words: 3 });
  });

  it('names the cache by the source: changed code of the same length gets its own cache, and replaces the old one', () => {
    const other = join(dir, 'sub', 'mod.cjs');
    mkdirSync(dirname(other), { recursive: true });
    writeFileSync(other, SOURCE.replace('.filter(Boolean).length; }', '.filter(Boolean).length+1}'));
    expect(readFileSync(other, 'utf8')).not.toBe(SOURCE);
    expect(readFileSync(other, 'utf8').length).toBe(SOURCE.length);
    expect(cacheOf(other)).not.toBe(cacheOf(file));
    expect(existsSync(cacheOf(file))).toBe(true);
    expect(load(other, cacheDir, 'a b')).toMatchObject({ cache: 'missing', words: 3 });
    // the earlier build's cache is gone: one cache per file, not one per build
    expect(readdirSync(cacheDir)).toEqual([basename(cacheOf(other))]);
    expect(load(other, cacheDir, 'a b', false)).toMatchObject({ cache: 'used', words: 3 });
    expect(load(file, cacheDir, 'a b', false)).toMatchObject({ cache: 'missing', words: 2 });
  });

  it('without a cache folder, compiles normally and writes nothing', () => {
    const empty = join(dir, 'none');
    expect(load(file, undefined, 'a')).toMatchObject({ cache: 'off', words: 1 });
    expect(existsSync(empty)).toBe(false);
  });
});

describe('the built CLI', () => {
  const cacheDir = join(CLI_ROOT, 'node_modules', '.cache', 'replylint');
  const codeCaches = () => (existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => /^core-.*\.v8cache$/.test(f)) : []);

  it('keeps the engine code cache next to its other caches, and a damaged one does not change results', () => {
    const reply = join(REPO_ROOT, 'fixtures', 'replies');
    const before = run(['check', reply, '--format', 'json']);
    expect(before.code).toBe(0);
    const files = codeCaches();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) writeFileSync(join(cacheDir, f), Buffer.alloc(4096, 7));
    const after = run(['check', reply, '--format', 'json']);
    expect(after.code).toBe(0);
    expect(after.stdout).toBe(before.stdout);
    // rewritten with real data (caches of earlier builds, if any, are removed then)
    expect(codeCaches().some((f) => !readFileSync(join(cacheDir, f)).equals(Buffer.alloc(4096, 7)))).toBe(true);
  });
});
