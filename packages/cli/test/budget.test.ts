// One document, one fate (the hostile-input issue): a reply that takes too long, that holds a
// worker thread inside one regex, or that runs a worker thread out of memory is reported on that
// reply (internal-error, exit 2) and every other reply keeps its results; file names that are not
// UTF-8 are checked under a readable name. The CLI runs as a process.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HARSH, ONLY_HARSH, removeDir, run, tempDir } from './helpers.js';
import { post, startServe } from './serve-helpers.js';

interface Message {
  ruleId: string;
  messageId: string;
  severity: number;
  message: string;
}
type Results = { filePath: string; messages: Message[] }[];

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));
const dirWith = (files: Record<string, string | Buffer>) => {
  const d = tempDir(files);
  dirs.push(d);
  return d;
};

/** ~2.5 MB of Markdown replies, one bold phrase and a list each: a few seconds to check in full. */
const BIG = '您好！经核查，您反映的**施工噪音**问题属实。\n\n- 已责令施工单位整改；\n- 已于9月23日复查。\n\n'.repeat(40_000);
/** Backtracks for 2^40 steps on a run of 好 that ends in 。: never returns. */
const STUCK_CONFIG = `extends: []\ntimeBudget: 300\nrules:\n  no-harsh-language: [error, { patterns: ['无理取闹', '(?:好+)+$'] }]\n`;
const STUCK = `您好！${'好'.repeat(40)}。\n`;

const messagesOf = (results: Results, name: string) => results.find((r) => r.filePath.endsWith(name))!.messages;

