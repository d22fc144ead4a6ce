// Citation detection: 《title》 and document numbers (GB/T 9704-2012 7.2.5: 发文机关代字〔年份〕序号号),
// laws cited by official title + article. All scanners are single regex passes over the text (linear).
import { execAll } from '../match/scan.js';

/** Canonical document number: issuer + 〔YYYY〕 + number without leading zeros + 号. */
export function normalizeDocNumber(raw: string): string {
  const m = DOCNUM_LOOSE_RE_ANCHORED.exec(raw.replace(/\s+/g, ''));
  if (!m) return raw.replace(/\s+/g, '');
  return `${m[1]}〔${m[2]}〕${String(Number(m[3]))}号`;
}

/** Opening/closing brackets accepted around the year (the right ones are 〔〕). */
const OPEN = '〔\\[［【（(『﹝';
const CLOSE = '〕\\]］】）)』﹞';

/** Any bracket style around the year, optional 第 and leading zeros. Groups: issuer, year, number. */
export const DOCNUM_LOOSE_SOURCE =
  `([\\u4e00-\\u9fa5]{1,12}?(?:发|办|函|字|办发|办函|政|委|令|秘|规|通|复|办秘)?)\\s*[${OPEN}]\\s*((?:19|20)\\d{2})\\s*[${CLOSE}]\\s*第?\\s*(\\d{1,5})\\s*号`;
const DOCNUM_LOOSE_RE_ANCHORED = new RegExp(`^${DOCNUM_LOOSE_SOURCE}$`);

/** Canonical tail 〔YYYY〕N号 of a document number (issuer excluded). */
export function docNumberTail(year: string, serial: string): string {
  return `〔${year}〕${String(Number(serial))}号`;
}

export interface DocNumberMatch {
  /** View range of the whole match, issuer included (the issuer may start too early: see `issuer`). */
  start: number;
  end: number;
  /** Up to 12 CJK characters before the bracket: the issuer code, possibly with preceding words. */
  issuer: string;
  issuerStart: number;
  /** Range of the part from the opening bracket to 号 (what a format fix rewrites). */
  bodyStart: number;
  open: string;
  close: string;
  /** Year as written: 4 digits (or 2: a format error). */
  year: string;
  /** Serial number as written (may have leading zeros). */
  serial: string;
  hasDi: boolean;
  /** Whether the part from the bracket to 号 already has the canonical form 〔YYYY〕N号. */
  canonical: boolean;
  /** 〔YYYY〕N号, or undefined for a two-digit year. */
  tail?: string;
}

const DOCNUM_PARTS_RE = new RegExp(
  `([\\u4e00-\\u9fa5]{1,12})(\\s*)([${OPEN}])\\s*(\\d{4}|\\d{2})\\s*([${CLOSE}])\\s*(第?)\\s*(\\d{1,5})\\s*号`,
  'g',
);

const DOCNUM_CORE_RE = new RegExp(`[${OPEN}]\\s*(?:\\d{4}|\\d{2})\\s*[${CLOSE}]`);

/** Document numbers in `simp` (Simplified view), in order. */
export function findDocNumbers(simp: string, from = 0, to = simp.length): DocNumberMatch[] {
  const out: DocNumberMatch[] = [];
  const body = simp.slice(from, to);
  // most replies cite no document number: look for the bracketed year first (a literal-led
  // scan) before the full pattern, which tries its issuer class at every Chinese character
  if (!DOCNUM_CORE_RE.test(body)) return out;
  for (const m of execAll(DOCNUM_PARTS_RE, body)) {
    const [, issuer, gap, open, year, close, di, serial] = m as unknown as string[];
    if (year!.length === 4 && !/^(?:19|20)/.test(year!)) continue;
    const start = from + m.index;
    const bodyStart = start + issuer!.length + gap!.length;
    const end = start + m[0].length;
    const bodyText = simp.slice(bodyStart, end);
    const canonical = /^〔(?:19|20)\d{2}〕[1-9]\d{0,4}号$/.test(bodyText);
    out.push({
      start,
      end,
      issuer: issuer!,
      issuerStart: start,
      bodyStart,
      open: open!,
      close: close!,
      year: year!,
      serial: serial!,
      hasDi: di === '第',
      canonical,
      ...(year!.length === 4 ? { tail: docNumberTail(year!, serial!) } : {}),
    });
  }
  return out;
}

