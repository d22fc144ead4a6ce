// Chinese message templates with {{placeholders}}. Templates are split once (they are few and
// reused for every report), so formatting is a join, not a regex replace.
import type { KindSuggestion } from '../kinds/define.js';
import type { Suggestion } from '../types.js';

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Literal parts at even indices, placeholder names (and their raw text) at odd ones. */
type Parsed = { parts: string[]; raw: string[] };
const parsedTemplates = new Map<string, Parsed>();

function parse(template: string): Parsed {
  let p = parsedTemplates.get(template);
  if (!p) {
    p = { parts: [], raw: [] };
    let last = 0;
    PLACEHOLDER.lastIndex = 0;
    for (let m = PLACEHOLDER.exec(template); m; m = PLACEHOLDER.exec(template)) {
      p.parts.push(template.slice(last, m.index), m[1]!);
      p.raw.push(m[0]);
      last = m.index + m[0].length;
    }
    p.parts.push(template.slice(last));
    if (parsedTemplates.size < 10000) parsedTemplates.set(template, p);
  }
  return p;
}

export function formatMessage(template: string, data: Record<string, string | number>): string {
  const { parts, raw } = parse(template);
  if (parts.length === 1) return template;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    out += (key in data ? String(data[key]) : raw[(i - 1) / 2]!) + parts[i + 1]!;
  }
  return out;
}

/** Suggestions with their titles formatted from the rule's messages (the message id itself when missing). */
export function formatSuggestions(messages: Readonly<Record<string, string>>, suggestions: readonly KindSuggestion[]): Suggestion[] {
  return suggestions.map((s) => {
    const data = s.data ?? {};
    const template = messages[s.messageId];
    return { messageId: s.messageId, desc: template ? formatMessage(template, data) : s.messageId, data, fix: s.fix };
  });
}
