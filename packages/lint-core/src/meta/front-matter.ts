// Ticket metadata from YAML front matter: English keys or their Chinese aliases (SPEC §2, the
// table in meta/keys.ts). Each key is validated on its own (meta/fields.ts), so one wrong key is
// one diagnostic at its line and the other keys still reach the rules. Unknown keys are kept in
// `extra`.
//
// Speed: front matter is parsed on every lint, so values come from a reader for flat one-line
// `key: value` front matter (parse/flat-yaml.ts), else from js-yaml (~0.03 ms for a typical
// ticket); the `yaml` document with node ranges (~0.25 ms) is built only when a range is needed —
// a syntax error, an invalid value, or a rule pointing at a key.
import jsyaml from 'js-yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import { yaml } from '../util/lazy-yaml.js';
import { aliasRange, yamlErrorDetail } from '../util/yaml-source.js';
import { readFlatYaml } from '../parse/flat-yaml.js';
import type { Range, TicketMeta } from '../types.js';
import { canonicalMetaKey, META_KEYS } from './keys.js';
import { describeValue, readField } from './fields.js';

export interface MetadataProblem {
  messageId: 'yamlSyntax' | 'notMapping' | 'invalidValue' | 'duplicateKey' | 'fullWidthColon';
  data: Record<string, string>;
  range: Range;
  fatal?: boolean;
  /** 1: a warning (the metadata was still read); default an error. */
  severity?: 1;
  fix?: { range: Range; text: string };
}

export interface MetadataResult {
  meta: TicketMeta;
  problems: MetadataProblem[];
  /** Source ranges of the values of known keys (canonical name → range), for rules that point at metadata. */
  keyRanges: Partial<Record<keyof TicketMeta, Range>>;
}

