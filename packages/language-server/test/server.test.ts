// The language server over stdio, driven by a real LSP client connection (vscode-languageserver-
// protocol): diagnostics with UTF-16 ranges for CJK and astral text, quick fixes as workspace edits,
// hover with the source clause and the ticket's deadlines, the template completion, rapid edits,
// config reload, pull diagnostics, malformed documents.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';

const BIN = fileURLToPath(new URL('../bin/replylint-language-server.js', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'replylint-lsp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Client {
  conn: ProtocolConnection;
  child: ChildProcess;
  /** Resolves with the next diagnostics published for `uri` that satisfy `when`. */
  diagnostics(uri: string, when?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  published: PublishDiagnosticsParams[];
  stop(): Promise<void>;
}

async function startClient(capabilities: Record<string, unknown> = {}, initializationOptions: unknown = {}, env: Record<string, string> = {}): Promise<Client> {
  // as an editor starts it: without the NODE_PATH of pnpm's bin shims, which would find hoisted packages
  const { NODE_PATH: _, ...base } = process.env;
  const child = spawn(process.execPath, [BIN, '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'], env: { ...base, ...env } });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; when: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.when(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/configuration', () => [{}]);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities, initializationOptions });
  await conn.sendNotification('initialized', {});
  return {
    conn,
    child,
    published,
    diagnostics: (uri, when = () => true) =>
      new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no diagnostics for ${uri}`)), 15_000);
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

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code).sort();

function applyEdits(text: string, edits: TextEdit[]): string {
  const doc = TextDocument.create('x', 'markdown', 1, text);
  return TextDocument.applyEdits(doc, edits);
}

describe('language server over stdio', () => {
  let client: Client;
  beforeAll(async () => {
    client = await startClient({}, { settings: { handler: { name: '王磊', unit: '宿城区城管局', phone: '0527-84361234' }, debounce: 100 } });
  });
  afterAll(() => client.stop());

  it('publishes diagnostics with UTF-16 ranges for CJK and astral characters, code = rule id, a docs link', async () => {
    const uri = pathToFileURL(join(dir, 'a.md')).href;
    const text = '您好！\n\n𠮷𠮷该市民无理取闹，反复投诉。\n';
    const wait = client.diagnostics(uri);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const p = await wait;
    const harsh = p.diagnostics.find((d) => d.code === 'no-harsh-language')!;
    // 𠮷 is two UTF-16 code units each: 无 starts at character 7 of line 2
    expect(harsh.range).toEqual({ start: { line: 2, character: 7 }, end: { line: 2, character: 11 } });
    expect(harsh.source).toBe('replylint');
    expect(harsh.severity).toBe(1);
    expect(harsh.codeDescription!.href).toMatch(/docs\/rules\/no-harsh-language\.md$/);
    expect(p.version).toBe(1);
  });

  it('quick fixes come back as workspace edits that fix the text; disable-for-this-line and insert-signature too', async () => {
    const uri = pathToFileURL(join(dir, 'b.md')).href;
    const text = '您好！依据宿政办秘[2021]32号文件办理。\n';
    const wait = client.diagnostics(uri);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const p = await wait;
    const citation = p.diagnostics.find((d) => d.code === 'citation-format')!;
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: citation.range, context: { diagnostics: p.diagnostics } })) as { title: string; kind: string; edit: WorkspaceEdit; isPreferred?: boolean }[];
    const fix = actions.find((a) => a.isPreferred && a.title.includes('citation-format'))!;
    expect(applyEdits(text, fix.edit.changes![uri]!)).toContain('宿政办秘〔2021〕32号');
    const disable = actions.find((a) => a.title === '在本行禁用 citation-format')!;
    expect(applyEdits(text, disable.edit.changes![uri]!)).toBe(`<!-- replylint-disable-next-line citation-format -- 理由 -->\n${text}`);
    const signature = actions.find((a) => a.title.startsWith('插入署名'))!;
    expect(applyEdits(text, signature.edit.changes![uri]!)).toMatch(/承办单位：宿城区城管局\n承办人：王磊\n联系电话：0527-84361234\n$/);
    const all = actions.find((a) => a.kind === 'source.fixAll.replylint')!;
    expect(applyEdits(text, all.edit.changes![uri]!)).toContain('宿政办秘〔2021〕32号');
  });

  it('a report standing for signature-block too (no name in the signature) still offers to insert the signature', async () => {
    const uri = pathToFileURL(join(dir, 'covers.md')).href;
    const text = '您好！经查，占道摊位已于9月23日清理。\n\n宿城区城管局\n联系电话：0527-84361234\n';
    const wait = client.diagnostics(uri);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const p = await wait;
    expect(p.diagnostics.filter((d) => d.code === 'signature-block')).toEqual([]);
    const name = p.diagnostics.find((d) => d.code === 'handler-name')!;
    expect((name.data as { covers?: string[] }).covers).toEqual(['signature-block']);
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: name.range, context: { diagnostics: [name] } })) as { title: string; edit: WorkspaceEdit }[];
    const signature = actions.find((a) => a.title.startsWith('插入署名'))!;
    expect(applyEdits(text, signature.edit.changes![uri]!)).toMatch(/承办人：王磊\n联系电话：0527-84361234\n$/);
  });

  it('hover shows the rule and its source clause, and on the front matter the deadlines', async () => {
    const uri = pathToFileURL(join(dir, 'c.md')).href;
    const text = '---\nprofile: suzhou-jkq\ntype: 投诉\ndispatchedAt: 2024-09-27 10:00\n---\n该市民无理取闹。\n';
    const wait = client.diagnostics(uri);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await wait;
    const onWord = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 4 } })) as { contents: { value: string } };
    expect(onWord.contents.value).toContain('**措辞不当**（no-harsh-language）'); // the rule's title, then its id
    expect(onWord.contents.value).toContain('依据：宿迁规定 五(二)3');
    const onMeta = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 3 } })) as { contents: { value: string } };
    expect(onMeta.contents.value).toContain('办理时限');
    expect(onMeta.contents.value).toMatch(/办结 \| 2024年10月12日/);
  });

  it('a code lens over the front matter shows the completion deadline and whether the reply was late', async () => {
    const uri = pathToFileURL(join(dir, 'c.md')).href; // opened by the hover test
    const lenses = (await client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as { command: { title: string } }[];
    expect(lenses).toHaveLength(1);
    expect(lenses[0]!.command.title).toMatch(/^办结截止 2024年10月12日.*17:30/);
  });

  it('completes the reply template with the signature from the settings', async () => {
    const uri = pathToFileURL(join(dir, 'a.md')).href;
    const items = (await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } })) as { label: string; insertText: string }[];
    const t = items.find((i) => i.label === '答复模板')!;
    expect(t.insertText).toContain('承办人：王磊');
    expect(t.insertText).toContain('${12|满意,基本满意,不满意|}');
  });

  it('replylint/template answers the same snippet as the completion (the editor command inserts it)', async () => {
    const uri = pathToFileURL(join(dir, 'a.md')).href;
    const items = (await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } })) as { label: string; insertText: string }[];
    const r = (await client.conn.sendRequest('replylint/template', { textDocument: { uri } })) as { snippet: string };
    expect(r.snippet).toContain('联系电话：0527-84361234');
    expect(r.snippet).toBe(items.find((i) => i.label === '答复模板')!.insertText);
  });

  it('replylint/deadlines lists the deadlines of the reply in the editor, or says why there are none', async () => {
    const uri = pathToFileURL(join(dir, 'c.md')).href; // opened by the hover test
    const r = (await client.conn.sendRequest('replylint/deadlines', { textDocument: { uri } })) as { document: string; profile: string; at: string; rows: { name: string; due: string | null; left: string }[]; error?: string };
    expect(r.error).toBeUndefined();
    expect(r.profile).toBe('suzhou-jkq');
    expect(r.at).toBe('now');
    expect(r.document).toContain('宿开秘〔2021〕30号');
    const done = r.rows.find((row) => row.name === '办结')!;
    expect(done.due).toMatch(/^2024年10月12日.*17:30/);
    expect(done.left).toMatch(/已逾期/);
    const plain = pathToFileURL(join(dir, 'no-meta.md')).href;
    const wait = client.diagnostics(plain);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: plain, languageId: 'markdown', version: 1, text: '您好！\n' } });
    await wait;
    const none = (await client.conn.sendRequest('replylint/deadlines', { textDocument: { uri: plain } })) as { rows: unknown[]; error: string };
    expect(none.rows).toEqual([]);
    expect(none.error).toContain('没有派单时间');
  });

  it('replylint/redact gives the public version of the reply in the editor and what was masked, masked', async () => {
    const uri = pathToFileURL(join(dir, 'pub.md')).href;
    const text = '---\ncitizen: { name: 陈立军, phone: "13851276430" }\n---\n陈立军先生：\n\n您好！承办人王磊已于10月8日修复路灯，联系电话0527-84361234。\n';
    const wait = client.diagnostics(uri);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await wait;
    const r = (await client.conn.sendRequest('replylint/redact', { textDocument: { uri } })) as { text: string; masked: string[]; error?: string };
    expect(r.error).toBeUndefined();
    expect(r.text).not.toMatch(/陈立军|王磊|13851276430|84361234/);
    expect(r.text).toContain('陈某先生');
    expect(r.text).toContain('王*');
    expect(r.masked.join('\n')).toMatch(/第 6 行第 \d+ 列 承办人姓名 → 王\*/);
    expect(r.masked.join('\n')).not.toMatch(/陈立军|王磊|13851276430/);
    // unreadable citizen data: no public version
    const bad = pathToFileURL(join(dir, 'pub-bad.md')).href;
    const w2 = client.diagnostics(bad);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: bad, languageId: 'markdown', version: 1, text: '---\ncitizen: [1, 2]\n---\n您好！\n' } });
    await w2;
    const refused = (await client.conn.sendRequest('replylint/redact', { textDocument: { uri: bad } })) as { text?: string; error?: string };
    expect(refused.text).toBeUndefined();
    expect(refused.error).toContain('未生成公开版本');
  });

  it('rapid edits: the diagnostics that arrive are for the latest version only', async () => {
    const uri = pathToFileURL(join(dir, 'd.md')).href;
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '您好！' } });
    await client.diagnostics(uri);
    const before = client.published.length;
    for (let v = 2; v <= 6; v++) {
      await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: v === 6 ? '该市民无理取闹。' : `第${v}版` }] });
    }
    const p = await client.diagnostics(uri, (x) => x.version === 6);
    expect(codes(p.diagnostics)).toContain('no-harsh-language');
    const mine = client.published.slice(before).filter((x) => x.uri === uri);
    expect(mine.map((x) => x.version)).toEqual([6]);
  });

  it('a .replylintrc.yaml change applies without a restart; a broken one is said on the reply', async () => {
    const uri = pathToFileURL(join(dir, 'e.md')).href;
    const text = '该市民无理取闹。\n';
    let wait = client.diagnostics(uri);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    expect(codes((await wait).diagnostics)).toContain('no-harsh-language');
    const rc = join(dir, '.replylintrc.yaml');
    writeFileSync(rc, 'rules:\n  no-harsh-language: "off"\n');
    wait = client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'no-harsh-language'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: 1 }] });
    await wait;
    writeFileSync(rc, 'rules:\n  no-such-rule: error\n');
    wait = client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'config'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: 2 }] });
    const broken = await wait;
    expect(broken.diagnostics[0]!.message).toContain('rules.no-such-rule: 未知的规则');
    rmSync(rc);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: 3 }] });
  });

  it('a .replylintrc.yaml open in the editor shows its own problems at their line, from the unsaved text', async () => {
    const uri = pathToFileURL(join(dir, 'sub', '.replylintrc.yaml')).href;
    const text = 'extends: [recommended]\nrules:\n  no-such-rule: error\n';
    const wait = client.diagnostics(uri);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const p = await wait;
    expect(p.diagnostics).toHaveLength(1);
    expect(p.diagnostics[0]!.range.start.line).toBe(2);
    expect(p.diagnostics[0]!.message).toMatch(/^rules\.no-such-rule: 未知的规则「no-such-rule」/);
    const fixed = client.diagnostics(uri, (x) => x.version === 2);
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'extends: [recommended]\nrules:\n  on-topic: "off"\n' }] });
    expect((await fixed).diagnostics).toEqual([]);
  });

  it('a document over its time budget (timeBudget in .replylintrc.yaml) gets internal-error/timeBudget; the next one is checked as usual', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'slow'), { recursive: true });
    writeFileSync(join(dir, 'slow', '.replylintrc.yaml'), 'timeBudget: 100\n');
    const uri = pathToFileURL(join(dir, 'slow', 'big.md')).href;
    const wait = client.diagnostics(uri);
    const text = '您好！经核查，您反映的施工噪音问题属实，已责令施工单位整改。\n\n'.repeat(40_000);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const over = (await wait).diagnostics.filter((d) => d.code === 'internal-error');
    expect(over).toHaveLength(1);
    expect(over[0]!.message).toContain('100 毫秒的时限');
    const uri2 = pathToFileURL(join(dir, 'slow', 'small.md')).href;
    const wait2 = client.diagnostics(uri2);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri2, languageId: 'markdown', version: 1, text: '该市民无理取闹。' } });
    expect(codes((await wait2).diagnostics)).toContain('no-harsh-language');
  }, 30_000);

  it('malformed documents get diagnostics, not a dead server', async () => {
    const uri = pathToFileURL(join(dir, 'f.md')).href;
    const wait = client.diagnostics(uri);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: `---\ntype: [complaint\n---\n${'>'.repeat(3000)} 您好` } });
    const p = await wait;
    expect(codes(p.diagnostics).length).toBeGreaterThan(0);
    // still answering
    const uri2 = pathToFileURL(join(dir, 'g.md')).href;
    const wait2 = client.diagnostics(uri2);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri2, languageId: 'markdown', version: 1, text: '该市民无理取闹。' } });
    expect(codes((await wait2).diagnostics)).toContain('no-harsh-language');
  });

  it('rules that need word segmentation join once the segmenter has loaded', async () => {
    const uri = pathToFileURL(join(dir, 'h.md')).href;
    const text = '---\nrequest: 小区门口夜市噪音扰民，希望城管整治夜市噪音。东门外的路灯为什么一直不亮？\n---\n您好！经查，您反映的公交站台已修复。\n';
    const onTopic = client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'on-topic'));
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const p = await onTopic;
    expect(p.diagnostics.find((d) => d.code === 'on-topic')!.message).toContain('夜市');
    expect(p.diagnostics.some((d) => d.code === 'internal-error')).toBe(false);
  });

  it('the first diagnostics do not wait for the rules\' examples to be verified; examples that fail are then said on the reply', async () => {
    // a copy of the rules whose no-harsh-language has a "valid" example the rule reports: before,
    // creating the linter threw and the first (and only) thing shown was the error
    const rules = join(dir, 'rules-broken-example');
    cpSync(join(REPO_ROOT, 'rules'), rules, { recursive: true });
    const file = join(rules, 'core', 'no-harsh-language.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    - 经现场核实，您反映的噪音问题属实，已责令施工单位整改。', '    - 经现场核实，该市民无理取闹。'));
    const cold = await startClient({}, {}, { REPLYLINT_CACHE: '0', REPLYLINT_RULES_DIR: rules });
    try {
      const uri = pathToFileURL(join(dir, 'broken-example.md')).href;
      const first = cold.diagnostics(uri);
      const said = cold.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'config'));
      await cold.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '该市民无理取闹。\n' } });
      expect(codes((await first).diagnostics)).toContain('no-harsh-language');
      const p = await said;
      expect(p.diagnostics[0]!.message).toContain('no-harsh-language');
      expect(p.diagnostics[0]!.message).toContain('示例');
    } finally {
      await cold.stop();
    }
  });

  it('with a cold cache too: the rules\' examples are verified with a segmenter the server can load', async () => {
    // the bundle resolves @node-rs/jieba from packages/language-server (a fresh install has no cache)
    const cold = await startClient({}, {}, { REPLYLINT_CACHE: '0' });
    try {
      const uri = pathToFileURL(join(dir, 'cold.md')).href;
      const text = '---\nrequest: 小区门口夜市噪音扰民，希望城管整治夜市噪音。东门外的路灯为什么一直不亮？\n---\n您好！经查，您反映的公交站台已修复。\n';
      const onTopic = cold.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'on-topic'));
      await cold.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const p = await onTopic;
      expect(p.diagnostics.map((d) => d.code)).not.toContain('config');
    } finally {
      await cold.stop();
    }
  });
});

describe('pull diagnostics', () => {
  it('answers textDocument/diagnostic when the client pulls', async () => {
    const client = await startClient({ textDocument: { diagnostic: { dynamicRegistration: false } } });
    try {
      const uri = pathToFileURL(join(dir, 'p.txt')).href;
      await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: '    该市民无理取闹。' } });
      const report = (await client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: Diagnostic[] };
      expect(report.kind).toBe('full');
      const harsh = report.items.find((d) => d.code === 'no-harsh-language')!;
      // plain text: the indented line is prose, not a code block
      expect(harsh.range.start).toEqual({ line: 0, character: 7 });
      expect(client.published).toEqual([]);
    } finally {
      await client.stop();
    }
  });
});
