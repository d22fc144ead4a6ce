// Helpers for the integration tests: run the BUILT CLI (packages/cli/dist, `npx tsc -b`) as a
// real process, in temporary directories.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = join(CLI_ROOT, '..', '..');
export const BIN = join(CLI_ROOT, 'bin', 'replylint.js');

if (!existsSync(join(CLI_ROOT, 'dist', 'main.js'))) {
  throw new Error('packages/cli/dist is missing: run `npx tsc -b` in the repository root before the CLI tests');
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined> } = {}): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, REPLYLINT_DEBUG: undefined, REPLYLINT_WORKERS: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    input: opts.input ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The CLI tests exercise the machinery (targets, formats, exit codes, config discovery, fixes)
 * with one phrase rule. This config runs only that rule, so that the element rules of
 * `recommended` (which rightly flag a one-line snippet as incomplete) stay out of the way.
 */
export const ONLY_HARSH = 'extends: []\nrules:\n  no-harsh-language: error\n';

/**
 * A fresh temp directory with the given files (string = UTF-8 text, Buffer = bytes). Unless the
 * files include a root `.replylintrc.yaml` or `bare` is set, it gets ONLY_HARSH as its config.
 */
export function tempDir(files: Record<string, string | Buffer> = {}, { bare = false } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'replylint-cli-'));
  if (!bare && !('.replylintrc.yaml' in files)) writeFileSync(join(dir, '.replylintrc.yaml'), ONLY_HARSH);
  for (const [name, content] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Parses --format json output. */
export function parseJson(stdout: string): Array<{
  filePath: string;
  messages: Array<{ ruleId: string; severity: 1 | 2; message: string; line: number; column: number; endLine: number; endColumn: number; messageId: string; fix?: { range: [number, number]; text: string } }>;
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  output?: string;
  source?: string;
}> {
  return JSON.parse(stdout);
}

export const HARSH = '经核实，该市民无理取闹，反复投诉。';
export const CLEAN = '经现场核实，您反映的噪音问题属实，已责令施工单位整改。';
