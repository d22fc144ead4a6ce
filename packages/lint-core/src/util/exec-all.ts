// Regex scanning helpers for hot paths.

const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

/**
 * All matches of a global regex in `text`, like [...text.matchAll(re)] but without the regex copy
 * matchAll makes on every call (a large part of the cost of scanning a short sentence).
 * Resets and leaves `re.lastIndex` at 0.
 */
export function execAll(re: RegExp, text: string): readonly RegExpExecArray[] {
  if (!re.global) throw new TypeError('execAll needs a global regex');
  re.lastIndex = 0;
  let m = re.exec(text);
  if (!m) return NO_MATCHES;
  const out: RegExpExecArray[] = [];
  while (m) {
    out.push(m);
    if (m[0].length === 0) {
      const c = text.charCodeAt(re.lastIndex);
      re.lastIndex += re.unicode && c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    m = re.exec(text);
  }
  re.lastIndex = 0;
  return out;
}
