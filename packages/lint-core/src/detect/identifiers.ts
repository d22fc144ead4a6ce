// Personal identifiers: resident ID-card numbers (GB 11643-1999 checksum), bank-card numbers
// (Luhn), mobile and landline phone numbers. Single regex passes (linear in the text length).
import { execAll } from '../match/scan.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Whether an 18-character ID-card number has a valid birth date and GB 11643 check digit. */
export function isValidIdCard(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const mo = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

/** Luhn checksum over a digit string. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let n = digits.charCodeAt(i) - 48;
    if (double) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
    double = !double;
  }
  return sum % 10 === 0;
}

export interface IdentifierMatch {
  start: number;
  end: number;
  /** As written. */
  raw: string;
  /** Digits only (ID cards keep a trailing X). */
  digits: string;
}

// digit runs not glued to other digits/letters; separators inside are single spaces or hyphens
const ID_RE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const CARD_RE = /(?<![0-9A-Za-z-])(?:\d{4}[ -]?){3}\d{4}(?:[ -]?\d{1,3})?(?![0-9A-Za-z-])/g;

/** ID-card numbers with a valid checksum (invalid 18-digit numbers are not returned). */
export function findIdCards(text: string): IdentifierMatch[] {
  const out: IdentifierMatch[] = [];
  for (const m of execAll(ID_RE, text)) {
    if (isValidIdCard(m[0])) out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], digits: m[0].toUpperCase() });
  }
  return out;
}

/**
 * Bank-card numbers: 16–19 digits (optionally grouped by 4), Luhn-valid, not an ID card, and either
 * a common card prefix (62 UnionPay, 4 Visa, 5 Mastercard) or a card word (银行卡/卡号/账号) shortly before.
 */
export function findBankCards(text: string): IdentifierMatch[] {
  const out: IdentifierMatch[] = [];
  for (const m of execAll(CARD_RE, text)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (digits.length < 16 || digits.length > 19) continue;
    if (digits.length === 18 && isValidIdCard(digits)) continue;
    if (!luhnValid(digits)) continue;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (!/^(?:62|4|5[1-5])/.test(digits) && !/(?:银行卡|银行账|卡号|账号|账户|帐号|帐户|借记卡|信用卡)/.test(before)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], digits });
  }
  return out;
}

const PHONE_RE =
  /(?<![0-9A-Za-z])(?:(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}|0\d{2,3}[-－— ]?\d{7,8}|\d{7,8})(?![0-9A-Za-z])/g;

/** Digits of a phone number, without a +86 country prefix. */
export function normalizePhone(raw: string): string {
  let d = raw.replace(/\D/g, '');
  if (d.length === 13 && d.startsWith('86')) d = d.slice(2);
  return d;
}

/** Phone numbers (mobile, landline with area code, 7–8-digit local). */
export function findPhones(text: string): IdentifierMatch[] {
  const out: IdentifierMatch[] = [];
  for (const m of execAll(PHONE_RE, text)) out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], digits: normalizePhone(m[0]) });
  return out;
}

/** Whether a normalized phone is a mobile number. */
export function isMobile(digits: string): boolean {
  return /^1[3-9]\d{9}$/.test(digits);
}