const CASE_NUMBER = /(?:案字|仲案|仲字|诉字|裁字|执字|案)$/;
const CASE_CONTEXT = /(?:案号|编号|案卷号|受理号|登记号|证书号|证号)(?:为|是|：|:)?[\u4e00-\u9fa5]*$/;

/**
 * Case numbers (仲裁/诉讼/行政案件: 宿劳人仲案字〔2025〕第88号) are not document numbers, nor are the
 * numbers of enforcement and licensing instruments, written "…字〔年〕第N号" by convention
 * (安规建消验字〔2025〕第57号 on a 消防验收意见书): 第 is part of them, and removing it would change
 * the number printed on the instrument.
 */
export function isCaseNumber(simp: string, d: Pick<DocNumberMatch, 'issuer' | 'bodyStart' | 'hasDi'>): boolean {
  return (
    CASE_NUMBER.test(d.issuer) ||
    (d.hasDi && d.issuer.endsWith('字')) ||
    CASE_CONTEXT.test(simp.slice(Math.max(0, d.bodyStart - 10), d.bodyStart))
  );
}

export interface TitleMatch {
  start: number;
  end: number;
  /** Title without the marks. */
  title: string;
}

const TITLE_RE = /《([^《》\n]{2,80})》/g;

/** 《title》 occurrences. */
export function findTitles(simp: string): TitleMatch[] {
  const out: TitleMatch[] = [];
  for (const m of execAll(TITLE_RE, simp)) out.push({ start: m.index, end: m.index + m[0].length, title: m[1]! });
  return out;
}

