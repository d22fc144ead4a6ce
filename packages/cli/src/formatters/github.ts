// GitHub Actions workflow commands: one `::error …::message` / `::warning …::message` per problem.
// Escaping follows @actions/core: data escapes % CR LF; properties additionally : and ,.
import type { FileResult, Formatter } from './types.js';

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Formatter = (results: FileResult[]) => {
  let out = '';
  for (const r of results) {
    for (const m of r.messages) {
      const props = [
        `file=${escapeProperty(r.displayPath)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(m.ruleId)}`,
      ].join(',');
      out += `::${m.severity === 2 ? 'error' : 'warning'} ${props}::${escapeData(m.message)}\n`;
    }
  }
  return out;
};
