// The VS Code extension: starts the bundled replylint language server (dist/server.js, the portable
// js segmenter) over IPC and adds what LSP has no place for: commands (insert the reply template,
// show the ticket's deadlines, restart the server) and a status-bar item with the active reply's
// error and warning counts. No lint logic lives here.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

// the server's custom requests (packages/language-server/src/protocol.ts); types only, nothing of
// the server is bundled into the client
import type { DeadlinesResult, RedactResult, TemplateResult } from '@replylint/language-server/dist/protocol.js';
import { SERVER_EXEC_ARGV } from './memory.js';

const SOURCE = 'replylint';

let client: LanguageClient | undefined;

function languages(): string[] {
  const v = vscode.workspace.getConfiguration('replylint').get<unknown>('languages');
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : ['markdown', 'plaintext'];
}

/** The `replylint` settings as the server reads them (empty strings mean "not set"). */
function serverSettings(): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration('replylint');
  return {
    profile: c.get('profile'),
    configPath: c.get('configPath'),
    handler: { name: c.get('handler.name'), unit: c.get('handler.unit'), phone: c.get('handler.phone') },
    languages: c.get('languages'),
    debounce: c.get('debounce'),
  };
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const options = { env: { ...process.env, REPLYLINT_RULES_DIR: context.asAbsolutePath('rules') } };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { ...options, execArgv: SERVER_EXEC_ARGV } },
    debug: { module, transport: TransportKind.ipc, options: { ...options, execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages().flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: { configurationSection: 'replylint' },
    initializationOptions: { settings: serverSettings() },
    middleware: {
      workspace: {
        // VS Code has no "handler" object setting: the three handler.* settings are sent as one
        configuration: (params, token, next) =>
          params.items.map((item, i) => (item.section === 'replylint' ? serverSettings() : (next(params, token) as unknown[])[i])),
      },
    },
  };
  return new LanguageClient('replylint', '答复质检 replylint', serverOptions, clientOptions);
}

/** Status bar: errors and warnings of replylint in the active editor's document. */
function updateStatus(item: vscode.StatusBarItem): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !languages().includes(editor.document.languageId)) {
    item.hide();
    return;
  }
  const mine = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === SOURCE);
  const errors = mine.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  const warnings = mine.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
  item.text = errors + warnings === 0 ? '$(check) 答复质检' : `$(error) ${errors} $(warning) ${warnings} 答复质检`;
  item.tooltip = errors + warnings === 0 ? '答复质检：这份答复没有发现问题' : `答复质检：${errors} 个错误，${warnings} 个警告（点击打开“问题”面板）`;
  item.show();
}

async function insertTemplate(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) {
    void vscode.window.showWarningMessage('请先打开一份答复（Markdown 或纯文本文件）');
    return;
  }
  const { snippet } = await client.sendRequest<TemplateResult>('replylint/template', { textDocument: { uri: editor.document.uri.toString() } });
  await editor.insertSnippet(new vscode.SnippetString(snippet));
}

async function showDeadlines(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) {
    void vscode.window.showWarningMessage('请先打开一份答复（Markdown 或纯文本文件）');
    return;
  }
  const r = await client.sendRequest<DeadlinesResult>('replylint/deadlines', { textDocument: { uri: editor.document.uri.toString() } });
  if (r.error || r.rows.length === 0) {
    void vscode.window.showWarningMessage(`办理时限：${r.error ?? '没有可计算的时限'}`);
    return;
  }
  const pick = vscode.window.createQuickPick();
  pick.title = `办理时限（${r.document ?? r.profile ?? ''}）`;
  pick.placeholder = `${r.at === 'replied' ? '剩余时间按文件头中的答复时间计算' : '剩余时间按现在计算'}${r.provisional ? `；${r.provisional}` : ''}`;
  pick.items = r.rows.map((row) => ({
    label: `${row.overdue ? '$(warning)' : '$(clock)'} ${row.name}`,
    description: row.due ?? '无时限',
    detail: row.left,
  }));
  pick.onDidAccept(() => pick.hide());
  pick.onDidHide(() => pick.dispose());
  pick.show();
}

async function redactForPublication(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) {
    void vscode.window.showWarningMessage('请先打开一份答复（Markdown 或纯文本文件）');
    return;
  }
  const r = await client.sendRequest<RedactResult>('replylint/redact', { textDocument: { uri: editor.document.uri.toString() } });
  if (r.error || r.text === undefined) {
    void vscode.window.showWarningMessage(`生成公开版本：${r.error ?? '失败'}`);
    return;
  }
  // the public version opens beside the reply, unsaved: the signed original stays as it is
  const doc = await vscode.workspace.openTextDocument({ content: r.text, language: editor.document.languageId });
  await vscode.window.showTextDocument(doc, vscode.ViewColumn.Beside);
  void vscode.window.showInformationMessage(r.masked.length ? `公开版本：已打码 ${r.masked.length} 处（${r.masked.slice(0, 3).join('；')}${r.masked.length > 3 ? '…' : ''}）` : '公开版本：没有需要打码的个人信息');
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const status = vscode.window.createStatusBarItem('replylint.status', vscode.StatusBarAlignment.Left, 0);
  status.name = '答复质检';
  status.command = 'workbench.actions.view.problems';
  context.subscriptions.push(
    status,
    vscode.languages.onDidChangeDiagnostics(() => updateStatus(status)),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus(status)),
    vscode.commands.registerCommand('replylint.insertTemplate', insertTemplate),
    vscode.commands.registerCommand('replylint.showDeadlines', showDeadlines),
    vscode.commands.registerCommand('replylint.redact', redactForPublication),
    vscode.commands.registerCommand('replylint.restartServer', async () => {
      await client?.stop().catch(() => undefined);
      client = createClient(context);
      await client.start();
      void vscode.window.setStatusBarMessage('答复质检：语言服务器已重启', 3000);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // the document selector is fixed when the client starts
      if (e.affectsConfiguration('replylint.languages')) await vscode.commands.executeCommand('replylint.restartServer');
      updateStatus(status);
    }),
  );
  client = createClient(context);
  await client.start();
  updateStatus(status);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
