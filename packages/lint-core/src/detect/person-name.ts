// Person names in replies: a surname from a curated list (rules/lists/surnames.yaml, passed in by
// the rule) plus one or two given-name characters, found after role words (承办人/经办人/办理人员/
// 联系人/工作人员…) or as a bare token in a signature line. Placeholders (XXX, 某某, ***, 【姓名】,
// 王某) are recognised separately. Works on the Simplified view; linear in the text length.
import { MACROS } from '../match/source.js';
import { execAll } from '../match/scan.js';

/** Role words that introduce the name of the staff member (longest first). */
export const ROLE_SOURCE =
  '承办人员|承办人|经办人员|经办人|办理人员|办理人|处办人|联系人|工作人员|责任人|负责人|办件人|回访人|答复人';

/** Role words that name the handler of THIS reply (others, like 负责人, may be a third party). */
export const HANDLER_ROLE_RE = /^(?:承办人员|承办人|经办人员|经办人|办理人员|办理人|处办人|办件人|回访人|答复人)$/;

/**
 * Characters that end a given name: function words and verbs that typically follow a name
 * (承办人王磊电话联系, 承办人葛红和社区书记, 承办人于9月…, 承办人李强拨打/通过/多次/分别/查看…), titles
 * (同志, 先生, 科长) and units. A metadata name is matched verbatim before this applies.
 */
const STOP = new Set(
  '电话与和同及到在于对向将已再带前往赴为等的了是也即随又并就从会按把被给让当次今昨上下午晚早现经主科副局队所站部处办先女师老均都还亲专负联核约致来去说称表告拨打赶陪入多分通第查协走回'.split(''),
);
/** Stop characters that are nevertheless common as the FIRST given-name character (李向东, 王和平, 刘为民). */
const FIRST_OK = new Set('向和同为会来'.split(''));

/** Characters never found in a given name: pronouns, determiners, particles (举报人向我局…, 举报人于本月…). */
const NEVER_GIVEN = new Set('我您你他她它其该本此各某所之的了着是又也都就还已说称'.split(''));

/** Forms of address written after a surname instead of a given name (张先生, 李女士). */
const TITLES = new Set(['先生', '女士', '小姐', '同志', '师傅', '老师', '大爷', '大妈', '阿姨', '总']);

const CJK = /[\u4e00-\u9fff]/;
const SEP_RE = /^[\s　]*(?:[：:][\s　]*|(?:为|是)(?![\u4e00-\u9fff]{0,1}[：:]))?/;
const PLACEHOLDER_RE = new RegExp(`^(?:${MACROS.placeholder}|（姓名）|\\(姓名\\)|姓名)`);
const SURNAME_PLACEHOLDER_RE = /^(?:某某|某|X{1,3}|x{1,3}|×{1,3}|\*{1,3}|＊{1,3}|○{1,2}|〇{1,2})/;

/** Words that follow a name in a sentence (举报人任强反映…, 举报人王小明称…): where a name may end. */
export const AFTER_NAME =
  /(?:反映|反馈|诉称|所|称|说|表示|提出|提供|举报|投诉|来电|来信|来访|认为|要求|希望|同意|确认|知悉|多次|曾|已|也|均|都|还|又|再|将|未|不|没|于|在|向|对|与|和|及|等|因|就|从|自|到|把|被|为|系|即|先生|女士|同志|本人|家|住|现|电话|手机|通过)/y;

export type NameHitKind = 'name' | 'placeholder' | 'ambiguous';

export interface NameHit {
  kind: NameHitKind;
  /** View range of the name / placeholder / ambiguous span. */
  start: number;
  end: number;
  text: string;
  /** View range of the role word before it (undefined for bare tokens). */
  role?: readonly [number, number];
}

export class NameDetector {
  private readonly single = new Set<string>();
  private readonly compound = new Set<string>();
  private readonly roleRe: RegExp;

  constructor(surnames: readonly string[], roles: string = ROLE_SOURCE) {
    for (const s of surnames) (s.length === 1 ? this.single : this.compound).add(s);
    this.roleRe = new RegExp(`(?:${roles})`, 'g');
  }

  isSurname(s: string): boolean {
    return s.length === 1 ? this.single.has(s) : this.compound.has(s);
  }

  /** Length of the surname starting at `pos` (compound first), or 0. */
  surnameAt(text: string, pos: number): number {
    if (this.compound.has(text.slice(pos, pos + 2))) return 2;
    return this.single.has(text[pos] ?? '') ? 1 : 0;
  }

  /**
   * The name starting at `pos`: a known name (e.g. metadata handler.name) verbatim, else a surname
   * plus one or two given-name characters. Returns the end offset, or -1.
   */
  nameAt(text: string, pos: number, end = text.length, known: readonly string[] = []): number {
    for (const k of known) if (k && text.startsWith(k, pos) && pos + k.length <= end) return pos + k.length;
    const sl = this.surnameAt(text, pos);
    if (!sl) return -1;
    let i = pos + sl;
    let given = 0;
    while (i < end && given < 2) {
      const ch = text[i]!;
      if (!CJK.test(ch) || ch === '某' || (STOP.has(ch) && !(given === 0 && FIRST_OK.has(ch)))) break;
      i++;
      given++;
    }
    return given ? i : -1;
  }

