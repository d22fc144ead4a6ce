// The portable segmenters (js, the VS Code extension's; wasm) against the default node-rs one at the
// level of the rules: every rule fixture, sample reply and corpus reply gets the same diagnostics with
// each backend (on-topic, personal-info and handler-name segment the text).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, lint, type Diagnostic } from '@replylint/core';
import { fixtureLintOptions, fixturesDir, listFixtureCases, parseFixture } from '@replylint/core/testing';

const NOW = new Date('2025-12-31T10:00:00+08:00');
const show = (ds: Diagnostic[]) => ds.map((d) => `${d.ruleId}/${d.messageId} ${d.range.join('-')} ${d.message}`);

for (const backend of ['wasm', 'js'] as const) describe(`${backend} and node-rs backends give the same diagnostics`, () => {
  it('on every rule fixture', () => {
    const cases = listFixtureCases();
    expect(cases.length).toBeGreaterThan(100);
    let segmenting = 0;
    for (const c of cases) {
      const fx = parseFixture(readFileSync(c.file, 'utf8'), c.ruleId);
      const options = fixtureLintOptions(fx, c.ruleId);
      const nodeRs = lint(fx.text, { ...options, config: { ...options.config!, segmenter: 'node-rs' } });
      const wasm = lint(fx.text, { ...options, config: { ...options.config!, segmenter: backend } });
      expect(show(wasm), c.file).toEqual(show(nodeRs));
      if (['on-topic', 'personal-info', 'handler-name'].includes(c.ruleId)) segmenting++;
    }
    expect(segmenting).toBeGreaterThan(10);
  });

  it('on every sample and corpus reply, under all rules of recommended', () => {
    const files = ['replies', join('corpus', 'bad')].flatMap((d) =>
      readdirSync(join(fixturesDir(), d))
        .filter((f) => f.endsWith('.md'))
        .map((f) => join(fixturesDir(), d, f)),
    );
    expect(files.length).toBeGreaterThan(20);
    const nodeRsConfig = { ...DEFAULT_CONFIG, segmenter: 'node-rs' as const };
    const wasmConfig = { ...DEFAULT_CONFIG, segmenter: backend };
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const wasm = lint(text, { config: wasmConfig, now: NOW });
      expect(wasm.some((d) => d.ruleId === 'internal-error'), file).toBe(false);
      expect(show(wasm), file).toEqual(show(lint(text, { config: nodeRsConfig, now: NOW })));
    }
  });
});
