// One problem, one report: rules that see the same fault (a rule's `yieldsTo`) report it once,
// the more severe report kept, and the kept report names the other rule, points at its place and
// carries its suggestions.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, createConfig, lint, type Diagnostic } from '@replylint/core';
import { loadRulePack } from '../../src/pack/load.js';
import { rulesDir } from '../../src/util/paths.js';

const ids = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.ruleId}/${d.messageId}`).sort();
const of = (ds: readonly Diagnostic[], rule: string) => ds.filter((d) => d.ruleId === rule);

const BODY = '您好，您反映的小区门口占道经营问题，我局已于9月23日现场核查，责令摊主当日撤离，现场已恢复通行。';
const NO_NAME = `${BODY}\n\n宿城区城管局\n联系电话：0527-84361234\n`;
const PLACEHOLDER = `${BODY}\n\n承办单位：宿城区城管局\n承办人：XXX\n联系电话：0527-84361234\n`;
const REFERRAL = '您好，您反映的问题请拨打12345热线反映。\n';

describe('one fault, one report', () => {
  it('a signature without a name: handler-name reports it, signature-block does not', () => {
    const ds = lint(NO_NAME, { only: ['handler-name', 'signature-block'] });
    expect(ids(ds)).toEqual(['handler-name/missing']);
    expect(ds[0]!.covers).toEqual(['signature-block']);
    // without the other rule, each still reports it on its own
    expect(ids(lint(NO_NAME, { only: ['signature-block'] }))).toEqual(['signature-block/noName']);
    expect(ids(lint(NO_NAME, { only: ['handler-name'] }))).toEqual(['handler-name/missing']);
  });

  it('a placeholder name is reported at the placeholder, with the signature it lacks in `related`', () => {
    const ds = lint(PLACEHOLDER, { only: ['handler-name', 'signature-block'] });
    expect(ids(ds)).toEqual(['handler-name/placeholder']);
    const d = ds[0]!;
    expect(PLACEHOLDER.slice(d.range[0], d.range[1])).toBe('XXX');
    expect(d.related).toHaveLength(1);
    expect(d.related![0]!.message).toMatch(/^signature-block：结尾署名缺少承办人员姓名/);
    expect(PLACEHOLDER.slice(d.related![0]!.range[0], d.related![0]!.range[1])).toContain('承办单位');
  });

  it('no signature at all: signature-block (which asks for the name too) reports it, with its suggestion', () => {
    const meta = { handler: { name: '王磊', unit: '宿城区城管局', phone: '0527-84361234' } };
    const ds = lint(`${BODY}\n`, { only: ['handler-name', 'signature-block'], meta });
    expect(ids(ds)).toEqual(['signature-block/missing']);
    expect(ds[0]!.covers).toEqual(['handler-name']);
    expect(ds[0]!.suggestions?.[0]?.fix.text).toContain('承办人：王磊');
  });

  it('the more severe report is kept, whichever rule declared the pair', () => {
    // xiaoxian: signature-block is an error, handler-name a warning
    const ds = lint(NO_NAME, { only: ['handler-name', 'signature-block'], profile: 'xiaoxian' });
    expect(ids(ds)).toEqual(['signature-block/noName']);
    expect(ds[0]!.severity).toBe(2);
    expect(ds[0]!.covers).toEqual(['handler-name']);
    // raising handler-name to an error makes it the one kept again
    const raised = lint(NO_NAME, { only: ['handler-name', 'signature-block'], profile: 'xiaoxian', rules: { 'handler-name': 'error' } });
    expect(ids(raised)).toEqual(['handler-name/missing']);
  });

  it('a reply that is only a hotline referral is one non-answer, pointing at the referral', () => {
    const ds = lint(REFERRAL, { only: ['no-evasive-phrase', 'no-self-contact-referral', 'substance'] });
    expect(ids(ds)).toEqual(['no-evasive-phrase/nonAnswer']);
    expect(ds[0]!.covers).toEqual(['no-self-contact-referral', 'substance']);
    const at = ds[0]!.related!.find((r) => r.message.startsWith('no-self-contact-referral：'))!;
    expect(REFERRAL.slice(at.range[0], at.range[1])).toContain('拨打12345热线反映');
  });

  it('words both rules list (详情请拨打…咨询) are reported once, and only where they stand', () => {
    const only = ['no-evasive-phrase', 'no-self-contact-referral', 'substance'];
    const referral = '摊位迁移的具体事宜请您拨打社区服务电话0527-84361234咨询。';
    const text = `${BODY}${referral}\n`;
    const ds = lint(text, { only });
    expect(ids(ds)).toEqual(['no-evasive-phrase/found']);
    expect(ds[0]!.covers).toEqual(['no-self-contact-referral']);
    expect(text.slice(ds[0]!.range[0], ds[0]!.range[1])).toContain('拨打社区服务电话');
    // a referral on other words than the stock phrase is still reported by itself
    const other = `${BODY}摊位费用问题请您自行与物业公司联系协商。${referral}\n`;
    const both = lint(other, { only });
    expect(ids(both)).toEqual(['no-evasive-phrase/found', 'no-self-contact-referral/found']);
    expect(other.slice(of(both, 'no-self-contact-referral')[0]!.range[0])).toMatch(/^请您自行/);
  });

  it('a report disabled by a directive does not hide the other rule’s report', () => {
    const text = `<!-- replylint-disable handler-name -- 承办人姓名由平台另行登记 -->\n${NO_NAME}`;
    const ds = lint(text, { only: ['handler-name', 'signature-block'] });
    expect(ids(ds)).toEqual(['signature-block/noName']);
    expect(ds[0]!.covers).toBeUndefined();
  });

  it('under the full recommended profile, a four-line non-answer gets one report per fault', () => {
    const ds = lint(REFERRAL, { config: createConfig({}) });
    const rules = ds.map((d) => d.ruleId);
    expect(new Set(rules).size).toBe(rules.length);
    expect(of(ds, 'no-self-contact-referral')).toEqual([]);
    expect(of(ds, 'handler-name')).toEqual([]);
    expect(of(ds, 'substance')).toEqual([]);
    expect(ids(ds)).toEqual(['contact-time/noContact', 'no-evasive-phrase/nonAnswer', 'satisfaction/missing', 'signature-block/missing']);
  });
});

describe('yieldsTo in a rule file', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'replylint-yields-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const copyWith = (edit: (yaml: string) => string) => {
    const dir = mkdtempSync(join(tmp, 'pack-'));
    cpSync(rulesDir(), dir, { recursive: true });
    const file = join(dir, 'core', 'signature-block.yaml');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return dir;
  };

  it.each([
    ['an unknown rule', (y: string) => y.replace('- rule: handler-name', '- rule: handler-nam'), /yieldsTo\.0\.rule: 没有规则「handler-nam」/],
    ['a message the other rule lacks', (y: string) => y.replace('messageIds: [missing, placeholder]', 'messageIds: [missing, absent]'), /yieldsTo\.0\.messageIds: 规则 handler-name 没有提示「absent」/],
    ['a message this rule lacks', (y: string) => y.replace('ours: [noName]', 'ours: [noNam]'), /yieldsTo\.0\.ours: 本规则没有提示「noNam」/],
  ])('naming %s is a configuration error with its key path', (_what, edit, message) => {
    const dir = copyWith(edit);
    let error: unknown;
    try {
      loadRulePack(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain('signature-block.yaml');
  });
});
