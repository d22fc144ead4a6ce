import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { lint } from '../../src/index.js';
import { DEFAULT_CONFIG } from '../../src/config/load.js';
import { loadPolicyRegistry } from '../../src/config/policy-registry.js';
import { rulesDir } from '../../src/util/paths.js';

const policies = loadPolicyRegistry(join(rulesDir(), 'policies', 'sample.yaml'));
const withRegistry = { ...DEFAULT_CONFIG, key: 'test-registry', settings: { policies } };
const run = (text: string, registry = true) =>
  lint(text, { ...(registry ? { config: withRegistry } : {}), rules: { 'citation-registry': 'error' }, only: ['citation-registry'] }).map(
    (d) => `${d.messageId}:${text.slice(d.range[0], d.range[1])}`,
  );

describe('citation-registry kind', () => {
  it('does nothing without a registry', () => {
    expect(run('按照《某通知》（宿政发〔2099〕1号）', false)).toEqual([]);
  });
  it('resolves numbers in any bracket style and after context words', () => {
    expect(run('根据《宿迁市住房公积金提取管理办法》（宿公积金委[2022]第3号）')).toEqual([]);
  });
  it('reports unknown numbers, wrong titles and abolished documents', () => {
    expect(run('按照《某通知》（宿政发〔2099〕1号）')).toEqual(['unknown:宿政发〔2099〕1号']);
    expect(run('按照《错误的标题》（宿城教发〔2025〕18号）')).toEqual(['titleMismatch:《错误的标题》']);
    expect(run('按照《关于市区机动车停放服务收费标准的通知》（宿发改收费发〔2018〕21号）')).toEqual(['abolished:宿发改收费发〔2018〕21号']);
  });
  it('does not confuse issuers that share a year and serial', () => {
    expect(run('按照《宿迁市住房公积金提取管理办法》（苏公积金委〔2022〕3号）')).toEqual(['unknown:苏公积金委〔2022〕3号']);
  });
  it('flags a title alone only when every document of that title is out of force', () => {
    expect(run('依据《宿迁市住房公积金提取管理办法》第八条')).toEqual([]);
    expect(run('依据《宿迁市城乡居民最低生活保障实施办法》第六条')).toEqual(['abolished:《宿迁市城乡居民最低生活保障实施办法》']);
  });
  it('skips case documents and case numbers', () => {
    expect(run('下达《责令改正违法行为决定书》（宿豫环责改〔2025〕41号），仲裁案号宿劳人仲案字〔2025〕第88号')).toEqual([]);
  });
});
