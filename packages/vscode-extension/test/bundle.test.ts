// The extension as packaged (dist/extension/, the .vsix's contents; `npm run build` makes it): its
// manifest mirrors the server's settings with Chinese texts, and its server bundle runs on its own,
// copied away from the workspace (no node_modules, no native segmenter): the js segmenter works from
// the data files beside the bundle, and when one is missing the user sees one clear Chinese problem,
// not a crash.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import { readSettings } from '../../language-server/src/settings.js';

const PKG = fileURLToPath(new URL('..', import.meta.url));
const STAGE = join(PKG, 'dist', 'extension');
const tmp = mkdtempSync(join(tmpdir(), 'replylint-ext-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const manifest = JSON.parse(readFileSync(join(STAGE, 'package.json'), 'utf8')) as {
  main: string;
  engines: { vscode: string };
  contributes: { configuration: { properties: Record<string, { default: unknown; description?: string; markdownDescription?: string }> }; commands: { command: string; title: string }[] };
};

describe('manifest', () => {
  it('contributes the server settings (profile, configPath, handler, languages, debounce) with their defaults', () => {
    const props = manifest.contributes.configuration.properties;
    expect(Object.keys(props).sort()).toEqual(
      ['replylint.configPath', 'replylint.debounce', 'replylint.handler.name', 'replylint.handler.phone', 'replylint.handler.unit', 'replylint.languages', 'replylint.profile'],
    );
    // the defaults read as the server's own defaults
    const defaults = readSettings({ languages: props['replylint.languages']!.default, debounce: props['replylint.debounce']!.default, profile: props['replylint.profile']!.default });
    expect(defaults.problems).toEqual([]);
    expect(defaults.settings).toEqual(readSettings({}).settings);
    expect(manifest.engines.vscode).toBe('^1.100.0');
    expect(existsSync(join(STAGE, manifest.main))).toBe(true);
  });

  it('has a Chinese text for every %key% in both package.nls.json and package.nls.zh-cn.json', () => {
    const raw = readFileSync(join(STAGE, 'package.json'), 'utf8');
    const keys = [...raw.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThanOrEqual(11);
    for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const texts = JSON.parse(readFileSync(join(STAGE, nls), 'utf8')) as Record<string, string>;
      for (const k of keys) expect(texts[k], `${nls}: ${k}`).toMatch(/[\u4e00-\u9fff]/);
    }
    const zh = JSON.parse(readFileSync(join(STAGE, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    expect(manifest.contributes.commands.map((c) => zh[c.title.slice(1, -1)])).toEqual(['插入答复模板', '显示办理时限', '生成公开版本（个人信息打码）', '重启语言服务器']);
  });
});

/** Starts dist/server.js of an extension folder over stdio, as an editor would (no NODE_PATH, no cache). */
async function startServer(extensionDir: string) {
  const { NODE_PATH: _, ...env } = process.env;
  const child = spawn(process.execPath, [join(extensionDir, 'dist', 'server.js'), '--stdio'], { cwd: tmp, stdio: ['pipe', 'pipe', 'pipe'], env: { ...env, REPLYLINT_CACHE: '0' } });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters: { uri: string; when: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    for (const w of [...waiters]) if (w.uri === p.uri && w.when(p)) waiters.splice(waiters.indexOf(w), 1), w.resolve(p);
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/configuration', () => [{}]);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(tmp).href, capabilities: {} });
  await conn.sendNotification('initialized', {});
  return {
    conn,
    stderr: () => stderr,
    diagnostics: (uri: string, when: (p: PublishDiagnosticsParams) => boolean) =>
      new Promise<PublishDiagnosticsParams>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no such diagnostics for ${uri}; stderr: ${stderr}`)), 40_000);
        waiters.push({ uri, when, resolve: (p) => (clearTimeout(t), resolve(p)) });
      }),
    async stop() {
      await conn.sendRequest('shutdown').catch(() => undefined);
      await conn.sendNotification('exit').catch(() => undefined);
      conn.dispose();
      child.kill();
    },
  };
}

// off-topic (needs segmentation: on-topic) and a reply whose wording segments a name (personal-info)
// (on-topic speaks when two of the request's demands go unanswered)
const OFF_TOPIC = '---\nrequest: 小区门口夜市噪音扰民，希望城管整治夜市噪音。东门外的路灯为什么一直不亮？\n---\n您好！经查，您反映的公交站台已修复。经核实，举报人任强反映的问题属实。\n';
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);

describe('the server bundle, copied out of the workspace', () => {
  it('checks with the js segmenter: on-topic reports the request\'s words', async () => {
    const dir = join(tmp, 'whole');
    cpSync(STAGE, dir, { recursive: true });
    const s = await startServer(dir);
    try {
      const uri = pathToFileURL(join(tmp, 'a.md')).href;
      const wait = s.diagnostics(uri, (p) => codes(p.diagnostics).includes('on-topic'));
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: OFF_TOPIC } });
      const p = await wait;
      expect(p.diagnostics.find((d) => d.code === 'on-topic')!.message).toContain('夜市');
      expect(codes(p.diagnostics)).not.toContain('internal-error');
      expect(codes(p.diagnostics)).not.toContain('config');
    } finally {
      await s.stop();
    }
  }, 60_000);

  it('ships no native binary and no WebAssembly', () => {
    const files = readdirSync(STAGE, { recursive: true }).map(String);
    expect(files.filter((f) => /\.(node|wasm)$/.test(f))).toEqual([]);
    expect(files).toContain(join('dist', 'jieba', 'dict.txt'));
    expect(files).toContain(join('dist', 'jieba', 'hmm.model'));
  });

  it('without its dictionary: one Chinese problem naming the rules that could not run; the others still check', async () => {
    const dir = join(tmp, 'no-dict');
    cpSync(STAGE, dir, { recursive: true });
    rmSync(join(dir, 'dist', 'jieba', 'dict.txt'));
    const s = await startServer(dir);
    try {
      const uri = pathToFileURL(join(tmp, 'b.md')).href;
      const wait = s.diagnostics(uri, (p) => codes(p.diagnostics).includes('internal-error'));
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: OFF_TOPIC } });
      const p = await wait;
      const internal = p.diagnostics.filter((d) => d.code === 'internal-error');
      expect(internal).toHaveLength(1);
      expect(internal[0]!.message).toMatch(/^无法加载分词后端 js（词典 dict\.txt 或模型 hmm\.model 缺失或不完整）。.*重新安装 \.vsix。（规则 (on-topic、personal-info|personal-info、on-topic) 因此未能检查这份答复，其他规则照常检查）$/);
      // no config error from the rules' examples, no stack trace; the other rules still report
      expect(codes(p.diagnostics)).not.toContain('config');
      expect(codes(p.diagnostics)).toContain('signature-block');
      // still answering
      const hover = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 2 } })) as unknown;
      expect(hover === null || typeof hover === 'object').toBe(true);
      expect(s.stderr()).not.toMatch(/at .*server\.js/);
    } finally {
      await s.stop();
    }
  }, 60_000);
});
