// Language server latency and memory, measured by a client over stdio (vscode-languageserver-protocol):
// time from starting the server to the first diagnostics of an opened reply; edit → publishDiagnostics
// for a ~500- and a ~3,000-character reply with a `request` in its front matter (debounce 0, so the
// figure is the server's own work), p50/p95 over --edits edits after --warmup; the server's RSS.
//
//   npm run build && node bench/lsp.mjs [--edits 200] [--warmup 50] [--server PATH] [--node-flags "--flag …"]
// --server: another server script, e.g. the VS Code extension's (wasm segmenter):
//   node bench/lsp.mjs --server packages/vscode-extension/dist/extension/dist/server.js
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'packages', 'language-server', 'package.json'));
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const EDITS = arg('edits', 200);
const WARMUP = arg('warmup', 50);

// a real reply with its request (fixtures/replies/01), cut or repeated to the sizes measured
const fixture = readFileSync(join(root, 'fixtures', 'replies', '01-shigong-zaoyin-complaint-12345.md'), 'utf8');
const [, fm, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(fixture);
const sized = (n) => {
  let b = body;
  while (b.length < n) b += `\n${body}`;
  return `---\n${fm}\n---\n${b.slice(0, n)}\n`;
};

const serverAt = process.argv.indexOf('--server');
const bin = serverAt > 0 ? process.argv[serverAt + 1] : join(root, 'packages', 'language-server', 'bin', 'replylint-language-server.js');
const t0 = performance.now();
const flagsAt = process.argv.indexOf('--node-flags');
const flags = flagsAt > 0 ? process.argv[flagsAt + 1].split(/\s+/).filter(Boolean) : [];
const child = spawn(process.execPath, [...flags, bin, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
conn.onNotification('textDocument/publishDiagnostics', (p) => {
  const w = waiting.get(`${p.uri}#${p.version}`);
  if (w) {
    waiting.delete(`${p.uri}#${p.version}`);
    w(p);
  }
});
conn.onRequest('client/registerCapability', () => null);
conn.listen();
await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, initializationOptions: { settings: { debounce: 0 } } });
await conn.sendNotification('initialized', {});
const published = (uri, version) => new Promise((resolve) => waiting.set(`${uri}#${version}`, resolve));

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const rss = () => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return NaN;
  }
};
const memory = [];
let first;

// a reply without request first: no rule needs the segmenter, which the server loads only when one does
{
  const uri = pathToFileURL(join(root, 'bench-plain.md')).href;
  const p = published(uri, 1);
  const opened = performance.now();
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: `${sized(3000).replace(/^---\n[\s\S]*?\n---\n/, '')}` } });
  await p;
  first = { sinceStart: performance.now() - t0, sinceOpen: performance.now() - opened };
  await new Promise((r) => setTimeout(r, 1500));
  memory.push(`打开不带诉求的 3,000 字答复后 ${rss().toFixed(0)} MiB`);
}
for (const size of [500, 3000]) {
  const uri = pathToFileURL(join(root, `bench-${size}.md`)).href;
  const text = sized(size);
  let p = published(uri, 1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await p;
  // wait for the segmenter (loaded after the first diagnostics) and the re-check it triggers
  await new Promise((r) => setTimeout(r, 1500));
  const times = [];
  for (let v = 2; v < 2 + WARMUP + EDITS; v++) {
    const edited = text.replace(/。/, v % 2 ? '。' : '，');
    p = published(uri, v);
    const s = performance.now();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: edited }] });
    await p;
    if (v >= 2 + WARMUP) times.push(performance.now() - s);
  }
  console.log(`${size} 字的答复（带诉求）：编辑到诊断 p50 ${pct(times, 50).toFixed(2)} ms，p95 ${pct(times, 95).toFixed(2)} ms（${EDITS} 次，预热 ${WARMUP} 次）`);
  memory.push(`${size} 字的答复编辑 ${WARMUP + EDITS} 次后 ${rss().toFixed(0)} MiB`);
}
console.log(`新启动的服务器：从启动到第一批诊断 ${first.sinceStart.toFixed(0)} ms（打开文件后 ${first.sinceOpen.toFixed(0)} ms）；服务器 RSS：${memory.join('，')}`);
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
// let the server exit by itself (a --cpu-prof profile is written on exit), then make sure
await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 3000))]);
conn.dispose();
child.kill();
