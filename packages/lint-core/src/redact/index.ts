// `redact`: the public version of a reply (宿州经开区方案 四(二)3: published replies mask the
// handler's personal details; 常熟方案 附件3 注: nothing of the requester's may leak). Everything
// else stays byte for byte: only the ranges listed in `redactions` change.
//
// What is masked (docs/redact.md):
//   handler-name     the handler's name: after 承办人/经办人/联系人… (承办人：王磊), the metadata's
//                    `handler.name`, bare names in the closing signature lines; every occurrence of a
//                    name found so → 王*
//   requester-name   `citizen.name` from the metadata, and names after 诉求人/来电人/举报人…, in
//                    您（张伟） and in the salutation (张伟先生：); every occurrence → 张某
//   requester-phone  `citizen.phone` in any formatting, and numbers after 您的电话/您（…/来电号码 → all digits *
//   phone            every other mobile (138****5678) and landline with area code (0527-8436****);
//                    7–8-digit local numbers only after a phone word (电话：84361234 → 8436****).
//                    Service numbers (12345, 110, 0527-12345) have too few digits to be phones; numbers
//                    after 服务热线/监督电话/值班电话… and `keepPhones` are kept
//   id-card          checksum-valid ID-card numbers, and any 15/18-digit number after 身份证号 → 3203**********4024
//   bank-card        Luhn-valid card numbers (card prefix or 卡号/账号 before), and any 12–23-digit number after 卡号/账号
// Front matter is kept and its personal values are masked like the body (a fully masked phone
// written as a plain YAML value is quoted, `'***********'`, so that the YAML stays valid).
//
// Pure apart from reading the built-in surname and not-name lists (rules/lists/, once per process)
// and, for a name after 诉求人/举报人… only, loading the word segmenter to tell 举报人马上… from a name.
import { parseMarkdown } from '../parse/markdown.js';
import { parseMetadata, type MetadataProblem } from '../meta/front-matter.js';
import { mergeMeta, readMetaObject } from '../meta/object.js';
import { toSimplified } from '../parse/t2s.js';
import { lineStarts, toLineColumn } from '../util/lines.js';
import { readList } from '../pack/load.js';
import { findBankCards, findIdCards, normalizePhone } from '../detect/identifiers.js';
import { maskBankCard, maskIdCard, maskName } from '../detect/mask.js';
import { NameDetector } from '../detect/person-name.js';
import { getSegmenter } from '../segment/index.js';
import type { TicketMeta } from '../types.js';
import {
  HANDLER_ROLES,
  LIST_SEPARATOR,
  findGreetingName,
  findLabelledBankCards,
  findLabelledIdCards,
  findPublicPhones,
  findRequesterNames,
  findSignatureNames,
  maskAllDigits,
  maskPublicPhone,
  isTitleForm,
  phoneLabelBefore,
  publicLineBefore,
  quantityAround,
  requesterPhoneBefore,
  type Span,
} from './find.js';

export interface RedactOptions {
  /**
   * Ticket metadata: a TicketMeta, or the object form `lint` accepts (English keys or Chinese
   * aliases, e.g. `{ 诉求人: { 姓名: '张伟', 电话: '13812345678' } }`). Front matter in the text is
   * merged under it, as in `lint`.
   */
  meta?: TicketMeta | Record<string, unknown>;
  /** `text`: a plain-text reply (front matter is still read). Default `markdown`. */
  format?: 'markdown' | 'text';
  /** Phone numbers never masked (a unit's public line), in any formatting. */
  keepPhones?: readonly string[];
  /** Surnames for names after role words and in signatures; default the built-in list (rules/lists/surnames.yaml). */
  surnames?: readonly string[];
}

export type RedactionKind = 'handler-name' | 'requester-name' | 'phone' | 'requester-phone' | 'id-card' | 'bank-card';

export interface Redaction {
  kind: RedactionKind;
  /** [start, end) UTF-16 offsets in the ORIGINAL text. */
  range: [number, number];
  /** 1-based line and UTF-16 column of `range[0]` in the original text. */
  line: number;
  column: number;
  /** The replacement written. */
  masked: string;
}

export interface RedactProblem {
  /** The metadata key concerned (`citizen`, `handler.phone`…), absent for the front matter as a whole. */
  key?: string;
  /** Chinese; never quotes the value. */
  message: string;
}

