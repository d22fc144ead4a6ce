// Loads @replylint/core. In the bundled CLI (scripts/bundle.mjs) the engine is one CommonJS file,
// core.cjs, next to this module; it is compiled with V8's code cache, kept in the replylint
// cache folder, so a new process skips parsing and compiling the ~0.8 MB engine (and the
// functions the first lint needs): about 40–70 ms of `replylint check one.md` (bench/README.md).
// Unbundled (tsc output, tests), it is a plain import.
//
// Cache safety: V8 checks cached data against its own version and flags but, for the source,
// only against its length. So the cache file is named by a hash of the source (and the Node
// version and architecture): data made from other code is never offered. Data V8 refuses just
// means a normal compile and a rewrite. Writes are atomic (temporary file + rename).
// REPLYLINT_CACHE=0 turns it off.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

export type Core = typeof import('@replylint/core');

const BUNDLE = fileURLToPath(new URL('./core.cjs', import.meta.url));

let loading: Promise<Core> | undefined;
let unsaved: CompiledModule<Core> | undefined;

/** The rule engine (loaded once per thread). */
export function loadCore(): Promise<Core> {
  return (loading ??= existsSync(BUNDLE) ? Promise.resolve(loadBundle()) : import('@replylint/core'));
}

function loadBundle(): Core {
  const m = loadCommonJs<Core>(BUNDLE, process.env.REPLYLINT_CACHE === '0' ? undefined : cacheDir(BUNDLE));
  if (m.cache === 'missing' || m.cache === 'rejected') unsaved = m;
  return m.exports;
}

/**
 * Writes the engine's code cache if this process had none (or V8 rejected it). Called after
 * checking, so the functions a lint needs are compiled and included.
 */
export function saveCoreCodeCache(): void {
  unsaved?.saveCache();
  unsaved = undefined;
}

/** node_modules/.cache/replylint above the bundle (as util/disk-cache.ts in the core), or the temp folder. */
function cacheDir(from: string): string {
  for (let d = dirname(from); ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules'))) return join(d, 'node_modules', '.cache', 'replylint');
    if (dirname(d) === d) return join(tmpdir(), `replylint-cache-${process.getuid?.() ?? 'user'}`);
  }
}

export interface CompiledModule<T> {
  exports: T;
  /** used: compiled from the cache; rejected: V8 refused it (other build, version or flags). */
  cache: 'off' | 'missing' | 'rejected' | 'used';
  /** Writes the code cache (atomically; failures ignored, e.g. a read-only install). */
  saveCache(): void;
}

/** The code cache file for `source` in `dir`. */
export function codeCacheFile(dir: string, file: string, source: string): string {
  const hash = createHash('sha1').update(source).digest('hex').slice(0, 20);
  return join(dir, `${stemOf(file)}-${hash}-${process.version}-${process.arch}.v8cache`);
}

/** Removes the caches of earlier builds of the same file (one per build would pile up). */
function removeStale(current: string, file: string): void {
  const stale = new RegExp(`^${stemOf(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[0-9a-f]{20}-.*\\.v8cache$`);
  for (const f of readdirSync(dirname(current))) {
    if (f !== basename(current) && stale.test(f)) rmSync(join(dirname(current), f), { force: true });
  }
}

const stemOf = (file: string): string => basename(file).replace(/\.c?js$/, '');

/** Runs a CommonJS file the way node's loader does, compiled with its code cache in `cacheDir`. */
export function loadCommonJs<T>(file: string, cacheDir: string | undefined): CompiledModule<T> {
  const source = readFileSync(file, 'utf8');
  const cacheFile = cacheDir === undefined ? undefined : codeCacheFile(cacheDir, file, source);
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // none yet
    }
  }
  // node's CommonJS wrapper
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const mod = { exports: {} as T };
  const wrapper = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: unknown, f: string, d: string) => void;
  wrapper.call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  return {
    exports: mod.exports,
    cache: !cacheFile ? 'off' : !cachedData ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used',
    saveCache() {
      if (!cacheFile) return;
      try {
        const data = script.createCachedData();
        mkdirSync(dirname(cacheFile), { recursive: true });
        const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        writeFileSync(tmp, data);
        renameSync(tmp, cacheFile);
        removeStale(cacheFile, file);
      } catch {
        // compile normally next time
      }
    },
  };
}
