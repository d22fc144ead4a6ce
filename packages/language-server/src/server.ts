// replylint language server: wiring only. Linting is the core's (one linter per configuration,
// created once and replaced when settings or a .replylintrc.yaml change); LSP conversions are in
// convert.ts. Diagnostics as you type (debounced), pushed or pulled; quick fixes, fix all, disable
// for this line, insert signature; hover with the rule's explanation and source clause, and on the
// front matter the ticket's deadlines; a reply template completion.
import './early.js'; // first: bounds V8's young generation before the other modules load
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import {
  CodeAction,
  CodeActionKind,
  CompletionItemKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  InsertTextFormat,
  MarkupKind,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  TextEdit,
  createConnection,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Linter, Segmenter, SegmenterName } from '@replylint/core';
import { disableLineAction, fixActions, replaceAll, SOURCE, toLspDiagnostic, type DiagnosticData } from './convert.js';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings.js';
import { replySnippet, signatureLines } from './template.js';
import { DeadlinesRequest, RedactRequest, TemplateRequest, type DeadlinesResult, type RedactResult } from './protocol.js';
import { DEFAULT_MAX_SEMI_SPACE_MIB, youngGenerationGovernor } from './young-generation.js';
import { collectGarbage } from './gc.js';

type Core = typeof import('@replylint/core');

export interface ServerOptions {
  /** Segmenter backend (default node-rs; the VS Code extension uses the portable js). */
  segmenter?: SegmenterName;
  /**
   * Bound on V8's young generation, in MiB per semispace (young-generation.ts; default 4, 0: V8's
   * default of up to 16). Ignored when node was started with --max-semi-space-size.
   */
  maxSemiSpaceMiB?: number;
}

/**
 * Several rules that segment the text fail together when the segmenter cannot load: one problem on
 * the reply instead of one per rule, naming them all.
 */
