// Inline directives in HTML comments:
//   <!-- replylint-disable rule-a, rule-b -- reason -->
//   <!-- replylint-enable rule-a -->
//   <!-- replylint-disable-next-line rule-a -- reason -->
//   <!-- replylint-disable-line rule-a -->
// No rule ids = all rules. Directives that suppress nothing are reported.
import type { HtmlComment } from '../parse/markdown.js';
import type { Diagnostic, Range, SuppressedDiagnostic } from '../types.js';

export type DirectiveType = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';

export interface Directive {
  type: DirectiveType;
  /** Empty = all rules. */
  ruleIds: string[];
  reason?: string;
  range: Range;
  /** For line directives: the source range of the affected line. */
  lineRange?: Range;
}

const DIRECTIVE_RE = /^replylint-(disable-next-line|disable-line|disable|enable)(?:\s+([\s\S]*?))?$/;

export function parseDirectives(comments: readonly HtmlComment[], source: string): Directive[] {
  const out: Directive[] = [];
  for (const c of comments) {
    const m = DIRECTIVE_RE.exec(c.body);
    if (!m) continue;
    const type = m[1] as DirectiveType;
    let rest = m[2] ?? '';
    let reason: string | undefined;
    const dash = rest.search(/(?:^|\s)--(?:\s|$)/);
    if (dash >= 0) {
      reason = rest.slice(dash).replace(/^\s*--\s*/, '').trim() || undefined;
      rest = rest.slice(0, dash);
    }
    const ruleIds = rest.split(/[\s,，]+/).filter(Boolean);
    const d: Directive = { type, ruleIds, range: [c.start, c.end], ...(reason ? { reason } : {}) };
    if (type === 'disable-line') d.lineRange = lineAt(source, c.start);
    if (type === 'disable-next-line') {
      const cur = lineAt(source, c.end);
      d.lineRange = lineAt(source, Math.min(source.length, cur[1] + 1));
    }
    out.push(d);
  }
  return out;
}

function lineAt(source: string, offset: number): Range {
  const s = source.lastIndexOf('\n', offset - 1) + 1;
  let e = source.indexOf('\n', offset);
  if (e < 0) e = source.length;
  return [s, e];
}

/**
 * Removes suppressed diagnostics. Returns the kept diagnostics, the suppressed ones with the
 * directive's reason (for audit trails), and, per directive, the rule ids (or '*' for all) that
 * suppressed at least one diagnostic.
 */
export function applyDirectives(
  diagnostics: Diagnostic[],
  directives: readonly Directive[],
): { kept: Diagnostic[]; suppressed: SuppressedDiagnostic[]; used: Map<Directive, Set<string>> } {
  const used = new Map<Directive, Set<string>>(directives.map((d) => [d, new Set<string>()]));
  const suppressed: SuppressedDiagnostic[] = [];
  if (directives.length === 0) return { kept: diagnostics, suppressed, used };
  const blocks = directives.filter((d) => d.type === 'disable' || d.type === 'enable').sort((a, b) => a.range[0] - b.range[0]);
  const lines = directives.filter((d) => d.lineRange);
  const kept: Diagnostic[] = [];
  for (const diag of diagnostics) {
    const at = diag.range[0];
    const matches = (d: Directive) => d.ruleIds.length === 0 || d.ruleIds.includes(diag.ruleId);
    let suppressedBy: Directive | undefined;
    for (const d of lines) {
      if (matches(d) && at >= d.lineRange![0] && at <= d.lineRange![1]) {
        suppressedBy = d;
        break;
      }
    }
    if (!suppressedBy) {
      // the last disable/enable before the diagnostic that mentions its rule decides
      for (const d of blocks) {
        if (d.range[0] > at) break;
        if (!matches(d)) continue;
        suppressedBy = d.type === 'disable' ? d : undefined;
      }
    }
    if (suppressedBy && !diag.fatal) {
      used.get(suppressedBy)!.add(suppressedBy.ruleIds.length ? diag.ruleId : '*');
      suppressed.push({ ...diag, suppressions: [{ kind: 'directive', justification: suppressedBy.reason ?? '', range: suppressedBy.range }] });
    } else {
      kept.push(diag);
    }
  }
  return { kept, suppressed, used };
}
