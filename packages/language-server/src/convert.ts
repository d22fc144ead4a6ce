// The one module that knows LSP types: the core's diagnostics (UTF-16 offsets) become LSP
// diagnostics (line/character in UTF-16 code units, LSP's default encoding), and their fixes travel
// in `data` so that code actions need no server-side state.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  TextEdit,
  type Diagnostic as LspDiagnostic,
  type Range as LspRange,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Fix, RuleDefinition } from '@replylint/core';

export const SOURCE = 'replylint';

/** What a diagnostic carries for code actions (LSP `data`). */
export interface DiagnosticData {
  fix?: Fix;
  suggestions?: { desc: string; fix: Fix }[];
  /** Rules whose report of the same fault this diagnostic stands for (core Diagnostic.covers). */
  covers?: string[];
  /** The document version the offsets belong to. */
  version: number;
}

export function toRange(doc: TextDocument, range: readonly [number, number]): LspRange {
  return { start: doc.positionAt(range[0]), end: doc.positionAt(range[1]) };
}

/** The rule's page in the installed docs (docs/rules/<id>.md beside rules/). */
export function docsUri(rulesDir: string, ruleId: string): string {
  return pathToFileURL(join(rulesDir, '..', 'docs', 'rules', `${ruleId}.md`)).href;
}

export function toLspDiagnostic(doc: TextDocument, d: Diagnostic, rules: ReadonlyMap<string, RuleDefinition>, rulesDir: string): LspDiagnostic {
  const data: DiagnosticData = { version: doc.version };
  if (d.fix) data.fix = d.fix;
  if (d.suggestions?.length) data.suggestions = d.suggestions.map((s) => ({ desc: s.desc, fix: s.fix }));
  if (d.covers?.length) data.covers = d.covers;
  const out: LspDiagnostic = {
    range: toRange(doc, d.range),
    severity: d.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.ruleId,
    source: SOURCE,
    message: d.metaKey && d.inText === false ? `${d.message}（元数据 ${d.metaKey}）` : d.message,
    data,
  };
  if (rules.has(d.ruleId)) out.codeDescription = { href: docsUri(rulesDir, d.ruleId) };
  if (d.related?.length) out.relatedInformation = d.related.map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r.range) }, message: r.message }));
  return out;
}

const edit = (doc: TextDocument, fix: Fix): TextEdit => TextEdit.replace(toRange(doc, fix.range), fix.text);

/** Quick fixes for the diagnostics in a request's context: the rule's fix, then its suggestions. */
export function fixActions(doc: TextDocument, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    const data = d.data as DiagnosticData | undefined;
    if (!data || data.version !== doc.version) continue; // offsets of another version
    if (data.fix) {
      const a = CodeAction.create(`修复：${d.code}`, { changes: { [doc.uri]: [edit(doc, data.fix)] } }, CodeActionKind.QuickFix);
      a.diagnostics = [d];
      a.isPreferred = true;
      out.push(a);
    }
    for (const s of data.suggestions ?? []) {
      const a = CodeAction.create(s.desc, { changes: { [doc.uri]: [edit(doc, s.fix)] } }, CodeActionKind.QuickFix);
      a.diagnostics = [d];
      out.push(a);
    }
  }
  return out;
}

/** "Disable this rule for this line": a directive comment on the line above (Markdown only). */
export function disableLineAction(doc: TextDocument, d: LspDiagnostic): CodeAction {
  const line = d.range.start.line;
  const text = doc.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } });
  const indent = /^[ \t]*/.exec(text)![0];
  const a = CodeAction.create(
    `在本行禁用 ${d.code}`,
    { changes: { [doc.uri]: [TextEdit.insert({ line, character: 0 }, `${indent}<!-- replylint-disable-next-line ${d.code} -- 理由 -->\n`)] } },
    CodeActionKind.QuickFix,
  );
  a.diagnostics = [d];
  return a;
}

/** Replaces the whole document (fix all). */
export function replaceAll(doc: TextDocument, text: string): TextEdit {
  return TextEdit.replace({ start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, text);
}
