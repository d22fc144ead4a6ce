// Regex scanning helpers for hot paths.
import { nextCandidate, type Prefilter } from './first-chars.js';

const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

/**
 * All matches of a global regex in `text`, like [...text.matchAll(re)] but without the regex copy
 * matchAll makes on every call (a large part of the cost of scanning a short sentence).
 * With the regex's prefilter (first-chars.ts, computed once where the regex is prepared),
 * the regex runs only where a match can start: same matches. Leaves `re.lastIndex` at 0.
 */
export function execAll(re: RegExp, text: string, prefilter?: Prefilter): readonly RegExpExecArray[] {
  if (!re.global) throw new TypeError('execAll needs a global regex');
  if (prefilter) return execAllFiltered(prefilter, text);
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

function execAllFiltered({ bits, sticky }: Prefilter, text: string): readonly RegExpExecArray[] {
  // the pattern cannot match the empty string: after a match the scan goes on at its end
  let out: RegExpExecArray[] | undefined;
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
  return out ?? NO_MATCHES;
}
