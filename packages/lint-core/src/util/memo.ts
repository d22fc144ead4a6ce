// Work that depends only on a rule's resolved options (compiled regexes, lookup tables) is done
// once per options object, not once per document: resolved options are cached and stable
// (engine/resolve.ts), so kinds key their prepared data on them.
const store = new WeakMap<(o: never) => unknown, WeakMap<object, unknown>>();

export function prepared<O extends object, T>(options: O, build: (options: O) => T): T {
  let byOptions = store.get(build as (o: never) => unknown);
  if (!byOptions) store.set(build as (o: never) => unknown, (byOptions = new WeakMap()));
  if (byOptions.has(options)) return byOptions.get(options) as T;
  const value = build(options);
  byOptions.set(options, value);
  return value;
}

const perDoc = new WeakMap<object, Map<string, unknown>>();

/**
 * Work on one document that several rules share (e.g. where the communication acts are, for
 * contact-time and communication-details): computed once per document and key.
 */
export function perDocument<T>(doc: object, key: string, build: () => T): T {
  let byKey = perDoc.get(doc);
  if (!byKey) perDoc.set(doc, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = build();
  byKey.set(key, value);
  return value;
}
