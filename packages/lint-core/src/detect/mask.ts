// Masked forms of personal identifiers and names. Messages, suggestion titles and `data` reach
// CI logs, platform logs and JSON output, so they show these values only masked; the full value is
// reachable through the diagnostic's range (and written by a fix only when writing it is the point).
//   ID card 3203**********1234 · bank card 6217***********0122 · mobile 138****5678 ·
//   landline 0527-****1234 (area code kept) · name 王* / 林** (surname kept)
import { isMobile, normalizePhone } from './identifiers.js';
import { toSimplified } from '../parse/t2s.js';
import type { TicketMeta } from '../types.js';

const DIGIT = /[0-9Xx]/;

/** Masks the middle of an identifier, keeping `head` and `tail` digits and every separator: 138-****-5678. */
export function maskMiddle(raw: string, head: number, tail: number): string {
  const chars = [...raw];
  let seen = 0;
  const total = chars.filter((c) => DIGIT.test(c)).length;
  return chars
    .map((c) => {
      if (!DIGIT.test(c)) return c;
      const i = seen++;
      return i < head || i >= total - tail ? c : '*';
    })
    .join('');
}

/** Resident ID card: first 4 and last 4 kept. */
export function maskIdCard(raw: string): string {
  return maskMiddle(raw, 4, 4);
}

/** Bank card: first 4 and last 4 kept. */
export function maskBankCard(raw: string): string {
  return maskMiddle(raw, 4, 4);
}

/**
 * Phone number as written: a mobile keeps its first 3 and last 4 digits (and a +86 prefix), a
 * landline its area code (3 digits for 01x/02x, else 4) and last 4, a local number its last 4.
 */
export function maskPhone(raw: string): string {
  const all = raw.replace(/\D/g, '');
  const local = normalizePhone(raw);
  const country = all.length - local.length;
  if (isMobile(local)) return maskMiddle(raw, country + 3, 4);
  if (local.startsWith('0') && local.length >= 10) return maskMiddle(raw, country + (/^0[12]/.test(local) ? 3 : 4), 4);
  return maskMiddle(raw, 0, 4);
}

/** A person's name: the first character kept, one * for each other character (王磊 → 王*, 林晓燕 → 林**). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length < 2 ? chars.join('') : chars[0]! + '*'.repeat(chars.length - 1);
}

/** Digit runs, single spaces or hyphens between groups, an ID card's final X. */
const DIGIT_RUN = /\+?\d(?:[ \-－—]?\d)*[Xx]?/g;
const DATE = /^(?:19|20)\d\d[-－—]\d{1,2}[-－—]\d{1,2}(?: \d{1,2})?$/;

/** A number of 7 or more digits masked by its shape (ID card, bank card, phone; otherwise last 4 kept). */
function maskNumber(raw: string): string {
  const digits = raw.replace(/[^0-9Xx]/g, '');
  if (/^\d{17}[\dXx]$/.test(digits)) return maskIdCard(raw);
  const local = normalizePhone(raw);
  if (isMobile(local) || (local.startsWith('0') && local.length >= 10 && local.length <= 12) || local.length <= 8) return maskPhone(raw);
  if (digits.length >= 16 && digits.length <= 19) return maskBankCard(raw);
  return maskMiddle(raw, 0, 4);
}

/**
 * Free text from the reply or the ticket (a request quoted in a message, a metadata value) with
 * every number of 7 or more digits masked (dates excepted) and every occurrence of `names` masked.
 */
export function maskPersonalText(text: string, names: readonly (string | undefined)[] = []): string {
  let out = text.replace(DIGIT_RUN, (raw) => (raw.replace(/\D/g, '').length >= 7 && !DATE.test(raw) ? maskNumber(raw) : raw));
  for (const name of names) {
    const n = name?.trim();
    if (n && [...n].length >= 2) out = out.split(n).join(maskName(n));
  }
  return out;
}

/** Where a kind finds the names it knows: the ticket's metadata and the configured handler. */
interface People {
  meta: Pick<TicketMeta, 'citizen' | 'handler' | 'approval'>;
  settings: { handler?: { name?: string } };
}

/** The names of the requester, the handler (metadata and config) and the approver, as written and Simplified. */
export function knownNames({ meta, settings }: People): string[] {
  const out = new Set<string>();
  for (const n of [meta.citizen?.name, meta.handler?.name, settings.handler?.name, meta.approval?.by]) {
    const t = n?.trim();
    if (t && [...t].length >= 2) out.add(t).add(toSimplified(t));
  }
  return [...out];
}

/**
 * Text of the reply quoted in a message (a matched phrase, a date as written): numbers and the
 * names the ticket gives masked. Kinds pass their context: `maskQuoted(phrase, ctx)`.
 */
export function maskQuoted(text: string, people: People): string {
  return maskPersonalText(text, knownNames(people));
}
