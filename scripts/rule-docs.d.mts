// Types of rule-docs.mjs for the type-checked tests.
import type { RuleDefinition } from '@replylint/core';

export function renderRuleDoc(rule: RuleDefinition, severities: Record<string, 'off' | 'warn' | 'error'>, shownOptions?: Record<string, unknown>, allRules?: ReadonlyMap<string, RuleDefinition>): string;
