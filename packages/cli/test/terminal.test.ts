// What a clerk sees in a real terminal: the built CLI run inside tmux at 80 and 120 columns, the
// screen captured (tmux capture-pane) and compared with the golden captures in test/golden/.
// REPLYLINT_UPDATE_GOLDEN=1 rewrites them (review the diff: it is what users will see).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, CLI_ROOT, removeDir, tempDir } from './helpers.js';
import { displayWidth } from '../src/width.js';

const haveTmux = spawnSync('tmux', ['-V']).status === 0;
const ON_CI = !!process.env.CI;
if (!haveTmux && !ON_CI) console.warn('terminal: tmux not found, the terminal captures are skipped (apt-get install tmux; on CI it fails)');
const GOLDEN = join(CLI_ROOT, 'test', 'golden');
const UPDATE = process.env.REPLYLINT_UPDATE_GOLDEN === '1';

// a reply with eleven findings (missing elements, a stock non-answer, a bad 文号, a referral)
const TEN = '张先生：\n\n您好！您反映的问题已转相关部门办理，请耐心等待。依据宿政发(2021)12号文件，这不归我们管，请您自行联系物业。您无理取闹，已联系市民解释。经查，楼道杂物已于9月23日清理。根据相关规定，不予受理。\n';
const dir = tempDir({ 'ten.md': TEN }, { bare: true });
// a tmux server of the test's own (its socket in the test directory, no user config): a stale
// lock or a server left by another process under /tmp/tmux-<uid>/default cannot get in the way
const TMUX = ['-S', join(dir, 'tmux.sock'), '-f', '/dev/null'];
afterAll(() => {
  spawnSync('tmux', [...TMUX, 'kill-server']);
  removeDir(dir);
});

let session = 0;
/** Runs `args` in a detached tmux window `columns` wide and returns the captured screen. */
function capture(args: string[], columns: number): string {
  const name = `replylint-test-${process.pid}-${session++}`;
  const done = join(dir, `${name}.done`);
  const cmd = `${[process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')}; touch '${done}'; sleep 30`;
  execFileSync('tmux', [...TMUX, 'new-session', '-d', '-s', name, '-x', String(columns), '-y', '200', '-c', dir, '-e', 'NO_COLOR=1', '-e', 'REPLYLINT_CACHE=0', cmd]);
  try {
    const until = Date.now() + 60_000;
    while (!existsSync(done)) {
      if (Date.now() > until) throw new Error(`tmux: ${args.join(' ')} did not finish in 60 s`);
      spawnSync('sleep', ['0.1']);
    }
    return execFileSync('tmux', [...TMUX, 'capture-pane', '-p', '-t', name], { encoding: 'utf8' }).replace(/\n+$/, '\n');
  } finally {
    spawnSync('tmux', [...TMUX, 'kill-session', '-t', name]);
  }
}

const CASES: [string, string[], number][] = [
  ['check-80', ['check', 'ten.md'], 80],
  ['check-120', ['check', 'ten.md'], 120],
  ['rules-80', ['rules'], 80],
  ['help-check-80', ['check', '--help'], 80],
];

describe('in a real terminal (tmux)', () => {
  it.skipIf(!haveTmux && !ON_CI).each(CASES)('%s', (name, args, columns) => {
    expect(haveTmux, 'tmux is missing: apt-get install tmux').toBe(true);
    const screen = capture(args, columns);
    // nothing wider than the terminal (tmux would have wrapped it), no rule id broken
    for (const line of screen.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
    expect(screen).not.toMatch(/[a-z]-\n\s*[a-z]/);
    const file = join(GOLDEN, `${name}.txt`);
    if (UPDATE || !existsSync(file)) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, screen);
      if (!UPDATE) throw new Error(`${file} was missing and has been written: check it and commit it`);
    }
    expect(screen).toBe(readFileSync(file, 'utf8'));
  }, 90_000);
});
