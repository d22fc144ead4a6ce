// Engine and config tests exercise the machinery (ranges, directives, front matter, config
// merging) with one phrase rule. Under the full `recommended` profile a two-line snippet also
// triggers the element rules (no handler, no signature…), which is correct but not what these
// tests are about, so they look only at the rules below.
import { lint as coreLint, type Diagnostic, type LintOptions } from '@replylint/core';

export const FOCUS_RULES = ['no-harsh-language', 'front-matter', 'unused-directive'] as const;

export function lintFocused(text: string, options?: LintOptions): Diagnostic[] {
  return coreLint(text, options).filter((d) => (FOCUS_RULES as readonly string[]).includes(d.ruleId));
}
