// Load benchmark of `replylint serve` with autocannon from loopback (the load generator runs on the
// same 2 cores). Bodies are the real corpus (../shared/corpora/tipdm-2020-replies.jsonl: 2,653
// published replies, each with its request, as a platform sends them: plain text + meta.request).
// Side by side, in the same run: a bare node:http handler calling the same lint() (the yardstick:
// what the framework, validation and presentation cost).
//
//   node bench/serve.mjs                        # 1, 8, 128 connections × 10 s; 100,000 requests for memory
//   node bench/serve.mjs --duration 5 --amount 20000 --workers 0,1
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const duration = Number(arg('duration', '10'));
const amount = Number(arg('amount', '100000'));
const connectionsList = arg('connections', '1,8,128').split(',').map(Number);
const workerCounts = arg('workers', '0').split(',').map(Number);
const corpus = join(root, '..', 'shared', 'corpora', 'tipdm-2020-replies.jsonl');
if (!existsSync(corpus)) {
  console.error(`找不到语料 ${corpus}`);
  process.exit(2);
}
const bodies = readFileSync(corpus, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .map((r) => JSON.stringify({ text: r.reply, meta: { request: r.request }, format: 'text' }));
const chars = bodies.reduce((n, b) => n + JSON.parse(b).text.length, 0) / bodies.length;

function start(args, env = {}) {
  const proc = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let err = '';
  proc.stderr.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    proc.stderr.on('data', (d) => {
      err += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(err);
      if (m) resolve({ proc, url: `http://127.0.0.1:${m[1]}` });
    });
    proc.once('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
}

const rss = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

function load(url, connections, opts) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/v1/check`,
        connections,
        ...opts,
        requests: bodies.map((body) => ({ method: 'POST', path: '/v1/check', headers: { 'content-type': 'application/json' }, body })),
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
  });
}

const targets = [
  { name: 'node:http + lint()（标尺）', args: [join(root, 'bench', 'serve-bare.mjs')] },
  ...workerCounts.map((w) => ({ name: `replylint serve --workers ${w}`, args: [join(root, 'packages', 'cli', 'bin', 'replylint.js'), 'serve', '--port', '0', '--no-log', '--workers', String(w)] })),
];

console.log(`语料：${bodies.length} 条真实答复（平均 ${chars.toFixed(0)} 字，带诉求内容），每个连接数 ${duration} s\n`);
const rows = [];
for (const t of targets) {
  const { proc, url } = await start(t.args);
  try {
    await load(url, 8, { duration: 3 }); // warm up
    for (const c of connectionsList) {
      const r = await load(url, c, { duration });
      const errors = r.errors + r.timeouts + (r.non2xx ?? 0);
      rows.push({ target: t.name, connections: c, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors });
      console.log(`${t.name}  ${c} 连接：${r.requests.average.toFixed(0)} 请求/秒，p50 ${r.latency.p50} ms，p99 ${r.latency.p99} ms，错误 ${errors}`);
    }
    if (amount > 0) {
      const before = rss(proc.pid);
      const r = await load(url, 8, { amount });
      await new Promise((res) => setTimeout(res, 1000));
      const after = rss(proc.pid);
      console.log(`${t.name}  ${amount} 个请求：RSS ${before.toFixed(0)} → ${after.toFixed(0)} MiB，${r.requests.average.toFixed(0)} 请求/秒，错误 ${r.errors + r.timeouts + (r.non2xx ?? 0)}`);
      rows.push({ target: t.name, amount, rssBefore: before, rssAfter: after });
    }
  } finally {
    proc.kill('SIGTERM');
  }
}
if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
