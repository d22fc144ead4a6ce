// ESLint's JSON format: [{filePath, messages:[{ruleId, severity, message, line, column, endLine,
// endColumn, messageId, fix?, suggestions?}], errorCount, warningCount, …, output?}].
// The reply text itself (`source`) is deliberately not included: replies carry personal data.
import type { CliMessage, FileResult, Formatter } from './types.js';

// built field by field in ESLint's key order (object spreads of optional parts are slow in V8,
// and 10,000 results are formatted at once)
export function toEslintMessage(m: CliMessage): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    messageId: m.messageId,
  };
  if (m.fatal) out.fatal = true;
  if (m.fix) out.fix = { range: m.fix.range, text: m.fix.text };
  if (m.suggestions?.length) out.suggestions = m.suggestions.map((s) => ({ ...(s.messageId ? { messageId: s.messageId } : {}), desc: s.desc, fix: { range: s.fix.range, text: s.fix.text } }));
  if (m.covers) out.covers = m.covers;
  return out;
}

export function toEslintResult(r: FileResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    filePath: r.filePath,
    messages: r.messages.map(toEslintMessage),
    suppressedMessages: [],
    errorCount: r.errorCount,
    fatalErrorCount: r.fatalErrorCount,
    warningCount: r.warningCount,
    fixableErrorCount: r.fixableErrorCount,
    fixableWarningCount: r.fixableWarningCount,
  };
  if (r.output !== undefined) out.output = r.output;
  out.usedDeprecatedRules = [];
  return out;
}

/** One result in the JSON format: an element of the array `json` writes. */
export const jsonResult = (r: FileResult): string => JSON.stringify(toEslintResult(r));

// results serialised where they were checked (FileResult.serialized) are joined as they are
export const json: Formatter = (results) => `[${results.map((r) => r.serialized ?? jsonResult(r)).join(',')}]\n`;
