import { describe, expect, it } from 'vitest';
import { findBankCards, findIdCards, findPhones, isValidIdCard, luhnValid, normalizePhone } from '../../src/detect/identifiers.js';

describe('ID-card numbers (GB 11643)', () => {
  it('accepts a valid checksum and rejects a wrong one', () => {
    expect(isValidIdCard('321302198506134024')).toBe(true);
    expect(isValidIdCard('321302198506134025')).toBe(false);
    expect(isValidIdCard('53018119900815123X')).toBe(false);
    expect(isValidIdCard('530181199008151232')).toBe(true);
  });
  it('rejects impossible birth dates', () => {
    // 2月30日 with otherwise well-formed digits
    expect(isValidIdCard('321302198502304021')).toBe(false);
  });
  it('finds only valid, free-standing numbers', () => {
    const text = '身份证号321302198506134024；编号321302198506134025；案卷2025061332130219850613402。';
    expect(findIdCards(text).map((m) => m.raw)).toEqual(['321302198506134024']);
  });
});

describe('bank cards (Luhn)', () => {
  it('checks Luhn', () => {
    expect(luhnValid('6217001234567890122')).toBe(true);
    expect(luhnValid('6217001234567890123')).toBe(false);
  });
  it('finds grouped and plain card numbers, not ID cards', () => {
    const found = findBankCards('转入银行卡6222 0213 0201 2345 673；身份证321302198506134024；卡号6217001234567890122');
    expect(found.map((m) => m.digits)).toEqual(['6222021302012345673', '6217001234567890122']);
  });
  it('needs a card prefix or a card word for other Luhn-valid numbers', () => {
    expect(findBankCards('订单号1000000000000008')).toEqual([]);
    expect(findBankCards('银行账号1000000000000008').length).toBe(1);
  });
});

describe('phones', () => {
  it('normalizes formatting and +86', () => {
    expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normalizePhone('0527-84361234')).toBe('052784361234');
  });
  it('finds mobiles and landlines with separators', () => {
    expect(findPhones('电话138 1234 5678或0527-84361234。').map((m) => m.digits)).toEqual(['13812345678', '052784361234']);
  });
});