/** Normalized title for comparisons (marks, spaces and quotes removed). */
export function normalizeTitle(title: string): string {
  return title.replace(/[《》\s“”"'‘’「」]/g, '');
}

const CN_NUM = '[〇零一二三四五六七八九十百两]';
/** An article reference: 第三十条, 第3条, 第二款. */
export const ARTICLE_SOURCE = `第(?:\\d{1,4}|${CN_NUM}{1,7})(?:条|款|项)`;

/**
 * Source of a regex matching any explicit citation: 《title》, a document number, or an article.
 * For "does this span name its basis" checks.
 */
export const ANY_CITATION_SOURCE = `《[^《》\\n]{2,80}》|${DOCNUM_LOOSE_SOURCE}|${ARTICLE_SOURCE}`;

// ---------------------------------------------------------------------------------------------
// Laws cited without 《》

export interface LawIndex {
  /** official title → itself; alias (short form without 中华人民共和国) → official title */
  byText: Map<string, string>;
  /** distinct lengths of keys, longest first */
  lengths: number[];
  /** last two characters of keys, as (code[-2] << 16 | code[-1]) */
  lastPairs: Set<number>;
  /** 1 at the char code of the last character of some key */
  lastCodes: Uint8Array;
}

/** Builds a lookup over official law titles (and their short forms without 中华人民共和国). */
export function buildLawIndex(titles: readonly string[]): LawIndex {
  const byText = new Map<string, string>();
  for (const raw of titles) {
    const t = normalizeTitle(raw);
    byText.set(t, t);
  }
  for (const t of [...byText.keys()]) {
    if (t.startsWith('中华人民共和国')) {
      const alias = t.slice('中华人民共和国'.length);
      if (alias.length >= 3 && !byText.has(alias)) byText.set(alias, t);
    }
  }
  const lengths = [...new Set([...byText.keys()].map((k) => k.length))].sort((a, b) => b - a);
  const lastPairs = new Set<number>();
  const lastCodes = new Uint8Array(0x10000);
  for (const k of byText.keys()) {
    lastCodes[k.charCodeAt(k.length - 1)] = 1;
    if (k.length >= 2) lastPairs.add((k.charCodeAt(k.length - 2) << 16) | k.charCodeAt(k.length - 1));
  }
  return { byText, lengths, lastPairs, lastCodes };
}

export interface BareLawMatch {
  start: number;
  end: number;
  /** The text as found (Simplified view). */
  found: string;
  /** The official title it stands for. */
  official: string;
  /** found === official (a fix may add 《》); otherwise a short form. */
  exact: boolean;
}

// What may stand right before a bare law title / right after it, for it to be a citation
// (guards against 江苏省物业管理条例 → 江苏省《物业管理条例》, or 劳动合同法实施条例).
const BEFORE_OK = /(?:^|[\s，。、；：:,;（(“"]|依据|根据|按照|依照|遵照|违反|符合|对照|参照|执行|适用|按|依|据|照|和|及|与|或|即|是|对|了)$/;
const AFTER_OK = /^(?:$|[\s，。、；：:,;）)”"第和及与等中的]|规定|明确|有关|相关|要求|条款|之规定)/;

/**
 * Law titles written without 《》 (official titles from the index, or their short forms).
 * Linear: only positions whose character ends some title are examined, with a bounded set of lengths.
 */
export function findBareLaws(simp: string, index: LawIndex): BareLawMatch[] {
  const out: BareLawMatch[] = [];
  let depth = 0; // inside 《…》
  let lastEnd = -1;
  const cands: { start: number; end: number; key: string }[] = [];
  const minLen = index.lengths[index.lengths.length - 1] ?? 1;
  for (let i = 0; i < simp.length; i++) {
    const c = simp.charCodeAt(i);
    if (c === 0x300a) depth++; // 《
    else if (c === 0x300b) depth = Math.max(0, depth - 1); // 》
    else if (c === 0x0a) depth = 0;
    if (depth > 0 || !index.lastCodes[c]) continue;
    // every key is at least two characters long (a one-character law title does not exist)
    if (minLen >= 2 && (i === 0 || !index.lastPairs.has((simp.charCodeAt(i - 1) << 16) | c))) continue;
    for (const len of index.lengths) {
      const start = i + 1 - len;
      if (start < 0) continue;
      const key = simp.slice(start, i + 1);
      if (!index.byText.has(key)) continue;
      cands.push({ start, end: i + 1, key });
      break; // longest title ending here
    }
  }
  // keep the longest of overlapping candidates
  cands.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const c of cands) {
    if (c.start < lastEnd) continue;
    // a longer candidate may start earlier but end later than this one
    lastEnd = c.end;
    if (simp[c.start - 1] === '《' || simp[c.end] === '》') continue;
    const before = simp.slice(Math.max(0, c.start - 4), c.start);
    const after = simp.slice(c.end, c.end + 4);
    if (!BEFORE_OK.test(before) || !AFTER_OK.test(after)) continue;
    const official = index.byText.get(c.key)!;
    out.push({ start: c.start, end: c.end, found: c.key, official, exact: official === c.key });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Pairing document numbers with titles

export interface CitedDocument {
  number: DocNumberMatch;
  /** The 《title》 the number belongs to: 《title》（number） or number《title》. */
  title?: TitleMatch;
  /** 'after': 《title》（number） (the right order); 'before': number《title》. */
  order?: 'after' | 'before';
}

function skipSpacesBack(s: string, i: number): number {
  while (i > 0 && /\s/.test(s[i - 1]!)) i--;
  return i;
}

/**
 * Titles of instruments rather than official documents: licences, certificates, decision and notice
 * forms (《夜间施工许可证》, 《营业执照》, 《行政处罚决定书》, 《责令限期改正通知书》). The number attached to
 * one is the instrument's own (宿城建夜许〔2025〕0612号): printed as it is, leading zeros included,
 * and not a 公文 number that GB/T 9704 governs.
 */
const INSTRUMENT_TITLE = /(?:书|证|证明|执照|单|票)$/;

/**
 * A 公文 named around an inner title (关于印发《…办法》的通知（…〔2019〕217号）) has its title before the
 * number even though only the inner part is in 《》: the citation is there, not missing.
 */
const TITLE_TAIL = /》的?(?:通知|意见|决定|批复|规定|办法|方案|公告|通告|细则|函)[\s?？]*$/;
function titleBeforeParen(simp: string, paren: number, titleByEnd: Map<number, TitleMatch>): TitleMatch | undefined {
  const end = skipSpacesBack(simp, paren);
  const direct = titleByEnd.get(end);
  if (direct) return direct;
  const tail = TITLE_TAIL.exec(simp.slice(Math.max(0, end - 12), end));
  return tail ? titleByEnd.get(end - tail[0].length + 1) : undefined;
}

/** Document numbers (case numbers and instrument numbers excluded) with the title each is attached to, and all titles (`titles`: findTitles(simp), when the caller has it). */
export function findCitedDocuments(simp: string, titles: TitleMatch[] = findTitles(simp)): { documents: CitedDocument[]; titles: TitleMatch[] } {
  const numbers = findDocNumbers(simp);
  if (!numbers.length) return { documents: [], titles };
  const titleByEnd = new Map(titles.map((t) => [t.end, t]));
  const titleByStart = new Map(titles.map((t) => [t.start, t]));
  const documents: CitedDocument[] = [];
  for (const d of numbers) {
    if (isCaseNumber(simp, d)) continue;
    // a stray ? where an export lost a character (通知?（?楚价服〔2014〕93号）) is not text
    let before = skipSpacesBack(simp, d.start);
    while (before > 0 && (simp[before - 1] === '?' || simp[before - 1] === '？')) before = skipSpacesBack(simp, before - 1);
    const paren = simp[before - 1];
    const titleBefore = paren === '（' || paren === '(' ? titleBeforeParen(simp, before - 1, titleByEnd) : undefined;
    if (titleBefore) {
      if (!INSTRUMENT_TITLE.test(titleBefore.title)) documents.push({ number: d, title: titleBefore, order: 'after' });
      continue;
    }
    const after = /^\s*(?:文件|号文|文|印发的|的)?\s*《/.exec(simp.slice(d.end, d.end + 8));
    const titleAfter = after ? titleByStart.get(d.end + after[0].length - 1) : undefined;
    if (titleAfter && INSTRUMENT_TITLE.test(titleAfter.title)) continue;
    documents.push(titleAfter ? { number: d, title: titleAfter, order: 'before' } : { number: d });
  }
  return { documents, titles };
}

/** Verbs that introduce a cited document (根据, 符合, 印发…): never part of an issuer code. */
const CITING_VERBS = '根据|按照|依据|依照|参照|对照|遵照|遵循|符合|违反|适用|执行|落实|贯彻|印发|下发|下达|出台|作出|做出|出具|制发|发布|签发';
/** Words that may precede an issuer code and are not part of it. */
const LEADING_WORDS = new RegExp(`^(?:(?:${CITING_VERBS}|形成|按|依|据|即|见|的|了|和|与|及|是|在|将|把)+)`);
/** Verbs that end the words before an issuer code wherever they stand (该事项依据宿政办 → 宿政办). */
const CONTEXT_VERB = new RegExp(`(?:${CITING_VERBS}|参见|详见|见)`, 'g');

/** The issuer code without the context words before it (根据宿政发 → 宿政发, 该事项依据宿政办 → 宿政办). */
export function trimIssuer(d: Pick<DocNumberMatch, 'issuer'>): string {
  let issuer = d.issuer;
  let cut = -1;
  for (const m of issuer.matchAll(CONTEXT_VERB)) if (issuer.length - (m.index + m[0].length) >= 2) cut = m.index + m[0].length;
  if (cut > 0) issuer = issuer.slice(cut);
  const m = LEADING_WORDS.exec(issuer);
  return m ? issuer.slice(m[0].length) : issuer;
}

// A decree cited by its number only (西地省268号令, 国务院590号令, 人民政府令第60号, 财政部令第94号):
// a number the reader cannot look up without its title. Not when a 《title》 stands just before
// or right after it (《…办法》（第103号令）, 财政部令第94号《…办法》).
// A 公文 cited by year and serial only (市发改委2016年440号文件, 国务院2006年17号文件): neither the
// number's form (代字〔年份〕序号号) nor a title the reader could look it up by. Not a decree's own
// numbering (交通部令2006年第2号) and not inside a title.
const YEAR_SERIAL = /(?<![〔\[［\d])(?:19|20)\d{2}年第?\d{1,4}号(?=文件|文(?!化)|的?规定|\s*《)/g;
export function findYearSerialNumbers(simp: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of simp.matchAll(YEAR_SERIAL)) {
    if (/令\s*$/.test(simp.slice(Math.max(0, m.index - 3), m.index))) continue;
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

const DECREE = /(?:(?:国务院|人民政府|政府|部|总局|委员会)令第?\d{1,4}号|第?\d{1,4}号令)/g;
export function findBareDecrees(simp: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of simp.matchAll(DECREE)) {
    const before = simp.slice(Math.max(0, m.index - 12), m.index);
    const after = simp.slice(m.index + m[0].length, m.index + m[0].length + 2);
    if (before.includes('》') || /^[：:，,]?\s*《/.test(after)) continue;
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}
