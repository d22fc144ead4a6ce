// Regex scanning loops for hot paths: execAll for the detectors' own regexes (dates, phones,
// citations…), matchSpans for the pattern sets (pattern-set.ts).
import { nextCandidate, type Prefilter } from './first-chars.js';

const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

/**
 * All matches of a global regex in `text`, like [...text.matchAll(re)] but without the regex copy
 * matchAll makes on every call (a large part of the cost of scanning a short sentence).
 * Leaves `re.lastIndex` at 0.
 */
export function execAll(re: RegExp, text: string): readonly RegExpExecArray[] {
  if (!re.global) throw new TypeError('execAll needs a global regex');
  re.lastIndex = 0;
  let m = re.exec(text);
  if (!m) return NO_MATCHES;
  const out: RegExpExecArray[] = [];
  while (m) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex = advance(re, text, re.lastIndex);
    m = re.exec(text);
  }
  re.lastIndex = 0;
  return out;
}

/** Where a scan goes on after an empty match at `at` (a whole surrogate pair in unicode mode). */
function advance(re: RegExp, text: string, at: number): number {
  const c = text.charCodeAt(at);
  return at + (re.unicode && c >= 0xd800 && c <= 0xdbff ? 2 : 1);
}

/**
 * Start, end pairs (flat) of all matches of a global regex in `text`, in text order, empty ones
 * included. With the regex's prefilter (first-chars.ts, computed once where the regex is
 * prepared) the regex runs only where a match can start: same matches. Leaves `re.lastIndex` at 0.
 */
export function matchSpans(re: RegExp, text: string, prefilter: Prefilter | undefined): number[] {
  const out: number[] = [];
  if (prefilter) {
    // the pattern cannot match the empty string: after a match the scan goes on at its end
    const { bits, sticky } = prefilter;
    for (let i = nextCandidate(bits, text, 0); i >= 0; ) {
      sticky.lastIndex = i;
      const m = sticky.exec(text);
      if (m) {
        const end = i + m[0].length;
        out.push(i, end);
        i = nextCandidate(bits, text, end);
      } else {
        i = nextCandidate(bits, text, i + 1);
      }
    }
    return out;
  }
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m.index, m.index + m[0].length);
    if (m[0].length === 0) re.lastIndex = advance(re, text, re.lastIndex);
  }
  return out;
}

/**
 * Start of the first match of a global regex in `text`, or -1; with the regex's prefilter, the
 * regex runs only where a match can start. Leaves `re.lastIndex` at 0.
 */
export function firstMatch(re: RegExp, text: string, prefilter: Prefilter | undefined): number {
  if (prefilter) {
    const { bits, sticky } = prefilter;
    for (let i = nextCandidate(bits, text, 0); i >= 0; i = nextCandidate(bits, text, i + 1)) {
      sticky.lastIndex = i;
      if (sticky.test(text)) return i;
    }
    return -1;
  }
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m ? m.index : -1;
}

/** Whether a global regex matches in `text` (see firstMatch). Leaves `re.lastIndex` at 0. */
export function matches(re: RegExp, text: string, prefilter: Prefilter | undefined): boolean {
  if (prefilter) return firstMatch(re, text, prefilter) >= 0;
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}