describe('time budget per reply', () => {
  it('--time-budget: a reply over it gets internal-error/timeBudget (exit 2, named on stderr); the others keep their results', () => {
    const dir = dirWith({ 'a.md': `${HARSH}\n`, 'big.md': BIG, 'c.md': `${HARSH}\n` });
    const r = run(['check', '.', '-f', 'json', '--time-budget', '1000'], { cwd: dir });
    expect(r.code).toBe(2);
    const results = JSON.parse(r.stdout) as Results;
    const big = messagesOf(results, 'big.md').find((m) => m.ruleId === 'internal-error')!;
    expect(big).toMatchObject({ messageId: 'timeBudget', severity: 2 });
    expect(big.message).toContain('1 秒的时限');
    expect(r.stderr).toContain('big.md：检查这份答复超过了');
    for (const f of ['a.md', 'c.md']) expect(messagesOf(results, f).map((m) => m.ruleId), f).toEqual(['no-harsh-language']);
  }, 60_000);

  it('timeBudget in .replylintrc.yaml sets it, --time-budget 0 lifts it', () => {
    const dir = dirWith({ '.replylintrc.yaml': `${ONLY_HARSH}timeBudget: 1000\n`, 'big.md': BIG });
    const limited = run(['check', 'big.md', '-f', 'json'], { cwd: dir });
    expect(limited.code).toBe(2);
    expect(messagesOf(JSON.parse(limited.stdout) as Results, 'big.md').map((m) => m.messageId)).toContain('timeBudget');
    const free = run(['check', 'big.md', '-f', 'json', '--time-budget', '0'], { cwd: dir });
    expect(messagesOf(JSON.parse(free.stdout) as Results, 'big.md').map((m) => m.messageId)).not.toContain('timeBudget');
    expect(run(['check', 'big.md', '--time-budget', 'soon'], { cwd: dir }).stderr).toContain('应为不小于 0 的整数毫秒数');
  }, 90_000);

  it('a worker thread stuck inside one regex is ended at twice the budget and replaced; the reply is named, the rest are checked', () => {
    const dir = dirWith({ '.replylintrc.yaml': STUCK_CONFIG, 'a.md': `${HARSH}\n`, 'b-stuck.md': STUCK, 'c.md': `${HARSH}\n`, 'd-stuck.md': STUCK, 'e.md': `${HARSH}\n` });
    const t0 = Date.now();
    const r = run(['check', '.', '-f', 'json'], { cwd: dir, env: { REPLYLINT_WORKERS: '1' } });
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(r.code).toBe(2);
    const results = JSON.parse(r.stdout) as Results;
    for (const f of ['b-stuck.md', 'd-stuck.md']) {
      const m = messagesOf(results, f);
      expect(m.map((x) => `${x.ruleId}/${x.messageId}`), f).toEqual(['internal-error/threadTimeout']);
      expect(r.stderr).toContain(`${f}：检查这份答复超过了 1.3 秒仍未结束`);
    }
    for (const f of ['a.md', 'c.md', 'e.md']) expect(messagesOf(results, f).map((m) => m.ruleId), f).toEqual(['no-harsh-language']);
  }, 60_000);

  it('batch: a row stuck in a worker thread gets internal-error in its JSONL line, the other rows their results', () => {
    const rows = [HARSH, STUCK.trim(), HARSH].map((text, i) => JSON.stringify({ 工单编号: `W${i + 1}`, 承办单位: '市城管局', 答复内容: text }));
    const dir = dirWith({ '.replylintrc.yaml': STUCK_CONFIG, 'export.jsonl': `${rows.join('\n')}\n` });
    const r = run(['batch', 'export.jsonl', '--workers', '1', '-o', 'out.jsonl', '--no-progress'], { cwd: dir });
    const lines = readFileSync(join(dir, 'out.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; findings: { ruleId: string; messageId: string }[] });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('1 行未能完整检查');
    expect(lines.map((l) => l.findings.map((p) => `${p.ruleId}/${p.messageId}`))).toEqual([['no-harsh-language/found'], ['internal-error/threadTimeout'], ['no-harsh-language/found']]);
  }, 60_000);

  it('serve: a reply stuck in a worker thread gets internal-error in its result, the request\'s other replies theirs (200, within --timeout)', async () => {
    const dir = dirWith({ '.replylintrc.yaml': STUCK_CONFIG });
    const served = await startServe(['--workers', '1', '-c', '.replylintrc.yaml'], { cwd: dir });
    try {
      const r = await post(`${served.url}/v1/check`, { items: [{ id: 'a', text: HARSH }, { id: 'stuck', text: STUCK }, { id: 'c', text: HARSH }] });
      expect(r.status).toBe(200);
      const ids = (i: number) => (r.body.results[i].diagnostics as { ruleId: string; messageId: string }[]).map((d) => `${d.ruleId}/${d.messageId}`);
      expect([ids(0), ids(1), ids(2)]).toEqual([['no-harsh-language/found'], ['internal-error/threadTimeout'], ['no-harsh-language/found']]);
    } finally {
      await served.stop();
    }
  }, 60_000);
});

describe('memory ceiling of worker threads', () => {
  it('a reply that runs its worker thread out of memory is reported, the thread replaced, the other replies checked', () => {
    const dir = dirWith({ 'a.md': `${HARSH}\n`, 'b-huge.md': '好。\n'.repeat(1_000_000), 'c.md': `${HARSH}\n` });
    const r = run(['check', '.', '-f', 'json'], { cwd: dir, env: { REPLYLINT_WORKERS: '1', REPLYLINT_WORKER_MEMORY_MB: '64' } });
    expect(r.code).toBe(2);
    const results = JSON.parse(r.stdout) as Results;
    expect(messagesOf(results, 'b-huge.md').map((m) => `${m.ruleId}/${m.messageId}`)).toEqual(['internal-error/threadMemory']);
    expect(r.stderr).toContain('b-huge.md：检查这份答复时内存超过了检查线程的上限（64 MB）');
    for (const f of ['a.md', 'c.md']) expect(messagesOf(results, f).map((m) => m.ruleId), f).toEqual(['no-harsh-language']);
  }, 60_000);
});

describe('file names that are not UTF-8', () => {
  it('a GBK-named file and a file in a GBK-named folder are checked under their GBK names, never 文件不存在', () => {
    const dir = dirWith({});
    const gbk = (s: string) => iconv.encode(s, 'gbk');
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), gbk('答复-张三.md')]), `${HARSH}\n`);
    const sub = Buffer.concat([Buffer.from(`${dir}/`), gbk('子目录')]);
    mkdirSync(sub);
    writeFileSync(Buffer.concat([sub, Buffer.from('/b.md')]), `${HARSH}\n`);
    writeFileSync(join(dir, 'ok.md'), `${HARSH}\n`);
    const r = run(['check', '.', '-f', 'json'], { cwd: dir });
    expect(r.stderr).not.toContain('文件不存在');
    expect(r.stderr).not.toContain('无法读取');
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as Results;
    expect(results.map((x) => x.filePath.slice(dir.length + 1)).sort()).toEqual(['ok.md', '子目录/b.md', '答复-张三.md'].sort());
    for (const f of ['答复-张三.md', '子目录/b.md']) {
      expect(messagesOf(results, f).map((m) => `${m.ruleId}/${m.messageId}`), f).toEqual(['encoding/fileName', 'no-harsh-language/found']);
    }
    // --fix leaves such a file as it is and says why (a full-width colon in front matter is fixable)
    writeFileSync(Buffer.concat([sub, Buffer.from('/b.md')]), `---\ntype：投诉\n---\n${HARSH}\n`);
    const fix = run(['check', '.', '--fix'], { cwd: dir });
    expect(fix.code).toBe(2);
    expect(fix.stderr).toContain('子目录/b.md：文件名或目录名不是 UTF-8 编码，未写入修复');
    expect(readFileSync(Buffer.concat([sub, Buffer.from('/b.md')]), 'utf8')).toContain('type：投诉');
  });
});
