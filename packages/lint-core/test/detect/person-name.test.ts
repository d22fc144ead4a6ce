import { describe, expect, it } from 'vitest';
import { NameDetector, nameDetector } from '../../src/detect/person-name.js';
import { readList } from '../../src/pack/load.js';

const surnames = readList('surnames').phrases.map((p) => p.text);
const d = nameDetector(surnames);

function after(text: string, known: string[] = []) {
  return d.afterRoles(text, 0, text.length, known).map((h) => `${h.kind}:${h.text}`);
}

describe('surname list', () => {
  it('holds about 500 single and compound surnames', () => {
    expect(surnames.length).toBeGreaterThanOrEqual(480);
    expect(surnames).toContain('欧阳');
    expect(surnames).toContain('王');
    expect(new Set(surnames).size).toBe(surnames.length);
  });
  it('leaves out surnames that are mostly function words after a role word', () => {
    for (const s of ['和', '于', '将', '向']) expect(surnames).not.toContain(s);
  });
});

describe('names after role words', () => {
  it('finds a name followed by a verb', () => {
    expect(after('承办人王磊电话联系您')).toEqual(['name:王磊']);
    expect(after('承办人周文涛电话联系陈先生')).toEqual(['name:周文涛']);
    expect(after('承办人葛红和社区书记到现场')).toEqual(['name:葛红']);
  });
  it('ends a one-character given name before common verbs and adverbs', () => {
    for (const rest of ['拨打您的电话', '打电话给您', '通过微信告知您', '多次联系您', '分别联系双方', '查看了现场', '陪同您前往', '入户核实', '回访了您', '第一时间联系您']) {
      expect(after(`承办人李强${rest}`)).toEqual(['name:李强']);
    }
    // a two-character given name is still whole, and a metadata name is taken verbatim
    expect(after('承办人李志通电话联系您')).toEqual(['name:李志']);
    expect(after('承办人李志通电话联系您', ['李志通'])).toEqual(['name:李志通']);
  });
  it('handles separators, compound surnames and self-introductions', () => {
    expect(after('承办人：欧阳文杰')).toEqual(['name:欧阳文杰']);
    expect(after('经办人为杨志远，联系电话')).toEqual(['name:杨志远']);
    expect(after('我是城管局工作人员王磊')).toEqual(['name:王磊']);
  });
  it('accepts common first given-name characters that are also stop words', () => {
    expect(after('承办人李向东电话联系您')).toEqual(['name:李向东']);
    expect(after('承办人王磊向您说明')).toEqual(['name:王磊']);
  });
  it('prefers a known (metadata) name verbatim', () => {
    expect(after('承办人卓玛拉姆电话', ['卓玛拉姆'])).toEqual(['name:卓玛拉姆']);
  });
  it('does not take function words for names', () => {
    expect(after('承办人于当日电话联系您')).toEqual([]);
    expect(after('承办人电话联系您')).toEqual([]);
    expect(after('承办人和区教育局工作人员到该机构')).toEqual([]);
    expect(after('窗口工作人员当场告知不能办理')).toEqual([]);
  });
  it('recognises placeholders', () => {
    expect(after('承办人：XXX')).toEqual(['placeholder:XXX']);
    expect(after('承办人：某某　联系电话')).toEqual(['placeholder:某某']);
    expect(after('经办人：【姓名】')).toEqual(['placeholder:【姓名】']);
    expect(after('承办人：***')).toEqual(['placeholder:***']);
    expect(after('承办人王某电话联系')).toEqual(['placeholder:王某']);
  });
  it('marks an unknown name after a colon as ambiguous (for the segmenter fallback)', () => {
    expect(after('承办人：阿依古丽，联系电话')).toEqual(['ambiguous:阿依古丽']);
  });
});

describe('bare name tokens', () => {
  it('accepts names and rejects units and titles', () => {
    const nd = new NameDetector(surnames);
    expect(nd.isNameToken('王磊')).toBe(true);
    expect(nd.isNameToken('欧阳文杰')).toBe(true);
    expect(nd.isNameToken('宿城区城管局')).toBe(false);
    expect(nd.isNameToken('王某')).toBe(false);
    expect(nd.isNameToken('王经理')).toBe(false);
  });
});
