// The time budget of one document (engine/lint.ts): past it the rules left stop and one
// internal-error/timeBudget names them; the rules that finished keep their findings; the clock is
// read every 256 sentences, not every one; the finding cannot be hidden by a disable comment.
import { describe, expect, it } from 'vitest';
import { createConfig, createLinter, DEFAULT_TIME_BUDGET_MS, INTERNAL_RULE_ID } from '@replylint/core';
import { runRules, type RunContext } from '../../src/engine/lint.js';
import type { ActiveRule } from '../../src/engine/resolve.js';
import type { RuleDefinition } from '../../src/pack/load.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { buildView } from '../../src/parse/views.js';
import type { Diagnostic } from '../../src/types.js';
import type { KindContext } from '../../src/kinds/define.js';

const NOW = new Date('2024-06-01T00:00:00+08:00');
/** ~1 MB of plain prose: a few hundred milliseconds to check in full. */
const BIG = '您好！经核查，您反映的施工噪音问题属实，已责令施工单位整改。\n\n'.repeat(17_000);

describe('time budget', () => {
  it('defaults to 10 s; the config key and the linter option set it', () => {
    expect(DEFAULT_TIME_BUDGET_MS).toBe(10_000);
    expect(createLinter().timeBudget).toBe(10_000);
    expect(createLinter({ config: createConfig({ timeBudget: 1234 }) }).timeBudget).toBe(1234);
    expect(createLinter({ config: createConfig({ timeBudget: 1234 }), timeBudget: 0 }).timeBudget).toBe(0);
    expect(() => createConfig({ timeBudget: -1 })).toThrow(/timeBudget/);
  });

  it('a document over its budget gets one internal-error/timeBudget naming what did not finish; without a budget it is checked in full', () => {
    const linter = createLinter();
    const over = linter.lint(BIG, { now: NOW, timeBudget: 1 });
    const budget = over.filter((d) => d.ruleId === INTERNAL_RULE_ID);
    expect(budget).toHaveLength(1);
    expect(budget[0]).toMatchObject({ messageId: 'timeBudget', severity: 2 });
    expect(budget[0]!.message).toContain('1 毫秒的时限');
    expect(linter.lint(BIG, { now: NOW, timeBudget: 0 }).some((d) => d.ruleId === INTERNAL_RULE_ID)).toBe(false);
  });

  it('a disable comment in the text does not hide it', () => {
    const found = createLinter().lint(`<!-- replylint-disable -->\n\n${BIG}`, { now: NOW, timeBudget: 1 });
    expect(found.map((d) => `${d.ruleId}/${d.messageId}`)).toContain('internal-error/timeBudget');
    expect(found.some((d) => d.ruleId === 'unused-directive')).toBe(false);
  });

  it('stops the sentence loop at a multiple of 256 sentences past the deadline; rules that finished keep their findings and are not named', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `第${i}句。`).join('');
    const doc = buildView(parseMarkdown(text).root, text);
    let seen = 0;
    const rule = (id: string, visitors: 'document' | 'sentence'): ActiveRule => ({
      rule: {
        id,
        messages: { found: '找到' },
        kindDef: {
          kind: 'test',
          description: '',
          options: undefined as never,
          messageIds: ['found'],
          create: (ctx: KindContext) =>
            visitors === 'document'
              ? { document: () => ctx.report({ messageId: 'found', at: [0, 1] }) }
              : {
                  sentence: () => {
                    seen++;
                    const until = performance.now() + 0.2;
                    while (performance.now() < until); // 0.2 ms a sentence
                  },
                },
        },
      } as unknown as RuleDefinition,
      severity: 'error',
      options: {},
    });
    const run: RunContext = { doc, meta: { extra: {} }, metaLocation: () => ({ range: [0, 0] }), now: NOW, profile: 'recommended', env: {} as RunContext['env'] };
    const out: Diagnostic[] = [];
    const unfinished = runRules([rule('whole', 'document'), rule('slow', 'sentence')], run, out, performance.now() + 20);
    expect(unfinished).toEqual(['slow']);
    expect(out.map((d) => d.ruleId)).toEqual(['whole']);
    expect(seen % 256).toBe(255);
    expect(seen).toBeLessThan(2000);
  });
});