export interface RedactResult {
  text: string;
  /** In text order, not overlapping. */
  redactions: Redaction[];
  /**
   * Metadata that could not be read (invalid front matter, a wrong value): names and phones it
   * would have given are then unknown and may stay in the text. Absent when there is none.
   */
  metaProblems?: RedactProblem[];
}

/** Kinds in order of precedence when two findings overlap. */
const PRECEDENCE: readonly RedactionKind[] = ['id-card', 'bank-card', 'requester-phone', 'phone', 'requester-name', 'handler-name'];

interface Candidate extends Span {
  kind: RedactionKind;
  masked: string;
}

let builtinLists: { surnames: readonly string[]; notNames: ReadonlySet<string> } | undefined;
function lists() {
  builtinLists ??= {
    surnames: readList('surnames').phrases.map((e) => e.text),
    notNames: new Set(readList('not-names').phrases.map((e) => toSimplified(e.text))),
  };
  return builtinLists;
}

const detectors = new WeakMap<readonly string[], NameDetector>();
function handlerDetector(surnames: readonly string[]): NameDetector {
  let d = detectors.get(surnames);
  if (!d) detectors.set(surnames, (d = new NameDetector(surnames, HANDLER_ROLES)));
  return d;
}

const META_PROBLEM_TEXT: Record<MetadataProblem['messageId'] | 'unclosed', string> = {
  yamlSyntax: '文件头（front matter）不是有效的 YAML，其中的诉求人、承办人信息未能读取',
  notMapping: '文件头不是「键: 值」形式的元数据，其中的诉求人、承办人信息未能读取',
  invalidValue: '元数据 `{{key}}` 的值无效（应为{{expected}}），未能读取',
  duplicateKey: '元数据 `{{key}}` 重复，以后一处为准',
  fullWidthColon: '元数据 `{{key}}` 后用了全角冒号，已照常读取',
  unclosed: '文件头以 --- 开始，但没有结束的 --- 行，其中的元数据未能读取',
};

function problemOf(messageId: keyof typeof META_PROBLEM_TEXT, data: Record<string, string> = {}): RedactProblem {
  const message = META_PROBLEM_TEXT[messageId].replace(/\{\{(\w+)\}\}/g, (_, k: string) => data[k] ?? '');
  return data.key ? { key: data.key, message } : { message };
}

/** A name usable for searching: 2+ characters, not already a placeholder (张某, 王*, XXX). */
function searchableName(name: string | undefined): string | undefined {
  const n = name?.trim();
  if (!n || [...n].length < 2 || /[*＊X×x某]/.test(n)) return undefined;
  return toSimplified(n);
}

/** Surname + 某 (张伟 → 张某, 欧阳修 → 欧阳某), from the text as written. */
function requesterMask(original: string, simp: string, detector: NameDetector): string {
  const sl = detector.surnameAt(simp, 0) || 1;
  return `${original.slice(0, sl)}某`;
}

/** Whether the text at [start, end) is an ordinary word (举报人马上…), asked of the word segmenter when it loads. */
function isOrdinaryWord(simp: string, start: number, end: number): boolean {
  let seg;
  try {
    seg = getSegmenter();
  } catch {
    return false; // no segmenter: mask (a name kept would be worse than a word masked)
  }
  const first = seg.tag(simp.slice(start, Math.min(simp.length, end + 6)))[0];
  return !!first && first.word.length >= 2 && first.word.length >= end - start - 1 && !/^(?:nr|ns|nz|x)/.test(first.tag);
}

/**
 * The public version of a reply: the handler's name and phone, the requester's name and phone, ID
 * and bank card numbers masked; nothing else changed. Never throws for any text.
 */
