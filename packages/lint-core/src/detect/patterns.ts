// Regex patterns in rule data, with shared macros ({{date}}, {{time}}, {{phone}}…).
// Patterns run on the Simplified view; matching never relies on \b (useless for Chinese).
import { DOCNUM_LOOSE_SOURCE } from './citation.js';

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

const cache = new Map<string, RegExp>();

/** Compiles a pattern (macros expanded) as a global regex; cached. Throws on a bad pattern. */
export function compilePattern(source: string, flags = 'g'): RegExp {
  const key = `${flags}/${source}`;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(expandMacros(source), flags);
    cache.set(key, re);
  }
  re.lastIndex = 0;
  return re;
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
