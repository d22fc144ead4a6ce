// The packed package (scripts/pack.mjs) installed with `npm install -g --prefix` into a temporary
// folder, then used from a folder outside the repository: replylint on PATH with the right version,
// check, and the language server answering `initialize` over stdio.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ROOT, REPO_ROOT, removeDir } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'replylint-pack-'));
const prefix = join(work, 'prefix');
const outside = join(work, 'replies');
const bin = (name: string) => join(prefix, 'bin', name);
afterAll(() => removeDir(work));

beforeAll(() => {
  const tgz = execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'pack.mjs'), join(work, 'out')], { encoding: 'utf8' }).trim();
  const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tgz], { encoding: 'utf8', timeout: 240_000 });
  if (install.status !== 0) throw new Error(`npm install -g failed: ${install.stderr}`);
  execFileSync('mkdir', ['-p', outside]);
}, 300_000);

describe('npm install -g of the packed tarball', () => {
  it('puts replylint on PATH: version, check outside the repository', () => {
    const pkg = JSON.parse(execFileSync('cat', [join(CLI_ROOT, 'package.json')], { encoding: 'utf8' })) as { version: string };
    expect(execFileSync(bin('replylint'), ['--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
    writeFileSync(join(outside, 'a.md'), '您好！您反映的问题已转相关部门办理，请耐心等待。\n');
    const r = spawnSync(bin('replylint'), ['check', 'a.md', '-f', 'json'], { cwd: outside, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const ids = (JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages.map((m) => m.ruleId);
    expect(ids).toContain('no-evasive-phrase');
    expect(ids).toContain('signature-block');
  }, 60_000);

  it('checks with the pure-JavaScript segmenter when the config asks for it (segmenter: js)', () => {
    const dir = join(outside, 'js');
    execFileSync('mkdir', ['-p', dir]);
    writeFileSync(join(dir, '.replylintrc.yaml'), 'segmenter: js\n');
    writeFileSync(join(dir, 'b.md'), '---\nrequest: 小区门口夜市噪音扰民，希望城管整治夜市噪音。东门外的路灯为什么一直不亮？\n---\n您好！经查，您反映的公交站台已修复。\n');
    const r = spawnSync(bin('replylint'), ['check', 'b.md', '-f', 'json'], { cwd: dir, encoding: 'utf8' });
    const messages = (JSON.parse(r.stdout) as { messages: { ruleId: string; message: string }[] }[])[0]!.messages;
    expect(messages.map((m) => m.ruleId)).not.toContain('internal-error');
    expect(messages.find((m) => m.ruleId === 'on-topic')?.message).toContain('夜市');
  }, 60_000);

  it('replylint-language-server answers initialize over stdio', async () => {
    const proc = spawn(bin('replylint-language-server'), ['--stdio'], { cwd: outside });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    proc.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer: ${out}`)), 30_000);
      proc.stdout.on('data', (d: Buffer) => {
        out += d.toString('utf8');
        if (out.includes('"capabilities"')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    proc.kill();
    expect(out).toMatch(/"textDocumentSync"/);
  }, 60_000);
});
