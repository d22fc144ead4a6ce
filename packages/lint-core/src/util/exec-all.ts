// Regex scanning helpers for hot paths. Regexes whose matches can only start with a few known
// characters are run only where those characters occur (util/first-chars.ts): same matches.
import { nextCandidate, prefilterOf } from './first-chars.js';

const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

/** Texts shorter than this are scanned by the regex alone (the prefilter would not pay off). */
const PREFILTER_MIN_LENGTH = 24;

/**
 * All matches of a global regex in `text`, like [...text.matchAll(re)] but without the regex copy
 * matchAll makes on every call (a large part of the cost of scanning a short sentence).
 * Resets and leaves `re.lastIndex` at 0.
 */
export function execAll(re: RegExp, text: string): readonly RegExpExecArray[] {
  if (!re.global) throw new TypeError('execAll needs a global regex');
  const pf = text.length >= PREFILTER_MIN_LENGTH && !re.sticky ? prefilterOf(re) : undefined;
  if (pf) {
    // the pattern cannot match the empty string: after a match the scan goes on at its end
    let out: RegExpExecArray[] | undefined;
    const { bits, sticky } = pf;
    for (let i = nextCandidate(bits, text, 0); i >= 0; ) {
      sticky.lastIndex = i;
      const m = sticky.exec(text);
      if (m) {
        (out ??= []).push(m);
        i = nextCandidate(bits, text, i + m[0].length);
      } else {
        i = nextCandidate(bits, text, i + 1);
      }
    }
    re.lastIndex = 0;
    return out ?? NO_MATCHES;
  }
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

/**
 * The first match of `re` in `text` (like re.exec with lastIndex 0), or null. Leaves
 * `re.lastIndex` at 0.
 */
export function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
  const pf = text.length >= PREFILTER_MIN_LENGTH && !re.sticky ? prefilterOf(re) : undefined;
  if (pf) {
    const { bits, sticky } = pf;
    for (let i = nextCandidate(bits, text, 0); i >= 0; i = nextCandidate(bits, text, i + 1)) {
      sticky.lastIndex = i;
      const m = sticky.exec(text);
      if (m) {
        re.lastIndex = 0;
        return m;
      }
    }
    re.lastIndex = 0;
    return null;
  }
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m;
}

/** Whether `re` matches anywhere in `text` (like re.test on a fresh lastIndex). */
export function matches(re: RegExp, text: string): boolean {
  return firstMatch(re, text) !== null;
}
