import { describe, expect, it } from 'vitest';
import {
  buildLawIndex,
  findBareLaws,
  findCitedDocuments,
  findDocNumbers,
  findYearSerialNumbers,
  isCaseNumber,
  normalizeDocNumber,
  trimIssuer,
} from '../../src/detect/citation.js';

describe('document numbers', () => {
  it('finds numbers in every bracket style and knows which are canonical', () => {
    const simp = '宿政办秘〔2021〕32号、宿发改[2022]15号、宿政发【2023】第056号、宿政规发『2024』5号、宿教发（21）3号';
    const found = findDocNumbers(simp).map((d) => [d.open, d.year, d.serial, d.hasDi, d.canonical, d.tail]);
    expect(found).toEqual([
      ['〔', '2021', '32', false, true, '〔2021〕32号'],
      ['[', '2022', '15', false, false, '〔2022〕15号'],
      ['【', '2023', '056', true, false, '〔2023〕56号'],
      ['『', '2024', '5', false, false, '〔2024〕5号'],
      ['（', '21', '3', false, false, undefined],
    ]);
  });
  it('normalizes to the GB/T 9704 form', () => {
    expect(normalizeDocNumber('宿政发 [2021] 第032号')).toBe('宿政发〔2021〕32号');
  });
  it('trims context words before the issuer code', () => {
    const [d] = findDocNumbers('根据宿政发〔2021〕3号');
    expect(trimIssuer(d!)).toBe('宿政发');
  });
  it('trims context words that stand inside the captured issuer, not only at its start', () => {
    const code = (s: string) => trimIssuer(findDocNumbers(s)[0]!);
    expect(code('该事项依据宿政办[2021]032号文件办理')).toBe('宿政办');
    expect(code('市政府印发的宿政发〔2021〕3号')).toBe('宿政发');
    expect(code('苏政办发〔2021〕3号')).toBe('苏政办发');
    // 符合 / 违反 / 见 are not part of any issuer code
    expect(code('收费标准符合宿发改价〔2019〕15号文件规定')).toBe('宿发改价');
    expect(code('该行为违反了宿政办发〔2021〕32号文件')).toBe('宿政办发');
    expect(code('详见宿政发〔2021〕3号')).toBe('宿政发');
  });
  it('recognizes case numbers', () => {
    const simp = '仲裁案号为宿劳人仲案字〔2025〕第88号';
    expect(isCaseNumber(simp, findDocNumbers(simp)[0]!)).toBe(true);
    // instruments numbered …字〔年〕第N号 by convention; a 字 number without 第 is still checked
    const instrument = '出具了安规建消验字〔2025〕第57号验收意见书';
    expect(isCaseNumber(instrument, findDocNumbers(instrument)[0]!)).toBe(true);
    const plain = '依据宿政字〔2019〕3号文件';
    expect(isCaseNumber(plain, findDocNumbers(plain)[0]!)).toBe(false);
  });
  it('pairs numbers with their titles in both orders', () => {
    const simp = '按照《甲办法》（宿政发〔2021〕3号）和宿政发〔2022〕4号《乙通知》以及宿政发〔2023〕5号文件';
    const docs = findCitedDocuments(simp).documents.map((c) => [c.number.tail, c.title?.title, c.order]);
    expect(docs).toEqual([
      ['〔2021〕3号', '甲办法', 'after'],
      ['〔2022〕4号', '乙通知', 'before'],
      ['〔2023〕5号', undefined, undefined],
    ]);
  });
});

describe('bare law titles', () => {
  const index = buildLawIndex(['中华人民共和国劳动合同法', '中华人民共和国劳动合同法实施条例', '物业管理条例', '中华人民共和国民法典']);
  const find = (s: string) => findBareLaws(s, index).map((m) => [m.found, m.exact]);
  it('finds official titles and short forms outside 《》', () => {
    expect(find('依据中华人民共和国劳动合同法第三十条')).toEqual([['中华人民共和国劳动合同法', true]]);
    expect(find('根据民法典第二百八十一条')).toEqual([['民法典', false]]);
    expect(find('依据物业管理条例第十一条')).toEqual([['物业管理条例', true]]);
  });
  it('leaves titles in 《》, longer titles and other regulations alone', () => {
    expect(find('依据《中华人民共和国劳动合同法》第三十条')).toEqual([]);
    expect(find('依据《中华人民共和国劳动合同法实施条例》第六条')).toEqual([]);
    expect(find('依据中华人民共和国劳动合同法实施条例第六条')).toEqual([['中华人民共和国劳动合同法实施条例', true]]);
    expect(find('依据江苏省物业管理条例第十二条')).toEqual([]);
    expect(find('违反劳动合同法律规定')).toEqual([]);
  });
  it('is linear enough for large inputs', () => {
    const big = '依据中华人民共和国劳动合同法第三十条，'.repeat(50000) + '法'.repeat(500000);
    const t = Date.now();
    expect(findBareLaws(big, index).length).toBe(50000);
    expect(Date.now() - t).toBeLessThan(3000);
  });
});

describe('numbers written as year and serial only', () => {
  const found = (s: string) => findYearSerialNumbers(s).map(([a, b]) => s.slice(a, b));
  it('finds 2016年440号 before 文件, 的规定 or a title', () => {
    expect(found('根据市发改委2016年440号文件规定，收费时间为8:00至22:00。')).toEqual(['2016年440号']);
    expect(found('根据国务院2006年17号的规定执行。')).toEqual(['2006年17号']);
    expect(found('出台了政策(火委发2016年26号《关于加强作风建设的通知》)')).toEqual(['2016年26号']);
  });
  it('leaves decrees, bracketed numbers and dates alone', () => {
    expect(found('《道路运输从业人员管理规定》（交通部令2006年第9号）')).toEqual([]);
    expect(found('宿政发〔2016〕44号文件')).toEqual([]);
    expect(found('2016年5号台风过境后，道路已清理。')).toEqual([]);
  });
});

describe('a notice titled around an inner title', () => {
  it('attaches the number to the title before its parenthesis', () => {
    const s = '根据省发改委关于印发《停车服务收费管理办法》的通知（苏发改价调〔2019〕217号），收费实行市场调节价。';
    const [doc] = findCitedDocuments(s).documents;
    expect(doc?.order).toBe('after');
    expect(doc?.title?.title).toContain('停车服务收费管理办法');
  });
  it('reads past a stray ? an export left inside the parenthesis', () => {
    const s = '根据省物价局关于印发《驾驶培训收费行为规则》的通知?（?楚价服〔2014〕93号）第四条规定，收费实行市场调节价。';
    const [doc] = findCitedDocuments(s).documents;
    expect(doc?.order).toBe('after');
    expect(findCitedDocuments('另见?楚价服〔2014〕93号。').documents[0]?.title).toBeUndefined();
  });
  it('does not take a title further back than the notice itself', () => {
    const s = '《停车服务收费管理办法》已废止，另见苏发改价调〔2019〕217号。';
    const [doc] = findCitedDocuments(s).documents;
    expect(doc?.title).toBeUndefined();
  });
});
