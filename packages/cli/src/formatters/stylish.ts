// ESLint's "stylish" output in Chinese, fitted to the terminal (80 columns when not a terminal):
//   path
//     3:5  错误  message  rule-id                     (when every finding fits on one line)
//     3:5  错误  rule-id                              (otherwise: the message wrapped below,
//                message, with CJK characters counted as two columns, never broken before ，。)
//   ✖ 共 N 个问题（X 个错误，Y 个警告）
//     其中 Z 个可用 --fix 自动修复
import { colors } from '../color.js';
import { displayWidth, padEnd, padStart, wrapText } from '../width.js';
import type { FileResult, Formatter } from './types.js';

const SEVERITY = { 1: '警告', 2: '错误' } as const;

/**
 * Terminal control characters (a reply can carry escape sequences that clear the screen or set the
 * window title) shown as \u{…} instead of being sent to the terminal; so is the path.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
export const visible = (s: string): string => s.replace(CONTROL, (ch) => `\\u{${ch.charCodeAt(0).toString(16)}}`);

export const stylish: Formatter = (results: FileResult[], ctx) => {
  const c = colors(ctx.color);
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const r of results) {
    if (!r.messages.length) continue;
    errors += r.errorCount;
    warnings += r.warningCount;
    fixableErrors += r.fixableErrorCount;
    fixableWarnings += r.fixableWarningCount;
    const rows = r.messages.map((m) => ({
      line: String(m.line),
      column: String(m.column),
      sev: m.severity === 2 ? c.red(SEVERITY[2]) : c.yellow(SEVERITY[1]),
      sevText: SEVERITY[m.severity],
      message: visible(m.message.replace(/\s*\n\s*/g, ' ')),
      rule: m.ruleId,
    }));
    let wLine = 0;
    let wCol = 0;
    let wMsg = 0;
    for (const x of rows) {
      wLine = Math.max(wLine, x.line.length);
      wCol = Math.max(wCol, x.column.length);
      wMsg = Math.max(wMsg, displayWidth(x.message));
    }
    const width = ctx.columns ?? 80;
    // "  12:34  错误  "
    const indent = 2 + wLine + 1 + wCol + 2 + 4 + 2;
    const wRule = Math.max(...rows.map((x) => x.rule.length));
    // every finding on one line, as ESLint prints them, when that fits; else messages wrap
    const oneLine = indent + wMsg + 2 + wRule <= width;
    const room = Math.max(width - indent, 20);
    out += `${c.underline(visible(r.displayPath))}\n`;
    for (const x of rows) {
      const pos = c.dim(`${padStart(x.line, wLine)}:${padEnd(x.column, wCol)}`);
      if (oneLine) {
        out += `  ${pos}  ${x.sev}  ${padEnd(x.message, wMsg)}  ${c.dim(x.rule)}\n`.replace(/ +\n$/, '\n');
        continue;
      }
      // position, severity and rule id on one line, the message wrapped under them
      out += `  ${pos}  ${x.sev}  ${c.dim(x.rule)}\n`;
      for (const l of wrapText(x.message, room)) out += `${' '.repeat(indent)}${l}\n`;
    }
    out += '\n';
  }
  const total = errors + warnings;
  if (total > 0) {
    const mark = errors > 0 ? c.red : c.yellow;
    out += c.bold(mark(`✖ 共 ${total} 个问题（${errors} 个错误，${warnings} 个警告）`)) + '\n';
    const fixable = fixableErrors + fixableWarnings;
    if (fixable > 0) out += c.bold(mark(`  其中 ${fixable} 个可用 --fix 自动修复`)) + '\n';
  } else if (!ctx.quiet && results.length > 0) {
    // a clean run says so (nothing at all reads as "did it run?")
    out += `${c.green('✔')} ${results.length} 个文件，未发现问题\n`;
  }
  return out;
};
