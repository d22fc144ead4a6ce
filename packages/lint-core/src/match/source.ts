// Regex patterns in rule data, with shared macros ({{date}}, {{time}}, {{phone}}…).
// Patterns run on the Simplified view; matching never relies on \b (useless for Chinese).
import { DOCNUM_LOOSE_SOURCE } from '../detect/citation.js';

const CN_NUM = '[〇零一二三四五六七八九十两]';

export const MACROS: Record<string, string> = {
  // a concrete calendar date: 2024年3月5日, 3月5日, 2024-03-05, 2024/3/5, 三月五日
  date: `(?:(?:19|20)\\d{2}年)?\\d{1,2}月\\d{1,2}[日号]|(?:19|20)\\d{2}[-/.]\\d{1,2}[-/.]\\d{1,2}|${CN_NUM}{1,3}月${CN_NUM}{1,3}[日号]`,
  // a time of day: 9:30, 9时30分, 上午10点, 下午3点半, 14时
  time: `(?:凌晨|早上|上午|中午|下午|傍晚|晚上)?\\s*(?:\\d{1,2}|${CN_NUM}{1,3})\\s*(?:[:：]\\s*\\d{2}|[时点](?:\\s*(?:\\d{1,2}|${CN_NUM}{1,3})分|半|整)?)`,
  // vague times that do not identify a day
  vagueTime: '近日|日前|近期|前期|前几天|前段时间|第一时间|及时|随后|后续|事后|当时|不久前|此前',
  // phone numbers: landline with area code, mobile, service numbers
  phone: '(?:0\\d{2,3}[-－—\\s]?\\d{7,8}(?:[-－—转]\\d{1,5})?|1[3-9]\\d[-\\s]?\\d{4}[-\\s]?\\d{4}|\\d{7,8}|12345|96\\d{3})',
  // a document number in any bracket style
  docnum: DOCNUM_LOOSE_SOURCE,
  // a title in book-title marks
  title: '《[^《》\\n]{2,80}》',
  // a Chinese article reference: 第三十条, 第3条, 第二款
  article: `第(?:\\d{1,4}|${CN_NUM}{1,6})(?:条|款|项|章|节)`,
  // placeholder names
  placeholder: 'X{2,}|x{2,}|×{2,}|某某|某|\\*{2,}|＊{2,}|【[^】]{0,6}】|\\[[^\\]]{0,6}\\]|○○|〇〇|XX',
};

const MACRO_RE = /\{\{(\w+)\}\}/g;

export function expandMacros(source: string): string {
  return source.replace(MACRO_RE, (whole, name: string) => {
    const m = MACROS[name];
    if (m === undefined) throw new Error(`未知的宏 {{${name}}}`);
    return `(?:${m})`;
  });
}

/** `s` as a regex source that matches it literally. */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A source that matches wherever `source` matches on any slice of a text, when run on the whole
 * text: anchors and lookaround assertions are dropped (which only widens the matches) and named
 * groups become plain groups (so sources can be joined). Undefined for backreferences.
 */
export function widenPattern(source: string): string | undefined {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const n = source[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(n) || n === 'k')) return undefined;
      out += c + n;
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === '^' || c === '$') {
      // dropped
    } else if (c === '(' && /^\?(?:=|!|<=|<!)/.test(source.slice(i + 1, i + 4))) {
      i = groupEnd(source, i);
      // with its quantifier, if any (a(?!b){2} would otherwise become a{2})
      const q = /^(?:[?*+]|\{\d+(?:,\d*)?\})\??/.exec(source.slice(i + 1));
      if (q) i += q[0].length;
    } else if (c === '(' && source.startsWith('?<', i + 1)) {
      out += '(?:';
      i = source.indexOf('>', i);
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * Drops a leading quantified character class (`[\u4e00-\u9fa5]{1,14}所回复如下` → `所回复如下`) from
 * a pattern without top-level alternatives: the rest matches wherever the whole did, and the
 * regex engine can then look for the literal instead of trying the class at every character.
 */
export function dropLeadingClass(source: string): string {
  const m = /^\[(?:\\.|[^\]\\])*\](?:\{\d*,?\d*\}|[*+?])\??/.exec(source);
  if (!m || m[0].length === source.length || hasTopLevelAlternative(source)) return source;
  return source.slice(m[0].length);
}

function hasTopLevelAlternative(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/** Index of the ')' closing the group that opens at `open`. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return source.length;
}

/**
 * One source matching wherever any of `sources` (macros expanded) matches on any slice of a text,
 * for a quick "can this list match anywhere in this document?" scan before per-sentence work
 * (see widenPattern; a leading quantified class is dropped, see dropLeadingClass). Undefined when
 * a source cannot be widened or widens to the empty pattern.
 */
export function widenedSource(sources: readonly string[]): string | undefined {
  const widened: string[] = [];
  for (const s of sources) {
    const w = widenPattern(s);
    if (w === undefined) return undefined;
    const d = dropLeadingClass(w);
    if (d === '') return undefined;
    widened.push(d);
  }
  return widened.map((s) => `(?:${s})`).join('|');
}

/** Whether a source (macros expanded) refers back to a group (\1, \k<name>): it cannot join an alternation. */
export function hasBackreference(source: string): boolean {
  return /\\(?:[1-9]|k<)/.test(source);
}

/**
 * Sources (macros expanded) as few alternations as possible, each run of consecutive sources
 * joined as `(?:a)|(?:b)|…` (a single source stays as it is) with named groups made plain; a
 * source with a backreference stays on its own. At one position a run tries its sources in order,
 * like one alternation of them all.
 */
export function joinedRuns(sources: readonly string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length === 1) out.push(run[0]!);
    else if (run.length) out.push(run.map((s) => `(?:${s})`).join('|'));
    run = [];
  };
  for (const s of sources) {
    if (hasBackreference(s)) {
      flush();
      out.push(s);
    } else {
      run.push(s.replace(/\(\?<(?![=!])[A-Za-z_$][\w$]*>/g, '(?:'));
    }
  }
  flush();
  return out;
}

/** Checks a pattern compiles; returns an error text or undefined. */
export function patternError(source: string): string | undefined {
  try {
    new RegExp(expandMacros(source), 'g');
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
