// Remembers which rules' examples were verified, so that a CLI run does not lint every rule's
// examples again (~120 ms of a ~400 ms cold start). An entry is the hash of the rule as loaded
// (options with lists resolved, messages, examples) plus the identity of the code that ran the
// check (size and mtime of every module file next to this one), so editing a rule, a list or any
// kind invalidates it. Stored in node_modules/.cache/replylint/ (or the OS temp directory);
// unreadable or unwritable caches are ignored. REPLYLINT_CACHE=0 turns it off.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleDefinition } from '../pack/load.js';

const FILE = 'examples-verified.json';
let state: { file: string; codeId: string; keys: Set<string>; dirty: boolean } | null | undefined;

function enabled(): boolean {
  return process.env.REPLYLINT_CACHE !== '0';
}

/** Size and mtime of the module files of this build (dist/, src/ or the CLI bundle), as a short hash. */
function codeIdentity(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // tsc output and sources keep this file in engine/; a bundle holds all code in its own folder
  const root = basename(here) === 'engine' ? dirname(here) : here;
  const h = createHash('sha1');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(?:js|mjs|ts)$/.test(e.name)) {
        const s = statSync(p);
        h.update(`${p}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  walk(root);
  return h.digest('hex').slice(0, 16);
}

function cacheDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      if (statSync(join(dir, 'node_modules')).isDirectory()) return join(dir, 'node_modules', '.cache', 'replylint');
    } catch {
      // keep looking upward
    }
    if (dirname(dir) === dir) return join(tmpdir(), `replylint-cache-${process.getuid?.() ?? 'user'}`);
  }
}

function load(): NonNullable<typeof state> | null {
  if (state !== undefined) return state;
  if (!enabled()) return (state = null);
  try {
    const file = join(cacheDir(), FILE);
    const codeId = codeIdentity();
    let keys = new Set<string>();
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { codeId?: string; keys?: string[] };
      if (data.codeId === codeId && Array.isArray(data.keys)) keys = new Set(data.keys);
    } catch {
      // no cache yet, or unreadable: start empty
    }
    state = { file, codeId, keys, dirty: false };
  } catch {
    state = null;
  }
  return state;
}

function ruleKey(rule: RuleDefinition): string {
  const { id, kind, defaultOptions, messages, examples, appliesTo } = rule;
  return createHash('sha1').update(JSON.stringify({ id, kind, defaultOptions, messages, examples, appliesTo })).digest('hex');
}

export function examplesKnownGood(rule: RuleDefinition): boolean {
  const s = load();
  return !!s && s.keys.has(ruleKey(rule));
}

export function rememberExamplesGood(rule: RuleDefinition): void {
  const s = load();
  if (!s) return;
  const key = ruleKey(rule);
  if (s.keys.has(key)) return;
  s.keys.add(key);
  try {
    mkdirSync(dirname(s.file), { recursive: true });
    const tmp = `${s.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify({ codeId: s.codeId, keys: [...s.keys] }));
    renameSync(tmp, s.file);
  } catch {
    // read-only install or full disk: verify again next time
  }
}
