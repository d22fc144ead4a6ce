// Precision: good, complete replies (fixtures/replies/) stay free of errors under `recommended`,
// and under the profile each names in its front matter.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '@replylint/core';
import { fixturesDir } from '@replylint/core/testing';

const dir = join(fixturesDir(), 'replies');
const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
const NOW = new Date('2025-12-31T10:00:00+08:00');

describe('good replies stay clean', () => {
  it('there are at least 15 of them', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });
  it.each(files)('%s has no errors under recommended', (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const errors = lint(text, { profile: 'recommended', now: NOW }).filter((d) => d.severity === 2);
    expect(errors.map((d) => `${d.ruleId}: ${d.message} 「${text.slice(d.range[0], d.range[1])}」`)).toEqual([]);
  });
});
