// Where the language server's memory goes: RSS after start, after a reply without request (no
// segmenter needed), after a reply with its request, and after 200 edits, split into anonymous
// memory (heaps) and file-backed pages (code). Same client as lsp.mjs.
//   npm run build && node bench/lsp-memory.mjs [--server PATH] [--node-flags "--max-semi-space-size=1"]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'packages', 'language-server', 'package.json'));
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
const argv = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const bin = argv('server', join(root, 'packages', 'language-server', 'bin', 'replylint-language-server.js'));
const flags = argv('node-flags', '').split(/\s+/).filter(Boolean);

const fixture = readFileSync(join(root, 'fixtures', 'replies', '01-shigong-zaoyin-complaint-12345.md'), 'utf8');
const [, fm, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(fixture);
let long = body;
while (long.length < 3000) long += `\n${body}`;
long = long.slice(0, 3000);

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
const status = () => {
  const s = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? NaN) / 1024;
  return `RSS ${kb('VmRSS').toFixed(0)} MiB（匿名 ${kb('RssAnon').toFixed(0)}，文件 ${kb('RssFile').toFixed(0)}）`;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const published = (uri, version) => new Promise((resolve) => waiting.set(`${uri}#${version}`, resolve));
const open = async (name, text) => {
  const uri = pathToFileURL(join(root, name)).href;
  const p = published(uri, 1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await p;
  return uri;
};

await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, initializationOptions: { settings: { debounce: 0 } } });
await conn.sendNotification('initialized', {});
await sleep(500);
console.log(`启动后：${status()}`);
await open('plain.md', `${long}\n`);
await sleep(1500);
console.log(`打开不带诉求的 3,000 字答复后：${status()}`);
const uri = await open('request.md', `---\n${fm}\n---\n${long}\n`);
await sleep(1500);
console.log(`打开带诉求的 3,000 字答复后：${status()}`);
for (let v = 2; v < 202; v++) {
  const p = published(uri, v);
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: `---\n${fm}\n---\n${long.replace(/。/, v % 2 ? '。' : '，')}\n` }] });
  await p;
}
await sleep(500);
console.log(`200 次编辑后：${status()}`);
child.kill();
process.exit(0);
