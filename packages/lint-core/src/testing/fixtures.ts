// Fixture files with inline expectations (markdownlint/DESIGN.md style):
//   ⟦exact text⟧{rule-id/messageId}   an expected diagnostic with its exact range
//   ⟦exact text⟧                       bare: the folder's rule
//   <!-- expect: rule-id[/messageId] --> a diagnostic anywhere in the document
//   <!-- fixture: {"profile": "suqian", "now": "2024-10-01T10:00:00+08:00", "rules": {...}} -->
// Markers are stripped before linting; failures render the actual diagnostics as markers.
import { z } from 'zod';
import type { Diagnostic, Range } from '../types.js';

export interface Expectation {
  ruleId: string;
  messageId?: string;
  /** Exact range in the stripped text; undefined for `<!-- expect -->`. */
  range?: Range;
}

const fixtureOptionsSchema = z.strictObject({
  profile: z.string().optional(),
  now: z.string().optional(),
  rules: z.record(z.string(), z.unknown()).optional(),
  /** Extra rule ids to run besides the folder's rule. */
  also: z.array(z.string()).optional(),
  /** Policy registry for citation-registry, relative to the repository root (e.g. rules/policies/sample.yaml). */
  policies: z.string().optional(),
});
export type FixtureOptions = z.infer<typeof fixtureOptionsSchema>;

export interface ParsedFixture {
  text: string;
  expected: Expectation[];
  options: FixtureOptions;
}

const SPECIAL_RE = /⟦|⟧(?:\{([a-z0-9-]*)(?:\/(\w+))?\})?|<!--\s*(expect|fixture):([\s\S]*?)-->\n?/g;

export function parseFixture(raw: string, defaultRule: string): ParsedFixture {
  let text = '';
  let last = 0;
  const open: number[] = [];
  const expected: Expectation[] = [];
  let options: FixtureOptions = {};
  for (const m of raw.matchAll(SPECIAL_RE)) {
    text += raw.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0] === '⟦') {
      open.push(text.length);
    } else if (m[0].startsWith('⟧')) {
      const start = open.pop();
      if (start === undefined) throw new Error(`fixture: unmatched ⟧ at ${m.index}`);
      expected.push({ ruleId: m[1] || defaultRule, ...(m[2] ? { messageId: m[2] } : {}), range: [start, text.length] });
    } else if (m[3] === 'expect') {
      for (const item of m[4]!.split(/[,\s]+/).filter(Boolean)) {
        const [ruleId, messageId] = item.split('/');
        expected.push({ ruleId: ruleId!, ...(messageId ? { messageId } : {}) });
      }
    } else {
      options = fixtureOptionsSchema.parse(JSON.parse(m[4]!));
    }
  }
  text += raw.slice(last);
  if (open.length) throw new Error('fixture: unmatched ⟦');
  return { text, expected, options };
}

/** Renders diagnostics as ⟦…⟧{rule/messageId} markers into the text (for readable diffs). */
export function renderMarkers(text: string, diagnostics: readonly Pick<Diagnostic, 'ruleId' | 'messageId' | 'range'>[]): string {
  const events: { at: number; s: string; order: number }[] = [];
  diagnostics.forEach((d, i) => {
    events.push({ at: d.range[0], s: '⟦', order: 1e6 - i });
    events.push({ at: d.range[1], s: `⟧{${d.ruleId}/${d.messageId}}`, order: -1e6 + i });
  });
  events.sort((a, b) => b.at - a.at || a.order - b.order);
  let out = text;
  for (const e of events) out = out.slice(0, e.at) + e.s + out.slice(e.at);
  return out;
}

/** Compares diagnostics with expectations; returns problems (empty = pass). */
export function compareExpectations(expected: readonly Expectation[], actual: readonly Diagnostic[]): string[] {
  const problems: string[] = [];
  const remaining = [...actual];
  for (const e of expected) {
    const i = remaining.findIndex(
      (d) =>
        d.ruleId === e.ruleId &&
        (!e.messageId || d.messageId === e.messageId) &&
        (!e.range || (d.range[0] === e.range[0] && d.range[1] === e.range[1])),
    );
    if (i < 0) problems.push(`缺少预期的诊断 ${e.ruleId}${e.messageId ? `/${e.messageId}` : ''}${e.range ? ` @${e.range[0]}-${e.range[1]}` : ''}`);
    else remaining.splice(i, 1);
  }
  for (const d of remaining) problems.push(`多出的诊断 ${d.ruleId}/${d.messageId} @${d.range[0]}-${d.range[1]}：${d.message}`);
  return problems;
}
