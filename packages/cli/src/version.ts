// The CLI's version (from packages/cli/package.json; works from src/ and dist/).
import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function cliVersion(): string {
  if (cached) return cached;
  try {
    cached = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    cached = '0.0.0';
  }
  return cached;
}
