// A small on-disk cache for work that depends only on data files and this build's code
// (verified rule examples, the loaded rule pack). Stored in node_modules/.cache/replylint/
// (or the OS temp directory); unreadable or unwritable caches are ignored, writes are atomic.
// REPLYLINT_CACHE=0 turns it off.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function cacheEnabled(): boolean {
  return process.env.REPLYLINT_CACHE !== '0';
}

let codeId: string | undefined;

/** Size and mtime of the module files of this build (dist/, src/ or the CLI bundle), as a short hash. */
export function codeIdentity(): string {
  if (codeId) return codeId;
  const here = dirname(fileURLToPath(import.meta.url));
  // tsc output and sources keep this file in util/; a bundle holds all code in its own folder
  const root = basename(here) === 'util' ? dirname(here) : here;
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
  return (codeId = h.digest('hex').slice(0, 16));
}

let dir: string | undefined;

function cacheDir(): string {
  if (dir) return dir;
  for (let d = dirname(fileURLToPath(import.meta.url)); ; d = dirname(d)) {
    try {
      if (statSync(join(d, 'node_modules')).isDirectory()) return (dir = join(d, 'node_modules', '.cache', 'replylint'));
    } catch {
      // keep looking upward
    }
    if (dirname(d) === d) return (dir = join(tmpdir(), `replylint-cache-${process.getuid?.() ?? 'user'}`));
  }
}

/** The parsed JSON cache file `name`, or undefined (missing, unreadable, disabled). */
export function readCache<T>(name: string): T | undefined {
  if (!cacheEnabled()) return undefined;
  try {
    return JSON.parse(readFileSync(join(cacheDir(), name), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export function writeCache(name: string, data: unknown): void {
  if (!cacheEnabled()) return;
  try {
    const file = join(cacheDir(), name);
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, file);
  } catch {
    // read-only install or full disk: compute again next time
  }
}