const SIMPLE_VALUE = /^[^\s|>[\]{}&*!#%@`,'"?:-]/;

/**
 * Range [start, end) of the value of a top-level key written on one line as `key: value` with a
 * plain or single-line quoted scalar, no comment, and the key occurring once; otherwise undefined.
 * Same range as the `yaml` package's node range for these cases (see metadata.test.ts).
 */
export function simpleValueRange(yamlText: string, rawKey: string): Range | undefined {
  let found: Range | undefined;
  for (let at = yamlText.indexOf(rawKey); at >= 0; at = yamlText.indexOf(rawKey, at + 1)) {
    if (at > 0 && yamlText[at - 1] !== '\n') continue;
    let i = at + rawKey.length;
    while (yamlText[i] === ' ' || yamlText[i] === '\t') i++;
    if (yamlText[i] !== ':') continue;
    if (found) return undefined; // duplicate key
    i++;
    if (yamlText[i] !== ' ' && yamlText[i] !== '\t') return undefined;
    while (yamlText[i] === ' ' || yamlText[i] === '\t') i++;
    let end = yamlText.indexOf('\n', i);
    if (end < 0) end = yamlText.length;
    // an indented next line continues a plain scalar over several lines
    if (/^[ \t]+\S/.test(yamlText.slice(end + 1, end + 200))) return undefined;
    while (end > i && /[ \t\r]/.test(yamlText[end - 1]!)) end--;
    const value = yamlText.slice(i, end);
    if (!value) return undefined;
    const quote = value[0] === '"' || value[0] === "'" ? value[0] : undefined;
    if (quote) {
      if (value.length < 2 || value[value.length - 1] !== quote || value.slice(1, -1).includes(quote)) return undefined;
    } else if (!SIMPLE_VALUE.test(value) || value.includes(' #') || value.includes('\t#') || /:[ \t]/.test(value)) {
      return undefined;
    }
    found = [i, end];
  }
  return found;
}

/**
 * Source ranges of the values of the known keys present, computed when a rule asks (a getter per
 * known key on the prototype: no per-document property definitions).
 */
class KeyRanges {
  constructor(
    readonly rawKeys: ReadonlyMap<string, string>,
    readonly rangeOf: (rawKey: string) => Range,
  ) {}
}
for (const { key } of META_KEYS) {
  Object.defineProperty(KeyRanges.prototype, key, {
    get(this: KeyRanges) {
      const raw = this.rawKeys.get(key);
      return raw === undefined ? undefined : this.rangeOf(raw);
    },
  });
}

/** File line of an offset in the front matter text (it starts on line 2, after the opening `---`). */
const fileLine = (yamlText: string, offset: number): number => yamlText.slice(0, offset).split('\n').length + 1;

/**
 * A key given twice at the top level (js-yaml refuses such a mapping, `yaml` keeps the last
 * value): reported at the later occurrence, since the ticket's metadata is then ambiguous.
 */
function duplicateKeys(doc: Document, yamlText: string, base: number): MetadataProblem[] {
  const { isMap, isScalar } = yaml();
  if (!isMap(doc.contents)) return [];
  const seen = new Map<string, number>();
  const out: MetadataProblem[] = [];
  for (const pair of doc.contents.items as Pair<YamlNode, YamlNode>[]) {
    const key = pair.key as YamlNode | null;
    if (!key?.range) continue;
    const name = isScalar(key) ? String(key.value) : String(key);
    const first = seen.get(name);
    if (first === undefined) {
      seen.set(name, key.range[0]);
      continue;
    }
    out.push({ messageId: 'duplicateKey', data: { key: name, first: name, line: String(fileLine(yamlText, first)) }, range: [base + key.range[0], base + Math.max(key.range[0] + 1, key.range[1])] });
  }
  return out;
}

// `诉求类型：投诉` typed with a Chinese keyboard: a key, then a full-width colon. (A line with an
// ASCII `: ` before the full-width colon is a value that contains one, and is left alone; so are
// the lines of a block scalar such as `request: |`.)
const FULL_WIDTH_KEY = /^([ \t]*(?:- )?)([^\s:：#'"\-[{][^:：\n]*?)[ \t]*：[ \t\u3000]*/;
const BLOCK_SCALAR = /:[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?$/;

/**
 * Metadata from front matter. Keys written with a full-width colon (`类型：投诉`) are read as keys
 * (each reported once, with a fix to `类型: 投诉`), instead of making the whole front matter a
 * string.
 */
export function parseMetadata(yamlText: string, base: number, fmRange: Range): MetadataResult {
  if (!yamlText.includes('：')) return parseYamlMetadata(yamlText, base, fmRange);
  // the text with `key: ` written for each `key：`, and where it grew (to map positions back)
  const fixes: MetadataProblem[] = [];
  const grew: { at: number; by: number }[] = []; // in the rewritten text: `by` characters inserted before `at`
  let fixed = '';
  let blockIndent: number | undefined; // inside a block scalar whose key is indented this much
  let offset = 0;
  for (const line of yamlText.split('\n')) {
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (blockIndent !== undefined && (line.trim() === '' || indent > blockIndent)) {
      fixed += `${line}\n`;
      offset += line.length + 1;
      continue;
    }
    blockIndent = undefined;
    let out = line;
    const m = FULL_WIDTH_KEY.exec(line);
    if (m) {
      const all = m[0];
      const colon = offset + all.indexOf('：', m[1]!.length + m[2]!.length);
      const replacement = `${m[1]}${m[2]}: `;
      fixes.push({
        messageId: 'fullWidthColon',
        severity: 1,
        data: { key: m[2]! },
        range: [base + colon, base + colon + 1],
        fix: { range: [base + colon, base + offset + all.length], text: ': ' },
      });
      const by = replacement.length - all.length;
      if (by !== 0) grew.push({ at: fixed.length + replacement.length - by, by });
      out = replacement + line.slice(all.length);
    }
    if (BLOCK_SCALAR.test(out)) blockIndent = indent;
    fixed += `${out}\n`;
    offset += line.length + 1;
  }
  fixed = fixed.slice(0, -1);
  if (!fixes.length) return parseYamlMetadata(yamlText, base, fmRange);
  const back = (pos: number): number => {
    let p = pos - base;
    let shift = 0;
    for (const g of grew) if (g.at <= p) shift += g.by;
    p -= shift;
    return base + Math.max(0, Math.min(p, yamlText.length));
  };
  const mapRange = (r: Range): Range => (r === fmRange ? r : [back(r[0]), Math.max(back(r[0]) + 1, back(r[1]))]);
  const inner = parseYamlMetadata(fixed, base, fmRange);
  const ranges = inner.keyRanges as Record<string, Range | undefined>;
  const keyRanges: Record<string, Range | undefined> = {};
  for (const { key } of META_KEYS) {
    Object.defineProperty(keyRanges, key, {
      get: () => {
        const r = ranges[key];
        return r === undefined ? undefined : mapRange(r);
      },
      enumerable: true,
    });
  }
  return {
    meta: inner.meta,
    problems: [...fixes, ...inner.problems.map((p) => ({ ...p, range: mapRange(p.range) }))],
    keyRanges: keyRanges as MetadataResult['keyRanges'],
  };
}

function parseYamlMetadata(yamlText: string, base: number, fmRange: Range): MetadataResult {
  const meta: TicketMeta = { extra: {} };
  const problems: MetadataProblem[] = [];
  if (!/\S/.test(yamlText)) return { meta, problems, keyRanges: {} }; // (trim() would copy the text)

  let data: unknown;
  let fast = true;
  try {
    data = readFlatYaml(yamlText) ?? jsyaml.load(yamlText, { schema: jsyaml.CORE_SCHEMA });
  } catch {
    fast = false; // syntax error or a construct js-yaml rejects (e.g. duplicate keys): ask `yaml`
  }
  let doc: Document | undefined;
  const getDoc = () => (doc ??= yaml().parseDocument(yamlText, { schema: 'core', prettyErrors: false, uniqueKeys: false }));
  if (!fast) {
    const d = getDoc();
    if (d.errors.length > 0) {
      const err = d.errors[0]!;
      const at = base + (err.pos?.[0] ?? 0);
      problems.push({
        messageId: 'yamlSyntax',
        data: { detail: yamlErrorDetail(err.code) },
        range: [at, Math.max(at + 1, base + (err.pos?.[1] ?? 0))],
        fatal: true,
      });
      return { meta, problems, keyRanges: {} };
    }
    try {
      data = d.toJS();
    } catch {
      // parses, but is no data: an alias to an anchor that is not defined (x: *y), or too many
      // aliases; reported at the first alias
      const alias = aliasRange(d);
      problems.push({
        messageId: 'yamlSyntax',
        data: { detail: yamlErrorDetail('BAD_ALIAS') },
        range: alias ? [base + alias[0], base + alias[1]] : fmRange,
        fatal: true,
      });
      return { meta, problems, keyRanges: {} };
    }
    problems.push(...duplicateKeys(d, yamlText, base));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ messageId: 'notMapping', data: {}, range: fmRange, fatal: true });
    return { meta, problems, keyRanges: {} };
  }

  // source ranges of the values of known keys, computed on first use: a one-line `key: value`
  // is found by a line scan; anything else asks the `yaml` document
  let ranges: Map<string, Range> | undefined;
  const rangeOf = (rawKey: string): Range => {
    const simple = simpleValueRange(yamlText, rawKey);
    if (simple) return [base + simple[0], base + simple[1]];
    if (!ranges) {
      ranges = new Map();
      const contents = getDoc().contents;
      const { isMap, isScalar } = yaml();
      if (isMap(contents)) {
        for (const pair of contents.items as Pair<YamlNode, YamlNode>[]) {
          const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
          const r = (pair.value?.range ?? (pair.key as YamlNode | null)?.range ?? [0, 0]) as number[];
          ranges.set(k, [base + r[0]!, base + Math.max(r[0]! + 1, r[1]!)]);
        }
      }
    }
    return ranges.get(rawKey) ?? fmRange;
  };

  const rawKeys = new Map<string, string>();
  const keyRanges = new KeyRanges(rawKeys, rangeOf) as MetadataResult['keyRanges'];
  const record = data as Record<string, unknown>;
  for (const rawKey of Object.keys(record)) {
    const value = record[rawKey];
    const key = canonicalMetaKey(rawKey);
    if (!key) {
      meta.extra[rawKey] = value;
      continue;
    }
    const earlier = rawKeys.get(key);
    if (earlier !== undefined) {
      // the same field under two names (`handler` and `承办人`): the later one counts
      const line = fileLine(yamlText, rangeOf(earlier)[0] - base);
      problems.push({ messageId: 'duplicateKey', data: { key: rawKey, first: earlier, line: String(line) }, range: rangeOf(rawKey) });
    }
    rawKeys.set(key, rawKey);
    const field = readField(key, value);
    if (!field.ok) {
      problems.push({
        messageId: 'invalidValue',
        data: { key: `${rawKey}${field.subPath}`, expected: field.expected, actual: describeValue(value) },
        range: rangeOf(rawKey),
      });
      continue;
    }
    (meta as unknown as Record<string, unknown>)[key] = field.value;
  }
  return { meta, problems, keyRanges };
}
