// Applying fixes: non-overlapping, in order; repeated passes until stable (at most 10).
import type { Diagnostic, Fix } from '../types.js';

export function applyFixes(text: string, fixes: readonly Fix[]): { output: string; applied: number } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let last = 0;
  let applied = 0;
  for (const f of sorted) {
    const [s, e] = f.range;
    if (s < last || s > e || e > text.length) continue; // overlapping or invalid: next pass
    out += text.slice(last, s) + f.text;
    last = e;
    applied++;
  }
  out += text.slice(last);
  return { output: out, applied };
}

export interface FixResult {
  output: string;
  /** Whether the output differs from the input. */
  fixed: boolean;
  /** Diagnostics remaining after fixing (re-linted). */
  diagnostics: Diagnostic[];
  /** Number of fixes applied over all passes. */
  applied: number;
}

/** Applies the fixes `lint` reports, re-linting after each pass, until none is left (at most 10 passes). */
export function fixWith(lint: (text: string) => Diagnostic[], text: string): FixResult {
  let current = text;
  let applied = 0;
  let diagnostics = lint(current);
  for (let pass = 0; pass < 10; pass++) {
    const fixes = diagnostics.filter((d) => d.fix).map((d) => d.fix!);
    if (!fixes.length) break;
    const r = applyFixes(current, fixes);
    if (r.applied === 0 || r.output === current) break;
    current = r.output;
    applied += r.applied;
    diagnostics = lint(current);
  }
  return { output: current, fixed: current !== text, diagnostics, applied };
}
