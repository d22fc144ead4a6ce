// Diagnostics as the service returns them: severity as a word, UTF-16 offset and length, 1-based
// line and column, the rule's source clause and docs page, fixes and suggestions.
import type { Diagnostic, TextResult } from '@replylint/core';
import type { Core } from '../core-loader.js';
import type { ApiDiagnostic, CheckResult } from './schemas.js';

export interface RuleInfo {
  /** The rule's short Chinese name (结尾署名不全). */
  title?: string;
  source?: string;
  docs?: string;
}

export function presentDiagnostic(core: Core, d: Diagnostic, starts: readonly number[], rules: ReadonlyMap<string, RuleInfo>): ApiDiagnostic {
  const [start, end] = d.range;
  const a = core.toLineColumn(starts, start);
  const b = core.toLineColumn(starts, end);
  const info = rules.get(d.ruleId);
  const out: ApiDiagnostic = {
    ruleId: d.ruleId,
    ...(info?.title ? { title: info.title } : {}),
    severity: d.severity === 2 ? 'error' : 'warning',
    messageId: d.messageId,
    message: d.message,
    offset: start,
    length: end - start,
    line: a.line,
    column: a.column,
    endLine: b.line,
    endColumn: b.column,
    inText: d.inText !== false,
  };
  if (info?.source) out.source = info.source;
  if (info?.docs) out.docs = info.docs;
  if (d.metaKey) out.metaKey = d.metaKey;
  if (d.fix) out.fix = { range: [d.fix.range[0], d.fix.range[1]], text: d.fix.text };
  if (d.suggestions?.length) out.suggestions = d.suggestions.map((s) => ({ desc: s.desc, fix: { range: [s.fix.range[0], s.fix.range[1]], text: s.fix.text } }));
  if (d.covers?.length) out.covers = d.covers;
  if (d.related?.length) {
    out.related = d.related.map((r) => {
      const at = core.toLineColumn(starts, r.range[0]);
      return { offset: r.range[0], length: r.range[1] - r.range[0], line: at.line, column: at.column, message: r.message };
    });
  }
  return out;
}

/** A checked item as the service returns it; `text` is the text the positions refer to. */
export function presentResult(core: Core, r: TextResult, text: string, rules: ReadonlyMap<string, RuleInfo>): CheckResult {
  // positions of a fixed item refer to the fixed text
  const starts = core.lineStarts(r.output ?? text);
  const diagnostics = r.diagnostics.map((d) => presentDiagnostic(core, d, starts, rules));
  let errorCount = 0;
  for (const d of r.diagnostics) if (d.severity === 2) errorCount++;
  const out: CheckResult = {
    accept: errorCount === 0,
    profile: r.profile,
    errorCount,
    warningCount: r.diagnostics.length - errorCount,
    diagnostics,
  };
  if (r.id !== undefined) out.id = r.id;
  if (r.output !== undefined) out.output = r.output;
  return out;
}