function mergeSegmenterFailures(found: Diagnostic[], internalRuleId: string): Diagnostic[] {
  const failed = found.filter((d) => d.ruleId === internalRuleId && d.messageId === 'segmenterUnavailable');
  if (failed.length < 2) return found;
  const rules = failed.map((d) => d.data?.rule).filter(Boolean).join('、');
  const first = failed[0]!;
  const merged: Diagnostic = { ...first, data: { ...first.data, rule: rules }, message: `${first.data?.detail ?? first.message}（规则 ${rules} 因此未能检查这份答复，其他规则照常检查）` };
  return [merged, ...found.filter((d) => !failed.includes(d))];
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all), options: ServerOptions = {}): void {
  const segmenterName: SegmenterName = options.segmenter ?? 'node-rs';
  const youngGeneration = youngGenerationGovernor(options.maxSemiSpaceMiB ?? DEFAULT_MAX_SEMI_SPACE_MIB);
  const documents = new TextDocuments(TextDocument);
  let core: Core | undefined;
  let settings: Settings = DEFAULT_SETTINGS;
  let pull = false;
  let canConfigure = false;
  const linters = new Map<string, Linter>();
  // pending checks per document: a timer for the debounce, or an immediate when it is 0 (a timer of 0
  // waits at least 1 ms)
  const timers = new Map<string, { cancel(): void }>();
  const results = new Map<string, { version: number; items: LspDiagnostic[] }>();

  // The segmenter loads after the first diagnostics are out (it takes ~0.2 s and blocks): until then
  // the rules that need it are silent, and the open replies are checked again once it is ready.
  let segmenterState: 'waiting' | 'ready' | 'failed' = 'waiting';
  let segmenter: Segmenter | undefined;
  let segmenterError: unknown;
  const getSegmenter = (): Segmenter => {
    if (segmenter) return segmenter;
    if (segmenterState === 'failed') throw segmenterError;
    throw new core!.ReplylintError('分词后端正在加载', 'segmenter-unavailable');
  };
  const loadSegmenterSoon = () => {
    if (segmenterState !== 'waiting') return;
    setTimeout(() => {
      if (segmenterState !== 'waiting') return;
      try {
        segmenter = youngGeneration.withoutGrowth(() => core!.getSegmenter(segmenterName));
        segmenterState = 'ready';
        collectGarbage(); // the dictionary's file and text
      } catch (e) {
        segmenterError = e;
        segmenterState = 'failed';
      }
      revalidateAll();
    }, 20);
  };

  const uriPath = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);

  /**
   * Example verifications waiting until the diagnostics that created their linter have been
   * written out (the writer finishes a message on a later turn of the event loop: a verification
   * run in between would hold the first diagnostics back by its whole duration).
   */
  const toVerify: (() => void)[] = [];
  // one timer for the tasks waiting (each check calls verifySoon; a second timer would find the
  // list empty and still run a full garbage collection)
  let verifyTimer: NodeJS.Timeout | undefined;
  const verifySoon = () => {
    if (!toVerify.length || verifyTimer) return;
    verifyTimer = setTimeout(() => {
      verifyTimer = undefined;
      for (const task of toVerify.splice(0)) task();
      collectGarbage();
    }, 100);
  };

  /** Configurations whose rules' examples failed (an edited rule file): the error, said on every reply. */
  const verifyFailures = new Map<string, unknown>();

  /** The linter for a document: its configuration (settings, or .replylintrc.yaml upward), cached. */
  function linterFor(doc: TextDocument): Linter {
    const c = core!;
    const path = uriPath(doc.uri);
    const configFile = settings.configPath ?? (path ? c.findConfigFile(dirname(path)) : undefined);
    const key = configFile ?? '';
    if (verifyFailures.has(key)) throw verifyFailures.get(key);
    let linter = linters.get(key);
    if (!linter) {
      const config = configFile ? c.loadConfig({ configFile }) : c.DEFAULT_CONFIG;
      const options = {
        // the server's backend, also for verifying the rules' examples
        config: config.segmenter === segmenterName ? config : { ...config, segmenter: segmenterName },
        ...(settings.profile ? { profile: settings.profile } : {}),
        segmenter: getSegmenter,
        deferModules: true,
      };
      // The rules' examples are verified after the first diagnostics are out, not before: with a
      // cold cache (the first start after an install or update) that takes about a second
      linter = youngGeneration.withoutGrowth(() => c.createLinter({ ...options, verifyExamples: false }));
      linters.set(key, linter);
      const created = linter;
      toVerify.push(() => {
        if (linters.get(key) !== created) return; // replaced meanwhile (settings or config changed)
        try {
          youngGeneration.withoutGrowth(() => c.createLinter(options)); // verifies (and remembers in the cache when they hold)
        } catch (e) {
          verifyFailures.set(key, e);
          revalidateAll();
        }
      });
    }
    return linter;
  }

  function enabled(doc: TextDocument): boolean {
    return settings.languages.includes(doc.languageId);
  }

  /** A .replylintrc.yaml open in the editor: its problems (schema, unknown rules…) at their line. */
  function diagnoseConfig(doc: TextDocument, path: string): LspDiagnostic[] {
    const c = core!;
    try {
      // validated from the editor's text, as the file would be read
      c.configFromText(doc.getText(), path);
      return [];
    } catch (e) {
      if (!c.isReplylintError(e)) throw e;
      const line = Math.max(0, ((e as { line?: number }).line ?? 1) - 1);
      const text = doc.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } });
      // the message names file:line, which the editor shows itself
      const message = e.message.startsWith(path) ? e.message.slice(path.length).replace(/^:\d+/, '').replace(/^: /, '') : e.message;
      return [{ range: { start: { line, character: 0 }, end: { line, character: text.replace(/\r?\n$/, '').length } }, severity: 1, source: SOURCE, code: 'config', message }];
    }
  }

  const isConfigFile = (path: string | undefined) => path !== undefined && /(^|[\\/])\.replylintrc\.ya?ml$/.test(path);

  function diagnose(doc: TextDocument): LspDiagnostic[] {
    const configPath = uriPath(doc.uri);
    if (core && isConfigFile(configPath)) return diagnoseConfig(doc, configPath!);
    if (!core || !enabled(doc)) return [];
    let linter: Linter;
    try {
      linter = linterFor(doc);
    } catch (e) {
      // a broken .replylintrc.yaml: said on the reply, in Chinese, with the file and key path
      return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: SOURCE, code: 'config', message: `配置错误：${e instanceof Error ? e.message : String(e)}` }];
    }
    const path = uriPath(doc.uri);
    const found = linter.lint(doc.getText(), { ...(path ? { filename: path } : {}), format: doc.languageId === 'plaintext' ? 'text' : 'markdown' });
    youngGeneration.check();
    let shown = found;
    if (segmenterState === 'waiting') {
      // a rule asked for the segmenter: load it now (not before a document needs it: it is the
      // largest part of the server's memory) and check again when it is there
      shown = found.filter((d) => !(d.ruleId === core!.INTERNAL_RULE_ID && d.messageId === 'segmenterUnavailable'));
      if (shown.length < found.length) loadSegmenterSoon();
    } else shown = mergeSegmenterFailures(found, core!.INTERNAL_RULE_ID);
    return shown.map((d) => toLspDiagnostic(doc, d, linter.resources.rules, linter.resources.dir));
  }

  function validate(doc: TextDocument): void {
    const items = diagnose(doc);
    results.set(doc.uri, { version: doc.version, items });
    if (!pull) void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: items }).then(verifySoon, verifySoon);
    else verifySoon();
  }

  function schedule(doc: TextDocument, delay = settings.debounce): void {
    timers.get(doc.uri)?.cancel();
    const run = () => {
      timers.delete(doc.uri);
      // a newer version may have arrived meanwhile: check the latest, never an older one
      const latest = documents.get(doc.uri);
      if (latest) validate(latest);
    };
    if (delay > 0) {
      const t = setTimeout(run, delay);
      timers.set(doc.uri, { cancel: () => clearTimeout(t) });
    } else {
      const t = setImmediate(run);
      timers.set(doc.uri, { cancel: () => clearImmediate(t) });
    }
  }

  function revalidateAll(): void {
    results.clear();
    if (pull) void connection.languages.diagnostics.refresh();
    else for (const doc of documents.all()) schedule(doc, 0);
  }

  function resetLinters(): void {
    linters.clear();
    verifyFailures.clear();
    core?.clearConfigCache();
    revalidateAll();
  }

  async function fetchSettings(): Promise<void> {
    if (!canConfigure) return;
    const raw = await connection.workspace.getConfiguration('replylint');
    const read = readSettings(raw);
    settings = read.settings;
    for (const p of read.problems) void connection.window.showWarningMessage(p);
  }

  connection.onInitialize(async (params): Promise<InitializeResult> => {
    core = await import('@replylint/core');
    const caps = params.capabilities;
    pull = Boolean(caps.textDocument?.diagnostic);
    canConfigure = Boolean(caps.workspace?.configuration);
    const init = readSettings((params.initializationOptions as Record<string, unknown> | undefined)?.settings ?? params.initializationOptions);
    settings = init.settings;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.replylint`] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: [] },
        ...(pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'replylint-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (canConfigure) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'replylint' });
      await fetchSettings();
    }
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.replylintrc.{yaml,yml}' }] }).catch(() => undefined);
    revalidateAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (canConfigure) await fetchSettings();
    else settings = readSettings((change.settings as Record<string, unknown> | undefined)?.replylint).settings;
    resetLinters();
  });
  connection.onDidChangeWatchedFiles(() => resetLinters());

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    timers.get(e.document.uri)?.cancel();
    timers.delete(e.document.uri);
    results.delete(e.document.uri);
    if (!pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    let r = results.get(doc.uri);
    if (!r || r.version !== doc.version) {
      r = { version: doc.version, items: diagnose(doc) };
      results.set(doc.uri, r);
      verifySoon();
    }
    return { kind: DocumentDiagnosticReportKind.Full, items: r.items };
  });

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !core) return [];
    const mine = params.context.diagnostics.filter((d) => d.source === SOURCE);
    const only = params.context.only;
    const wantsFixAll = !only || only.some((k) => k.startsWith(CodeActionKind.SourceFixAll) || k === CodeActionKind.Source);
    const actions: CodeAction[] = [];
    if (!only || only.includes(CodeActionKind.QuickFix)) {
      actions.push(...fixActions(doc, mine));
      const handler = signatureLines(settings.handler);
      for (const d of mine) {
        if ((d.code === 'signature-block' || (d.data as DiagnosticData | undefined)?.covers?.includes('signature-block')) && handler) {
          const text = doc.getText();
          const end = doc.positionAt(text.length);
          const a = CodeAction.create('插入署名（来自设置中的承办人信息）', { changes: { [doc.uri]: [TextEdit.insert(end, `${text.endsWith('\n') ? '' : '\n'}\n${handler.join('\n')}\n`)] } }, CodeActionKind.QuickFix);
          a.diagnostics = [d];
          actions.push(a);
        }
        if (doc.languageId === 'markdown' && typeof d.code === 'string' && d.code !== 'config') actions.push(disableLineAction(doc, d));
      }
    }
    if (wantsFixAll && enabled(doc)) {
      try {
        const fixed = linterFor(doc).fix(doc.getText(), { format: doc.languageId === 'plaintext' ? 'text' : 'markdown' });
        if (fixed.fixed) actions.push(CodeAction.create('修复全部可自动修复的问题', { changes: { [doc.uri]: [replaceAll(doc, fixed.output)] } }, `${CodeActionKind.SourceFixAll}.replylint`));
      } catch {
        // a broken config is already shown as a diagnostic
      }
    }
    return actions;
  });

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !core || !enabled(doc)) return null;
    const offset = doc.offsetAt(params.position);
    let linter: Linter;
    try {
      linter = linterFor(doc);
    } catch {
      return null;
    }
    const text = doc.getText();
    const r = linter.lintDocument(text, { format: doc.languageId === 'plaintext' ? 'text' : 'markdown' });
    const here = r.diagnostics.filter((d) => d.range[0] <= offset && offset <= d.range[1] && linter.resources.rules.has(d.ruleId));
    const parts: string[] = [];
    for (const d of here) {
      const rule = linter.resources.rules.get(d.ruleId)!;
      parts.push(`**${rule.title}**（${rule.id}）：${rule.description}\n\n${rule.rationale ? `${rule.rationale}\n\n` : ''}依据：${rule.source}`);
    }
    // on the front matter: the ticket's deadlines and time left
    const fm = /^---\r?\n[\s\S]*?\r?\n---/.exec(text);
    if (fm && offset <= fm[0].length && r.meta.dispatchedAt) {
      try {
        const result = linter.deadlines({ dispatchedAt: r.meta.dispatchedAt, ...(r.meta.type ? { type: r.meta.type } : {}), profile: r.profile, ...(r.meta.extension ? { extension: r.meta.extension } : {}) });
        const now = new Date();
        const rows = result.deadlines.map((e) => `| ${e.name} | ${e.due ? core!.formatBeijingHuman(e.due) : '—'} | ${e.due ? core!.timeLeft(linter.calendar, e.due, now).text : (e.note ?? '')} |`);
        parts.push(`**办理时限**（${result.document}）\n\n| 事项 | 截止 | 剩余 |\n|---|---|---|\n${rows.join('\n')}`);
      } catch (e) {
        parts.push(`办理时限：${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return parts.length ? { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } } : null;
  });

  // a code lens over the front matter: the completion deadline and the time left
  connection.onCodeLens((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !core || !enabled(doc)) return [];
    const text = doc.getText();
    if (!/^---\r?\n/.test(text)) return [];
    let linter: Linter;
    try {
      linter = linterFor(doc);
    } catch {
      return [];
    }
    const r = linter.lintDocument(text, { only: [] });
    if (!r.meta.dispatchedAt) return [];
    try {
      const result = linter.deadlines({ dispatchedAt: r.meta.dispatchedAt, ...(r.meta.type ? { type: r.meta.type } : {}), profile: r.profile, ...(r.meta.extension ? { extension: r.meta.extension } : {}) });
      const due = result.deadlines.find((e) => e.event === 'completion' && e.due) ?? result.deadlines.find((e) => e.due);
      if (!due?.due) return [];
      const left = core.timeLeft(linter.calendar, due.due, r.meta.repliedAt ?? new Date());
      const title = `${due.name}截止 ${core.formatBeijingHuman(due.due)}（${r.meta.repliedAt ? `答复时${left.overdue ? left.text : '未逾期'}` : left.text}）${result.provisional ? ' ※暂按法定节假日推算' : ''}`;
      return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, command: { title, command: '' } }];
    } catch {
      return []; // no table under this profile, or a calendar gap: the hover says why
    }
  });

  connection.onCompletion((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !enabled(doc)) return [];
    const profile = settings.profile;
    return [
      {
        label: '答复模板',
        kind: CompletionItemKind.Snippet,
        detail: 'replylint：含全部办理要素的答复模板',
        documentation: '称呼、办理经过、沟通时间、沟通内容、满意度、政策依据和结尾署名；署名取自设置 replylint.handler。',
        insertTextFormat: InsertTextFormat.Snippet,
        insertText: replySnippet(settings.handler, profile === 'anning'),
        filterText: '答复模板 dafu moban template',
      },
    ];
  });

  connection.onRequest(TemplateRequest, () => ({ snippet: replySnippet(settings.handler, settings.profile === 'anning') }));

  connection.onRequest(DeadlinesRequest, (params): DeadlinesResult => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !core) return { rows: [], error: '没有打开这份答复' };
    if (!enabled(doc)) return { rows: [], error: `replylint 不检查这种文件（${doc.languageId}），见设置 replylint.languages` };
    let linter: Linter;
    try {
      linter = linterFor(doc);
    } catch (e) {
      return { rows: [], error: `配置错误：${e instanceof Error ? e.message : String(e)}` };
    }
    const r = linter.lintDocument(doc.getText(), { only: [], format: doc.languageId === 'plaintext' ? 'text' : 'markdown' });
    if (!r.meta.dispatchedAt) return { rows: [], profile: r.profile, error: '文件头中没有派单时间（dispatchedAt 或 派单时间），无法计算办理时限' };
    try {
      const result = linter.deadlines({ dispatchedAt: r.meta.dispatchedAt, ...(r.meta.type ? { type: r.meta.type } : {}), profile: r.profile, ...(r.meta.extension ? { extension: r.meta.extension } : {}) });
      const at = r.meta.repliedAt ?? new Date();
      const rows = result.deadlines.map((e) => {
        const left = e.due ? core!.timeLeft(linter.calendar, e.due, at) : undefined;
        return { name: e.name, due: e.due ? core!.formatBeijingHuman(e.due) : null, left: left ? left.text : (e.note ?? ''), overdue: left?.overdue ?? false };
      });
      return {
        document: result.document,
        profile: r.profile,
        at: r.meta.repliedAt ? 'replied' : 'now',
        rows,
        ...(result.provisional ? { provisional: core.provisionalText(result.provisional) } : {}),
      };
    } catch (e) {
      return { rows: [], profile: r.profile, error: e instanceof Error ? e.message : String(e) };
    }
  });

  connection.onRequest(RedactRequest, (params): RedactResult => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !core) return { masked: [], error: '没有打开这份答复' };
    const r = core.redact(doc.getText(), { format: doc.languageId === 'plaintext' ? 'text' : 'markdown' });
    const blocking = core.blockingProblem(r);
    if (blocking) return { masked: [], error: `${blocking.message}，无法确定诉求人、承办人信息，未生成公开版本：请修正文件头后重试` };
    return { text: r.text, masked: r.redactions.map((x) => `第 ${x.line} 行第 ${x.column} 列 ${core!.REDACTION_KIND_NAMES[x.kind]} → ${x.masked}`) };
  });

  documents.listen(connection);
  connection.listen();
}
