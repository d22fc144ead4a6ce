// The workflow docs/dev/adding-a-rule.md describes for a supervision office: one line under
// `phrases:` of a list, and `replylint check` reports the phrase (in either script); a mistake in
// the list stops the check with the file, line and key path.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, parseJson, removeDir, run, tempDir } from './helpers.js';

const rules = tempDir({}, { bare: true });
cpSync(join(REPO_ROOT, 'rules'), rules, { recursive: true });
const list = join(rules, 'lists', 'harsh-phrases.yaml');
const original = readFileSync(list, 'utf8');
const work = tempDir({ '答复.md': '您好！您的诉求属无理要求，不予支持。\n', '繁体.md': '您好！您的訴求屬無理要求，不予支持。\n' });
afterAll(() => {
  removeDir(rules);
  removeDir(work);
});
const check = () => run(['check', '答复.md', '繁体.md', '-f', 'json'], { cwd: work, env: { REPLYLINT_RULES_DIR: rules } });

describe('adding a phrase to a list', () => {
  it('is reported once it is one line under phrases:', () => {
    writeFileSync(list, original);
    expect(check().code).toBe(0);
    writeFileSync(list, original.replace('phrases:\n', 'phrases:\n  - 无理要求\n'));
    const r = check();
    expect(r.code).toBe(1);
    const found = parseJson(r.stdout).flatMap((f) => f.messages.map((m) => [m.ruleId, m.message.slice(0, 6)]));
    expect(found).toEqual([
      ['no-harsh-language', '「无理要求」'],
      ['no-harsh-language', '「無理要求」'],
    ]);
  });

  it('stops with file:line and key path when the line is a regex or its example does not match', () => {
    writeFileSync(list, original.replace('phrases:\n', 'phrases:\n  - 无理(要求|诉求)\n'));
    let r = check();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${list}:4: phrases[0]: 含正则符号`);
    writeFileSync(list, original.replace('phrases:\n', 'phrases:\n  - { phrase: 无理要求, examples: [这是无理的要求] }\n'));
    r = check();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${list}:4: phrases[0].examples[0]: 例句「这是无理的要求」里没有「无理要求」`);
  });
});