  /**
   * A name at `pos` (surname plus one or two given-name characters) that stands as a word of its
   * own: followed by a word `follow` matches (a sticky regex: 反映, 称, 所…) or by a non-CJK
   * character, not a title (张先生), and not starting with one of `common` (陈述, 申请, 经核: words
   * that only begin like a name). The shortest such name's end (张伟于6月 has 张伟), or -1. Stricter
   * than `nameAt`, for rules where a false name costs more than a missed one.
   */
  wordNameAt(text: string, pos: number, end: number, follow: RegExp, common: ReadonlySet<string>): number {
    const sl = this.surnameAt(text, pos);
    if (!sl) return -1;
    const last = Math.min(end, pos + sl + 2);
    for (let e = pos + sl + 1; e <= last; e++) {
      const ch = text[e - 1]!;
      if (!CJK.test(ch) || NEVER_GIVEN.has(ch) || TITLES.has(text.slice(pos + sl, e)) || TITLES.has(text.slice(pos + sl, e + 1))) return -1;
      if (common.has(text.slice(pos, pos + 2)) || common.has(text.slice(pos, e))) return -1;
      if (e === end || !CJK.test(text[e]!)) return e;
      follow.lastIndex = e;
      if (follow.test(text)) return e;
    }
    return -1;
  }

  /** A placeholder at `pos` (XXX, 某某, ***, 【姓名】, 王某, 李XX), returning its end, or -1. */
  placeholderAt(text: string, pos: number, end = text.length): number {
    const rest = text.slice(pos, Math.min(end, pos + 12));
    const m = PLACEHOLDER_RE.exec(rest);
    if (m && m[0].length) return pos + m[0].length;
    const sl = this.surnameAt(text, pos);
    if (sl) {
      const p = SURNAME_PLACEHOLDER_RE.exec(rest.slice(sl));
      if (p && p[0].length) return pos + sl + p[0].length;
    }
    return -1;
  }

  /** Names, placeholders and ambiguous spans after role words within [start, end). */
  afterRoles(text: string, start: number, end: number, known: readonly string[] = []): NameHit[] {
    const out: NameHit[] = [];
    const slice = text.slice(start, end);
    for (const m of execAll(this.roleRe, slice)) {
      const roleStart = start + m.index;
      const roleEnd = roleStart + m[0].length;
      const sep = SEP_RE.exec(text.slice(roleEnd, Math.min(end, roleEnd + 6)))![0];
      const pos = roleEnd + sep.length;
      if (pos >= end) continue;
      const role = [roleStart, roleEnd] as const;
      const ph = this.placeholderAt(text, pos, end);
      if (ph > pos) {
        out.push({ kind: 'placeholder', start: pos, end: ph, text: text.slice(pos, ph), role });
        continue;
      }
      const ne = this.nameAt(text, pos, end, known);
      if (ne > pos) {
        out.push({ kind: 'name', start: pos, end: ne, text: text.slice(pos, ne), role });
        continue;
      }
      // 承办人：卓玛 — something name-like after an explicit separator, surname not in the list
      if (sep.length && CJK.test(text[pos] ?? '') && !STOP.has(text[pos]!)) {
        let e = pos;
        while (e < end && e - pos < 4 && CJK.test(text[e]!) && !STOP.has(text[e]!)) e++;
        if (e - pos >= 2) out.push({ kind: 'ambiguous', start: pos, end: e, text: text.slice(pos, e), role });
      }
    }
    return out;
  }

  /**
   * Whether a whole token (already cut at spaces/punctuation) looks like a personal name:
   * 2–4 CJK characters beginning with a surname, not a unit or title.
   */
  isNameToken(token: string): boolean {
    if (token.length < 2 || token.length > 4) return false;
    for (const ch of token) if (!CJK.test(ch)) return false;
    const sl = this.surnameAt(token, 0);
    if (!sl || token.length - sl < 1 || token.length - sl > 2) return false;
    const given = token.slice(sl);
    for (let i = 0; i < given.length; i++) {
      const ch = given[i]!;
      if (ch === '某' || (STOP.has(ch) && !(i === 0 && FIRST_OK.has(ch)))) return false;
    }
    return true;
  }
}

const detectors = new WeakMap<readonly string[], NameDetector>();

/** A detector for this surname list (cached per list instance). */
export function nameDetector(surnames: readonly string[]): NameDetector {
  let d = detectors.get(surnames);
  if (!d) {
    d = new NameDetector(surnames);
    detectors.set(surnames, d);
  }
  return d;
}