export function redact(text: string, options: RedactOptions = {}): RedactResult {
  // metadata: front matter, with the data passed in over it (as lint does)
  let meta: TicketMeta = { extra: {} };
  const problems: RedactProblem[] = [];
  let bodyStart = 0;
  let frontMatter: Span | undefined;
  let parsedFm: ReturnType<typeof parseMarkdown>['frontMatter'];
  try {
    parsedFm = parseMarkdown(text, options.format === 'text' ? { format: 'text' } : {}).frontMatter;
  } catch {
    parsedFm = undefined; // a text remark cannot parse: its front matter is not read
  }
  if (parsedFm) {
    frontMatter = { start: parsedFm.start, end: parsedFm.end };
    bodyStart = parsedFm.end;
    const result = parseMetadata(parsedFm.value, parsedFm.valueStart, [parsedFm.start, parsedFm.end]);
    meta = result.meta;
    // a full-width colon is read as a key separator: nothing was missed
    for (const p of result.problems) if (p.messageId !== 'fullWidthColon') problems.push(problemOf(p.messageId, p.messageId === 'invalidValue' || p.messageId === 'duplicateKey' ? { key: p.data.key ?? '', expected: p.data.expected ?? '' } : {}));
  } else if (/^---[ \t]*\r?\n/.test(text) && !/\n---[ \t]*(?:\r?\n|$)/.test(text)) {
    problems.push(problemOf('unclosed'));
  }
  if (options.meta !== undefined && options.meta !== null) {
    const given = readMetaObject(options.meta);
    meta = mergeMeta(meta, given.meta);
    for (const p of given.problems) {
      if (p.messageId === 'notMapping') problems.push({ message: '工单元数据应为「键: 值」对象，其中的诉求人、承办人信息未能读取' });
      else problems.push(problemOf(p.messageId, { key: p.data.key ?? p.key, expected: p.data.expected ?? '' }));
    }
  }

  const simp = toSimplified(text);
  const builtin = lists();
  const detector = handlerDetector(options.surnames ?? builtin.surnames);
  const notNames = builtin.notNames;
  const candidates: Candidate[] = [];
  const add = (kind: RedactionKind, start: number, end: number, masked: string) => {
    if (end > start && masked !== text.slice(start, end)) candidates.push({ kind, start, end, masked });
  };

  // identifiers
  for (const m of findIdCards(simp)) add('id-card', m.start, m.end, maskIdCard(text.slice(m.start, m.end)));
  for (const m of findLabelledIdCards(simp)) add('id-card', m.start, m.end, maskIdCard(text.slice(m.start, m.end)));
  for (const m of findBankCards(simp)) add('bank-card', m.start, m.end, maskBankCard(text.slice(m.start, m.end)));
  for (const m of findLabelledBankCards(simp)) add('bank-card', m.start, m.end, maskBankCard(text.slice(m.start, m.end)));

  // phones
  const citizenPhone = meta.citizen?.phone ? normalizePhone(meta.citizen.phone) : '';
  const handlerPhone = meta.handler?.phone ? normalizePhone(meta.handler.phone) : '';
  const keep = new Set((options.keepPhones ?? []).map(normalizePhone).filter((d) => d.length >= 3));
  const inFrontMatter = (at: number) => !!frontMatter && at >= frontMatter.start && at < frontMatter.end;
  const fullMask = (start: number, end: number) => {
    let masked = maskAllDigits(text.slice(start, end));
    // a YAML plain value cannot start with * (an alias): quote it
    if (inFrontMatter(start) && masked.startsWith('*') && /(?:^|[:\-[{,])[ \t]*$/.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start))) masked = `'${masked}'`;
    return masked;
  };
  let lastPhoneEnd = -1;
  for (const p of findPublicPhones(simp)) {
    if (citizenPhone.length >= 7 && p.digits === citizenPhone) {
      add('requester-phone', p.start, p.end, fullMask(p.start, p.end));
      lastPhoneEnd = p.end;
      continue;
    }
    if (keep.has(p.digits)) continue;
    const own = handlerPhone.length >= 7 && p.digits === handlerPhone;
    if (!own && (publicLineBefore(simp, p.start) || quantityAround(simp, p.start, p.end))) continue;
    const listed = lastPhoneEnd >= 0 && LIST_SEPARATOR.test(simp.slice(lastPhoneEnd, p.start));
    const requesters = !own && requesterPhoneBefore(simp, p.start);
    if (!p.strong && !own && !listed && !requesters && !phoneLabelBefore(simp, p.start)) continue;
    if (requesters) add('requester-phone', p.start, p.end, fullMask(p.start, p.end));
    else add('phone', p.start, p.end, maskPublicPhone(text.slice(p.start, p.end)));
    lastPhoneEnd = p.end;
  }
  if (citizenPhone.length >= 7) {
    // the requester's number in a shape the phone finder does not take: glued to other digits, grouped oddly
    for (const m of simp.matchAll(/\d(?:[ \-－—]?\d)*/g)) {
      const at: number[] = [];
      for (let k = 0; k < m[0].length; k++) if (/\d/.test(m[0][k]!)) at.push(m.index + k);
      const digits = m[0].replace(/\D/g, '');
      for (let i = digits.indexOf(citizenPhone); i >= 0; i = digits.indexOf(citizenPhone, i + citizenPhone.length)) {
        add('requester-phone', at[i]!, at[i + citizenPhone.length - 1]! + 1, fullMask(at[i]!, at[i + citizenPhone.length - 1]! + 1));
      }
    }
  }

  // names: collected first, then every occurrence masked
  const requesterNames = new Set<string>();
  const handlerNames = new Set<string>();
  const citizenName = searchableName(meta.citizen?.name);
  if (citizenName) requesterNames.add(citizenName);
  const metaHandler = searchableName(meta.handler?.name);
  if (metaHandler) handlerNames.add(metaHandler);
  const known = metaHandler ? [metaHandler] : [];
  for (const h of detector.afterRoles(simp, 0, simp.length, known)) {
    const name = simp.slice(h.start, h.end);
    if (h.kind === 'name' && !notNames.has(name.slice(0, 2)) && !isTitleForm(simp, h.start, h.end, detector)) handlerNames.add(name);
    // 承办人：卓玛 (surname not in the list) after an explicit separator, ending at a boundary
    else if (h.kind === 'ambiguous' && h.end - h.start <= 3 && !/[\u4e00-\u9fff]/.test(simp[h.end] ?? '')) handlerNames.add(name);
  }
  for (const s of findSignatureNames(simp, bodyStart, detector, notNames)) handlerNames.add(simp.slice(s.start, s.end));
  for (const s of findRequesterNames(simp, detector, notNames)) {
    const name = simp.slice(s.start, s.end);
    if (!handlerNames.has(name) && !requesterNames.has(name) && !isOrdinaryWord(simp, s.start, s.end)) requesterNames.add(name);
  }
  const greeting = findGreetingName(simp, bodyStart, detector, notNames);
  if (greeting) requesterNames.add(simp.slice(greeting.start, greeting.end));
  const occurrences = (name: string, each: (start: number, end: number) => void) => {
    for (let i = simp.indexOf(name); i >= 0; i = simp.indexOf(name, i + name.length)) each(i, i + name.length);
  };
  for (const name of requesterNames) occurrences(name, (s, e) => add('requester-name', s, e, requesterMask(text.slice(s, e), name, detector)));
  for (const name of handlerNames) {
    if (!requesterNames.has(name)) occurrences(name, (s, e) => add('handler-name', s, e, maskName(text.slice(s, e))));
  }

  // overlaps: the kind earlier in PRECEDENCE wins, then the longer finding
  candidates.sort((a, b) => PRECEDENCE.indexOf(a.kind) - PRECEDENCE.indexOf(b.kind) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const accepted: Candidate[] = [];
  const taken = new Uint8Array(text.length); // linear, however many findings a long file has
  for (const c of candidates) {
    if (taken.subarray(c.start, c.end).includes(1)) continue;
    taken.fill(1, c.start, c.end);
    accepted.push(c);
  }
  accepted.sort((a, b) => a.start - b.start);

  const starts = lineStarts(text);
  const redactions: Redaction[] = [];
  let out = '';
  let last = 0;
  for (const c of accepted) {
    out += text.slice(last, c.start) + c.masked;
    last = c.end;
    const { line, column } = toLineColumn(starts, c.start);
    redactions.push({ kind: c.kind, range: [c.start, c.end], line, column, masked: c.masked });
  }
  out += text.slice(last);
  return problems.length ? { text: out, redactions, metaProblems: problems } : { text: out, redactions };
}

/**
 * The metadata problem that makes a public version unsafe to publish: citizen or handler data that
 * could not be read (their names and phones may then be left in the text). Problems with other
 * keys (a bad dispatch time) do not matter for redaction.
 */
/** What each kind of redaction masks, in Chinese (for reports of what was masked). */
export const REDACTION_KIND_NAMES: Readonly<Record<RedactionKind, string>> = {
  'handler-name': '承办人姓名',
  'requester-name': '诉求人姓名',
  phone: '电话',
  'requester-phone': '诉求人电话',
  'id-card': '身份证号',
  'bank-card': '银行卡号',
};

export function blockingProblem(result: RedactResult): RedactProblem | undefined {
  return result.metaProblems?.find((p) => p.key === undefined || /^(?:citizen|handler|诉求人|承办人)(?:\.|$)/.test(p.key));
}
