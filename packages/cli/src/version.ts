// The CLI's version (from packages/cli/package.json; works from src/ and dist/).
import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function cliVersion(): string {
  if (cached) return cached;
  // dist/version.js and src/version.ts are one folder down, the bundle (dist/bundle/) two
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if ((pkg.name === '@replylint/cli' || pkg.name === 'replylint') && pkg.version) return (cached = pkg.version);
    } catch {
      // not there: try the next
    }
  }
  return (cached = '0.0.0');
}
