// Location of the bundled data directory `rules/` (works from src/ and dist/).
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

let cached: string | undefined;

export function rulesDir(): string {
  if (cached) return cached;
  const env = process.env.REPLYLINT_RULES_DIR;
  const candidates = [
    ...(env ? [env] : []),
    fileURLToPath(new URL('../../../../rules/', import.meta.url)),
    fileURLToPath(new URL('../../rules/', import.meta.url)),
    // the CLI bundle: packages/cli/dist/bundle/*.js
    fileURLToPath(new URL('../../../../rules/', import.meta.url)),
    fileURLToPath(new URL('../../../rules/', import.meta.url)),
    // the VS Code extension's server bundle: <extension>/dist/server.js beside <extension>/rules/
    fileURLToPath(new URL('../rules/', import.meta.url)),
  ];
  cached = candidates.find((c) => existsSync(join(c, 'core'))) ?? candidates[candidates.length - 1]!;
  return cached;
}
