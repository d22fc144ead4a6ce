// A fast reader for the front matter most tickets have: one `key: value` per line, values that
// are plain text, simple quoted strings, whole numbers, true/false, or a one-line flow mapping of
// those (`handler: { name: 王磊, phone: "0527-84361234" }`). It returns exactly what js-yaml's core
// schema returns for such text, or undefined for anything else (comments, block scalars, lists,
// nesting, escapes, duplicate keys, numbers other than plain integers, null…), and the caller
// falls back to js-yaml. test/parse/flat-yaml.test.ts checks the agreement with js-yaml.

/**
 * A key of ASCII letters, digits, `_`, `-` and CJK ideographs, not starting with a digit or `-`
 * (`/^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff-]*$/`, as a character loop: keys are checked for
 * every line of every file).
 */
function isPlainKey(key: string): boolean {
  const n = key.length;
  if (!n) return false;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || (c >= 0x4e00 && c <= 0x9fff);
    if (letter) continue;
    if (i > 0 && ((c >= 0x30 && c <= 0x39) || c === 0x2d)) continue;
    return false;
  }
  return true;
}
/** Plain scalars that core schema resolves to something other than a string, or that need care. */
const SPECIAL_WORD = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|\.inf|\.Inf|\.INF|\.nan|\.NaN|\.NAN|[-+]\.(?:inf|Inf|INF))$/;
/** Characters every core-schema int (any base) or float is made of: such values are left to js-yaml. */
const NUMBERISH = /^[-+0-9a-fA-FxXoObB_.]+$/;
const DECIMAL_INT = /^(?:0|[1-9]\d{0,14})$/;
const PLAIN_WORD = /^[A-Za-z_][\w-]*$/;

type Scalar = string | number | boolean;

/**
 * Plain text that core schema can only read as that same string: it starts with a CJK ideograph
 * (no null/bool/number/indicator starts so) and has no `:`, `#`, tab, quote or flow punctuation.
 */
const CJK_PLAIN = /^[\u4e00-\u9fff][^:#\t,[\]{}"']*$/;
/** A local date-time such as `2024-03-12 09:30`: a string in core schema (it has no timestamps). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

/** A scalar in block (`flow` false) or flow context, or undefined when it needs the real parser. */
function scalar(raw: string, flow: boolean): Scalar | undefined {
  const v = raw.trim();
  if (!v) return undefined;
  if (CJK_PLAIN.test(v) || DATE_TIME.test(v)) return v;
  const q = v.charCodeAt(0);
  if (q === 0x22 /* " */) {
    if (v.length < 2 || !v.endsWith('"')) return undefined;
    const inner = v.slice(1, -1);
    return inner.includes('"') || inner.includes('\\') ? undefined : inner;
  }
  if (q === 0x27 /* ' */) {
    if (v.length < 2 || !v.endsWith("'")) return undefined;
    const inner = v.slice(1, -1);
    return inner.includes("'") ? undefined : inner;
  }
  if (v === 'true') return true;
  if (v === 'false') return false;
  // a word of letters, digits, `_` and `-` starting with a letter or `_` has no indicator, `:`,
  // `#`, tab or flow character: only null/bool spellings and hex-like words need the parser
  if (PLAIN_WORD.test(v)) return SPECIAL_WORD.test(v) || NUMBERISH.test(v) ? undefined : v;
  if (DECIMAL_INT.test(v)) return Number(v);
  if (SPECIAL_WORD.test(v) || NUMBERISH.test(v)) return undefined;
  // indicators that start something other than a plain scalar
  if (/^[-?:,[\]{}#&*!|>%@`]/.test(v)) return undefined;
  if (/:(?:\s|$)|\s#|\t/.test(v)) return undefined;
  if (flow && /[,[\]{}]/.test(v)) return undefined;
  return v;
}

const isFlowBracket = (c: number): boolean => c === 0x7b || c === 0x7d || c === 0x5b || c === 0x5d; // { } [ ]

/**
 * Whether a flow mapping's body has no nesting and only simple quoted runs: outside quotes no
 * `{ } [ ]`; every quote closes, and a quoted run holds no `, { } [ ]` (nor `\\` in double quotes).
 * (The same as: removing `"[^"\\,{}[\]]*"` and `'[^',{}[\]]*'` runs leaves none of `{}[]"'`.)
 */
function flowBodyOk(body: string): boolean {
  for (let i = 0, n = body.length; i < n; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      let j = i + 1;
      for (; j < n; j++) {
        const d = body.charCodeAt(j);
        if (d === c) break;
        if (d === 0x2c || isFlowBracket(d) || (c === 0x22 && d === 0x5c)) return false;
      }
      if (j >= n) return false;
      i = j;
    } else if (isFlowBracket(c)) {
      return false;
    }
  }
  return true;
}

/** `{ a: b, c: d }` on one line; undefined when not that simple. */
function flowMap(raw: string): Record<string, Scalar> | undefined {
  const v = raw.trim();
  if (!v.startsWith('{') || !v.endsWith('}')) return undefined;
  const body = v.slice(1, -1);
  if (!flowBodyOk(body)) return undefined;
  const out: Record<string, Scalar> = {};
  if (!body.trim()) return out;
  // entries between commas (flowBodyOk allows no comma inside quotes)
  for (let from = 0; from <= body.length; ) {
    let to = body.indexOf(',', from);
    if (to < 0) to = body.length;
    const i = body.indexOf(': ', from);
    if (i < 0 || i >= to) return undefined;
    const key = body.slice(from, i).trim();
    if (!isPlainKey(key) || key === '__proto__' || Object.prototype.hasOwnProperty.call(out, key)) return undefined;
    const value = scalar(body.slice(i + 2, to), true);
    if (value === undefined) return undefined;
    out[key] = value;
    from = to + 1;
  }
  return out;
}

/** The mapping, or undefined when the text is not of the simple flat kind. */
export function readFlatYaml(text: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let any = false;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const lineStart = start;
    start = end + 1;
    if (end > lineStart && text.charCodeAt(end - 1) === 0x0d) end--;
    if (end === lineStart) continue;
    const line = text.slice(lineStart, end);
    const c = line.charCodeAt(0);
    // a blank line is skipped; only a line starting with a space, a control or a non-ASCII
    // character can be one (trim() knows the Unicode blanks)
    if ((c <= 0x20 || c >= 0x7f) && !line.trim()) continue;
    if (c === 0x20 || c === 0x09) return undefined; // indentation: nesting or a continued scalar
    const i = line.indexOf(': ');
    if (i < 0) return undefined;
    const key = line.slice(0, i);
    if (!isPlainKey(key) || key === '__proto__' || Object.prototype.hasOwnProperty.call(out, key)) return undefined;
    const raw = line.slice(i + 2);
    const value = raw.trimStart().startsWith('{') ? flowMap(raw) : scalar(raw, false);
    if (value === undefined) return undefined;
    out[key] = value;
    any = true;
  }
  return any ? out : undefined;
}
