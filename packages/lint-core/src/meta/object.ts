// Ticket metadata passed as data (`lint(text, { meta })`: a batch row, an HTTP body, an editor's
// settings): the same keys, aliases and validation as front matter, with problems that name the
// key instead of pointing into the text. Front matter in the text is merged under it.
import type { TicketMeta } from '../types.js';
import { canonicalMetaKey, type MetaKey } from './keys.js';
import { describeValue, isPlainObject, readField } from './fields.js';

/** A problem with a value passed as data: it has no place in the text, it names the key. */
export interface MetaObjectProblem {
  messageId: 'notMapping' | 'invalidValue' | 'duplicateKey';
  data: Record<string, string>;
  /** The key as written (`dispatchedAt`, `派单时间`, `handler.phone`). */
  key: string;
}

export interface MetaObjectResult {
  meta: TicketMeta;
  problems: MetaObjectProblem[];
  /** Canonical keys given (valid or not): front matter values of these keys are overridden. */
  keys: Set<MetaKey>;
}

/** Reads a metadata object. `undefined` and `null` values count as absent. */
export function readMetaObject(input: unknown): MetaObjectResult {
  const meta: TicketMeta = { extra: {} };
  const problems: MetaObjectProblem[] = [];
  const keys = new Set<MetaKey>();
  if (input === undefined || input === null) return { meta, problems, keys };
  if (!isPlainObject(input)) {
    problems.push({ messageId: 'notMapping', data: {}, key: '' });
    return { meta, problems, keys };
  }
  const rawOf = new Map<MetaKey, string>();
  for (const rawKey of Object.keys(input)) {
    const value = input[rawKey];
    if (value === undefined || value === null) continue;
    const key = canonicalMetaKey(rawKey);
    if (!key) {
      meta.extra[rawKey] = value;
      continue;
    }
    const earlier = rawOf.get(key);
    if (earlier !== undefined) problems.push({ messageId: 'duplicateKey', data: { key: rawKey, first: earlier }, key: rawKey });
    rawOf.set(key, rawKey);
    keys.add(key);
    const field = readField(key, value);
    if (!field.ok) {
      problems.push({ messageId: 'invalidValue', data: { key: `${rawKey}${field.subPath}`, expected: field.expected, actual: describeValue(value) }, key: `${rawKey}${field.subPath}` });
      continue;
    }
    (meta as unknown as Record<string, unknown>)[key] = field.value;
  }
  return { meta, problems, keys };
}

/**
 * `over` (metadata passed as data) merged over `under` (front matter): a key given in `over`
 * replaces the front matter's value, except that the fields of `citizen`, `handler`, `approval`
 * and `extension` are merged one by one (a platform may send the handler's unit only).
 */
export function mergeMeta(under: TicketMeta, over: TicketMeta): TicketMeta {
  // copied key by key into a fresh object: V8 adds a property to an object made by spreading
  // (`{ ...under }`) on a slow path, about 1 µs each, which made this ~6 µs of every lint() with data
  const u = under as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(u)) out[k] = u[k];
  for (const k of Object.keys(over)) {
    const v = (over as unknown as Record<string, unknown>)[k];
    if (k === 'extra' || v === undefined) continue;
    const prev = out[k];
    out[k] = isPlainObject(v) && isPlainObject(prev) ? { ...prev, ...v } : v;
  }
  out.extra = { ...under.extra, ...over.extra };
  return out as unknown as TicketMeta;
}
