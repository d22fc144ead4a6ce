// Finders for `redact` (redact/index.ts): phone numbers for publication, identifiers written after
// their label, the handler's name in signature lines, the requester's name after a role word, in
// 您（…） or in the salutation. All work on the Simplified view (same offsets as the text) and are
// linear in the text length.
import { execAll } from '../match/scan.js';
import { isMobile, normalizePhone } from '../detect/identifiers.js';
import { maskMiddle } from '../detect/mask.js';
import { AFTER_NAME, type NameDetector } from '../detect/person-name.js';

export interface Span {
  start: number;
  end: number;
}

export interface PhoneSpan extends Span {
  /** Digits without a +86 prefix. */
  digits: string;
  /** Mobile, or a landline with its area code: a phone by its shape alone. */
  strong: boolean;
}

// A phone number standing on its own: not glued to letters or digits, not inside a URL, a file
// name, a decimal, a longer hyphenated number or a number already masked (0527-8436****). Mobiles
// (optionally +86, grouped 3-4-4), landlines with an area code (0527-84361234, (0527)84361234,
// 0527-8436 1234) and 7–8-digit local numbers.
const PHONE_RE =
  /(?<![0-9A-Za-z_/.=#%&?@+\-－—*＊])(?:(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}|[（(]0\d{2,3}[）)] ?(?:\d{7,8}|\d{3,4}[ -]\d{4})|0\d{2,3}[-－— ]?(?:\d{7,8}|\d{3,4}[ -]\d{4})|\d{7,8}|\d{3,4}[ -]\d{4})(?![0-9A-Za-z_/%\-－—*＊]|[.．]\d)/g;

/** Words right before a local number (no area code) that make it a phone: 电话：84361234. */
const PHONE_LABEL_BEFORE = /(?:电话|手机|座机|传真|联系号码|联系方式|拨打|致电|tel|Tel|TEL)(?:号码|号)?(?:为|是)?[：:\s]{0,2}$/;
/** Words that introduce a public service line (服务热线：96345, 监督电话：0527-84368888): kept. */
const PUBLIC_LINE_BEFORE = /(?:热线|服务电话|监督电话|举报电话|值班电话|客服电话)(?:号码|号)?(?:为|是)?[：:\s]{0,2}$/;

/** Phone numbers; a local number only after a phone word (a bare 7–8-digit number may be an amount). */
export function findPublicPhones(simp: string): PhoneSpan[] {
  const out: PhoneSpan[] = [];
  for (const m of execAll(PHONE_RE, simp)) {
    const digits = normalizePhone(m[0]);
    const strong = isMobile(digits) || (digits.startsWith('0') && digits.length >= 10);
    out.push({ start: m.index, end: m.index + m[0].length, digits, strong });
  }
  return out;
}

/** Whether a phone words right before `start` (within a few characters). */
export function phoneLabelBefore(simp: string, start: number): boolean {
  return PHONE_LABEL_BEFORE.test(simp.slice(Math.max(0, start - 10), start));
}

/** A number followed by a unit or preceded by 第 is a quantity or a serial (资产总额为…元, 第…号), not a phone. */
export function quantityAround(simp: string, start: number, end: number): boolean {
  return simp[start - 1] === '第' || /^\s?(?:元|万|亿|号|年|月|日|次|户|个|件|吨|米|平方|公里|人|份|页|条)/.test(simp.slice(end, end + 3));
}

/** A number listed right after a phone (电话：8805667、8805668; 0527-84361234或84362210): a phone too. */
export const LIST_SEPARATOR = /^[ \t　]*(?:、|，|,|或|和|及|\/)[ \t　]*$/;

/** Whether the number at `start` is introduced as a public service line. */
export function publicLineBefore(simp: string, start: number): boolean {
  return PUBLIC_LINE_BEFORE.test(simp.slice(Math.max(0, start - 10), start));
}

/**
 * A phone for publication: a mobile keeps its first 3 and last 4 digits (138****5678, the usual
 * public form); a landline its area code and the local number except its last 4 digits
 * (0527-8436****, 宿州经开区方案's example); a local number all but its last 4 digits.
 */
export function maskPublicPhone(raw: string): string {
  const local = normalizePhone(raw);
  const country = raw.replace(/\D/g, '').length - local.length;
  if (isMobile(local)) return maskMiddle(raw, country + 3, 4);
  const total = raw.replace(/\D/g, '').length;
  return maskMiddle(raw, total - 4, 0);
}

/** Every digit masked, separators kept: the requester's own phone. */
export function maskAllDigits(raw: string): string {
  return raw.replace(/\d/g, '*');
}

// The requester's phone by what comes before it: 您（138…）, 您的电话, 诉求人电话, 来电号码, 预留电话.
const REQUESTER_ROLE_WORDS = '诉求人|来电人|来信人|反映人|投诉人|举报人|留言人|求助人|来访人|咨询人';
const REQUESTER_PHONE_BEFORE = new RegExp(
  `(?:(?:您|${REQUESTER_ROLE_WORDS})(?:本人)?的?(?:(?:联系)?(?:电话|手机|号码|联系方式)(?:号码|号)?|[（(])|来电号码|来电电话|(?:预留|留存|留下)的?(?:联系)?(?:电话|号码|手机)(?:号码)?)(?:为|是)?[：:\\s]{0,2}$`,
);

/** Whether the number at `start` is introduced as the requester's. */
export function requesterPhoneBefore(simp: string, start: number): boolean {
  const before = simp.slice(Math.max(0, start - 14), start);
  if (!REQUESTER_PHONE_BEFORE.test(before)) return false;
  // 被投诉人电话 is the other party's
  const m = REQUESTER_PHONE_BEFORE.exec(before)!;
  return before[m.index - 1] !== '被';
}

// Identifiers by their label: an ID card with a wrong check digit or an old 15-digit one, a bank
// account that fails Luhn (an enterprise account, a typo) are still personal data when labelled.
const ID_LABELLED = /(?:身份证|证件|公民身份)(?:号码|号)?(?:为|是)?[：:\s]{0,2}(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const CARD_LABELLED = /(?:银行卡|银行账户|银行账号|银行帐号|卡号|账号|帐号|账户|帐户)(?:号码|号)?(?:为|是)?[：:\s]{0,2}(\d(?:[ -]?\d){11,22})(?![0-9A-Za-z])/g;

function labelled(re: RegExp, simp: string): Span[] {
  const out: Span[] = [];
  for (const m of execAll(re, simp)) {
    const end = m.index + m[0].length;
    out.push({ start: end - m[1]!.length, end });
  }
  return out;
}

export const findLabelledIdCards = (simp: string): Span[] => labelled(ID_LABELLED, simp);
export const findLabelledBankCards = (simp: string): Span[] => labelled(CARD_LABELLED, simp);

/** Role words that name the handler of the reply (the staff member who signs it). */
export const HANDLER_ROLES = '承办人员|承办人|经办人员|经办人|办理人员|办理人|处办人|办件人|回访人|答复人|联系人';

/** Role words after which a name is the requester's (被投诉人, 被举报人 are the other party). */
const REQUESTER_ROLE_RE = new RegExp(`(?:${REQUESTER_ROLE_WORDS}|来电市民)[ \\t　]*(?:[：:（(][ \\t　]*)?`, 'g');

/** The words a name may be followed by, plus brackets and separators (您（张伟）, 诉求人：张伟，…). */
const AFTER_REQUESTER_NAME = new RegExp(`${AFTER_NAME.source}|[）)，,、；;：:\\s]`, 'y');

/** Candidate requester names: after a role word (诉求人张伟反映…) and in 您（张伟）. `isWord` drops ordinary words. */
export function findRequesterNames(simp: string, detector: NameDetector, notNames: ReadonlySet<string>): Span[] {
  const out: Span[] = [];
  for (const m of execAll(REQUESTER_ROLE_RE, simp)) {
    if (simp[m.index - 1] === '被') continue;
    const start = m.index + m[0].length;
    const end = detector.wordNameAt(simp, start, simp.length, AFTER_REQUESTER_NAME, notNames);
    if (end > start && !isTitleForm(simp, start, end, detector)) out.push({ start, end });
  }
  for (let i = simp.indexOf('您'); i >= 0; i = simp.indexOf('您', i + 1)) {
    if (simp[i + 1] !== '（' && simp[i + 1] !== '(') continue;
    const start = i + 2;
    const end = detector.wordNameAt(simp, start, simp.length, AFTER_REQUESTER_NAME, notNames);
    if (end > start && !isTitleForm(simp, start, end, detector) && /^[）)，,、\s]/.test(simp.slice(end, end + 1))) out.push({ start, end });
  }
  return out;
}

/** Surname + a title instead of a given name (彭经理, 张主任, 李师傅): no personal name to mask. */
const TITLE_FORM = /^(?:经理|主任|局长|科长|所长|站长|队长|书记|老板|师傅|老师|先生|女士|同志|总|工)$/;

export function isTitleForm(simp: string, start: number, end: number, detector: NameDetector): boolean {
  return TITLE_FORM.test(simp.slice(start + (detector.surnameAt(simp, start) || 1), end));
}

const TITLE_AFTER_NAME = /(?:先生|女士|同志|老师|师傅|阿姨|大爷|大妈)/y;
const GREETING_FOLLOW = new RegExp(`${TITLE_AFTER_NAME.source}|[：:，,]`, 'y');

/**
 * The name in the salutation that opens the reply body (尊敬的张伟先生：, 张伟同志：您好, 王丽：您好！):
 * a name followed by a title or by a colon and 您好/你好.
 */
export function findGreetingName(simp: string, bodyStart: number, detector: NameDetector, notNames: ReadonlySet<string>): Span | undefined {
  let i = bodyStart;
  while (i < simp.length && /[\s\uFEFF　]/.test(simp[i]!)) i++;
  let polite = false;
  if (simp.startsWith('尊敬的', i)) {
    i += 3;
    polite = true;
  }
  const lineEnd = simp.indexOf('\n', i) < 0 ? simp.length : simp.indexOf('\n', i);
  const end = detector.wordNameAt(simp, i, lineEnd, GREETING_FOLLOW, notNames);
  if (end < 0) return undefined;
  TITLE_AFTER_NAME.lastIndex = end;
  const title = TITLE_AFTER_NAME.exec(simp);
  const after = title ? end + title[0].length : end;
  if (!/^[：:，,]/.test(simp.slice(after, after + 1))) return undefined;
  if (!title && !polite && !/^[：:，,][\s　]*(?:您好|你好)/.test(simp.slice(after, after + 6))) return undefined;
  return { start: i, end };
}

// Signature lines: the closing lines of the reply without sentence ends (宿城区城管局 王磊 0527-…).
const SENTENCE_END = /[。！？!?；;]/;
const TOKEN_RE = /[^\s　：:，,。；;、|/（）()【】[\]*_#>~\-－—]+/g;
/** Last characters of units and places (宿迁市, 高新区, 城管局): such a token is no name. */
const UNIT_END = /[市区县镇乡村局委办厅处科室所站队院部会司组中心街道社馆校园庭]$/;
const DATE_LIKE = /(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年|\d{4}[-./]\d{1,2}[-./]\d{1,2}/;
const ROLE_OR_LABEL = /(?:单位|承办|经办|办理|联系|电话|答复|日期|时间)/;
/** Closing words that begin with a surname character (谢谢, 祝好) and are never a signature name. */
const CLOSING_WORDS = new Set(['谢谢', '感谢', '祝好', '此致', '敬礼', '特此', '此复', '答复', '回复', '落款', '签名', '盖章', '公章', '附件']);

/**
 * Bare name tokens in the closing signature lines (宿城区城管局 王磊 0527-84361234; 王磊 on its own
 * line between the unit and the date): 2–3 characters starting with a surname, not a unit or
 * place, in closing lines that also carry a unit, a phone or a date.
 */
export function findSignatureNames(simp: string, bodyStart: number, detector: NameDetector, notNames: ReadonlySet<string>): Span[] {
  const lines: Span[] = [];
  let end = simp.length;
  while (end > bodyStart && lines.length < 6) {
    const nl = simp.lastIndexOf('\n', end - 1);
    const start = Math.max(nl + 1, bodyStart);
    const line = simp.slice(start, end).replace(/\r$/, '');
    end = nl < bodyStart ? bodyStart : nl;
    if (!line.trim()) continue;
    if (line.length > 60 || SENTENCE_END.test(line)) break;
    lines.push({ start, end: start + line.length });
    if (nl < bodyStart) break;
  }
  const tail = lines.map((l) => simp.slice(l.start, l.end)).join('\n');
  const tokens = lines.flatMap((l) => execAll(TOKEN_RE, simp.slice(l.start, l.end)).map((m) => ({ start: l.start + m.index, end: l.start + m.index + m[0].length, text: m[0] })));
  const hasField = /\d{7}/.test(tail.replace(/[-－— ]/g, '')) || DATE_LIKE.test(tail) || ROLE_OR_LABEL.test(tail) || tokens.some((t) => t.text.length >= 3 && UNIT_END.test(t.text));
  if (!hasField) return [];
  return tokens
    .filter((t) => t.text.length >= 2 && t.text.length <= 3 && detector.isNameToken(t.text) && !UNIT_END.test(t.text) && !notNames.has(t.text) && !CLOSING_WORDS.has(t.text) && !ROLE_OR_LABEL.test(t.text))
    .map(({ start, end }) => ({ start, end }));
}
