import { describe, expect, it } from 'vitest';
import { knownNames, maskBankCard, maskIdCard, maskMiddle, maskName, maskPersonalText, maskPhone, maskQuoted } from '../../src/detect/mask.js';

describe('masking personal values', () => {
  it('keeps head and tail digits and every separator', () => {
    expect(maskMiddle('13812345678', 3, 4)).toBe('138****5678');
    expect(maskMiddle('138-1234-5678', 3, 4)).toBe('138-****-5678');
  });
  it('ID cards and bank cards keep their first and last four digits', () => {
    expect(maskIdCard('320311199003074576')).toBe('3203**********4576');
    expect(maskIdCard('11010519491231002X')).toBe('1101**********002X');
    expect(maskBankCard('6217001234567890122')).toBe('6217***********0122');
    expect(maskBankCard('6222 0213 0201 2345 673')).toBe('6222 **** **** ***5 673');
  });
  it('mobiles keep 3 + 4 digits, landlines their area code and last 4', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('+86 138-****-5678');
    expect(maskPhone('0527-84361234')).toBe('0527-****1234');
    expect(maskPhone('052784361234')).toBe('0527****1234');
    expect(maskPhone('010-62345678')).toBe('010-****5678');
    expect(maskPhone('84361234')).toBe('****1234');
  });
  it('names keep the surname', () => {
    expect(maskName('王磊')).toBe('王*');
    expect(maskName('林晓燕')).toBe('林**');
    expect(maskName(' 欧阳娜娜 ')).toBe('欧***');
    expect(maskName('王')).toBe('王');
  });
  it('masks numbers of 7+ digits and the given names in free text, not dates or short numbers', () => {
    expect(maskPersonalText('林晓燕来电，电话13812345678，身份证320311199003074576，2025-06-30 10:00 缴费1000元，12345热线', ['林晓燕'])).toBe(
      '林**来电，电话138****5678，身份证3203**********4576，2025-06-30 10:00 缴费1000元，12345热线',
    );
    expect(maskPersonalText('座机0527-84361234，工单号202506300012')).toBe('座机0527-****1234，工单号********0012');
  });
  it("knows the ticket's names, in either script", () => {
    const ctx = { meta: { citizen: { name: '陳國強' }, handler: { name: '王磊' } }, settings: { handler: { name: '赵文博' } } };
    expect(knownNames(ctx).sort()).toEqual(['王磊', '赵文博', '陈国强', '陳國強'].sort());
    expect(maskQuoted('已联系陈国强解释', ctx)).toBe('已联系陈**解释');
  });
});
