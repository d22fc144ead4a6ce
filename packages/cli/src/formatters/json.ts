// ESLint's JSON format: [{filePath, messages:[{ruleId, severity, message, line, column, endLine,
// endColumn, messageId, fix?, suggestions?}], errorCount, warningCount, …, output?}].
// The reply text itself (`source`) is deliberately not included: replies carry personal data.
import type { CliMessage, FileResult, Formatter } from './types.js';

export function toEslintMessage(m: CliMessage): Record<string, unknown> {
  return {
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    messageId: m.messageId,
    ...(m.fatal ? { fatal: true } : {}),
    ...(m.fix ? { fix: { range: m.fix.range, text: m.fix.text } } : {}),
    ...(m.suggestions?.length ? { suggestions: m.suggestions.map((s) => ({ desc: s.desc, fix: { range: s.fix.range, text: s.fix.text } })) } : {}),
  };
}

export function toEslintResult(r: FileResult): Record<string, unknown> {
  return {
    filePath: r.filePath,
    messages: r.messages.map(toEslintMessage),
    suppressedMessages: [],
    errorCount: r.errorCount,
    fatalErrorCount: r.fatalErrorCount,
    warningCount: r.warningCount,
    fixableErrorCount: r.fixableErrorCount,
    fixableWarningCount: r.fixableWarningCount,
    ...(r.output !== undefined ? { output: r.output } : {}),
    usedDeprecatedRules: [],
  };
}

export const json: Formatter = (results) => `${JSON.stringify(results.map(toEslintResult))}\n`;
