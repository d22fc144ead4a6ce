// Every fixture under fixtures/<rule-id>/ behaves as its markers say.
import { describe, expect, it } from 'vitest';
import { listFixtureCases, runFixtureCase } from '@replylint/core/testing';

const cases = listFixtureCases();

describe.each([...new Set(cases.map((c) => c.ruleId))])('%s', (ruleId) => {
  it.each(cases.filter((c) => c.ruleId === ruleId).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const outcome = runFixtureCase(c);
    // on failure, the diff shows the actual diagnostics rendered as markers
    expect({ problems: outcome.problems, actual: outcome.actual }).toEqual({ problems: [], actual: outcome.actual });
  });
});
