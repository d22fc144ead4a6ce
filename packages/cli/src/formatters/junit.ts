// JUnit XML: one <testsuite> per file; one <testcase> (with <failure>) per problem, or one passing
// <testcase> for a clean file. Text is XML-escaped and characters XML 1.0 forbids are dropped.
import type { FileResult, Formatter } from './types.js';

// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlEscape(s: string): string {
  return s
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export const junit: Formatter = (results: FileResult[]) => {
  const lines: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  const tests = results.reduce((n, r) => n + Math.max(1, r.messages.length), 0);
  const failures = results.reduce((n, r) => n + r.messages.length, 0);
  lines.push(`<testsuites name="replylint" tests="${tests}" failures="${failures}" errors="0">`);
  for (const r of results) {
    const name = xmlEscape(r.displayPath);
    const n = r.messages.length;
    lines.push(`  <testsuite name="${name}" package="replylint" tests="${Math.max(1, n)}" failures="${n}" errors="0" skipped="0" time="0">`);
    if (n === 0) {
      lines.push(`    <testcase name="replylint" classname="${name}" time="0" />`);
    }
    for (const m of r.messages) {
      const type = m.severity === 2 ? 'error' : 'warning';
      const where = `${m.line}:${m.column}`;
      lines.push(`    <testcase name="${xmlEscape(`${m.ruleId} (${where})`)}" classname="${name}" time="0">`);
      lines.push(
        `      <failure message="${xmlEscape(m.message)}" type="${type}">${xmlEscape(`${type === 'error' ? '错误' : '警告'} ${r.displayPath}:${where} ${m.message}（${m.ruleId}）`)}</failure>`,
      );
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
};
