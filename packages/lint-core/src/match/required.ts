// Literals a pattern cannot match without, for the patterns that are slow to rule out: a pattern
// that opens with a long run of a broad character class (`[^。！？，,]{0,60}(?:电话|短信)…`, the
// words before a phrase taken with it) is tried at every position of a text, for up to that many
// characters each, before it fails, and no first-character prefilter (first-chars.ts) can skip a
// position. Such a pattern cannot match a text that lacks its literals (电话 or 短信, and the
// other words every match holds), so a pattern set leaves it out of the regex it runs on such a
// text (pattern-set.ts): the same matches, since an alternative that cannot match anywhere never
// takes part in an alternation's result.
//
// The analysis is conservative: it reads the source's top-level sequence only, takes as required
// the plain literal runs and the groups of plain literal alternatives that no quantifier can skip,
// and gives up (no requirement) on anything it does not follow.

/** One literal group: a match contains at least one of these strings. */
export type LiteralGroup = readonly string[];
/** A branch's requirement: every group holds. */
export type BranchRequirement = readonly LiteralGroup[];

/** The longest run of a broad class at a branch's start that makes a pattern slow to rule out. */
const SLOW_RUN = 8;

interface Token {
  kind: 'literal' | 'group' | 'other' | 'lookaround' | 'anchor';
  /** literal: the character; group: its literal alternatives (undefined when not plain). */
  text?: string;
  alternatives?: string[];
  /** Minimum and maximum repetitions (max Infinity); 1,1 without a quantifier. */
  min: number;
  max: number;
  /** A character class or `.` (for the slow-start test). */
  broad?: boolean;
}

const META = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);

/**
 * Calls `visit` with each character of `source` from `from` that is neither escaped nor inside a
 * character class, until it returns true: the index it stopped at; -1 at the end, -2 when a class
 * is left open.
 */
function scanStructure(source: string, from: number, visit: (c: string, i: number) => boolean): number {
  let inClass = false;
  for (let i = from; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (visit(c, i)) return i;
  }
  return inClass ? -2 : -1;
}

/** Splits a source at its top-level `|`; undefined when the source is malformed. */
function topLevelBranches(source: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  const stop = scanStructure(source, 0, (c, i) => {
    if (c === '(') depth++;
    else if (c === ')') return --depth < 0;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
    return false;
  });
  if (stop !== -1 || depth !== 0) return undefined;
  out.push(source.slice(from));
  return out;
}

/** End (exclusive) of the group opening at `i`, or -1. */
function groupEnd(source: string, i: number): number {
  let depth = 0;
  const at = scanStructure(source, i, (c) => {
    if (c === '(') depth++;
    else if (c === ')') return --depth === 0;
    return false;
  });
  return at >= 0 ? at + 1 : -1;
}

/** End (exclusive) of the character class opening at `i`, or -1. */
function classEnd(source: string, i: number): number {
  for (let k = i + 1; k < source.length; k++) {
    if (source[k] === '\\') k++;
    else if (source[k] === ']' && k > i + 1) return k + 1;
  }
  return -1;
}

/** A quantifier at `i`: its bounds and length (0: none); undefined when it cannot be read. */
function quantifier(source: string, i: number): { min: number; max: number; length: number } | undefined {
  const c = source[i];
  let q: { min: number; max: number; length: number } | undefined;
  if (c === '?') q = { min: 0, max: 1, length: 1 };
  else if (c === '*') q = { min: 0, max: Infinity, length: 1 };
  else if (c === '+') q = { min: 1, max: Infinity, length: 1 };
  else if (c === '{') {
    const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(i));
    if (!m) return undefined;
    const min = Number(m[1]);
    q = { min, max: m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]), length: m[0].length };
  } else return { min: 1, max: 1, length: 0 };
  if (source[i + q.length] === '?') q.length++; // lazy
  return q;
}

/** The plain literal alternatives of a group body (`a|bc|d`), or undefined. */
function literalAlternatives(body: string): string[] | undefined {
  const alts = body.split('|');
  for (const a of alts) {
    if (a === '') return undefined;
    for (const ch of a) if (META.has(ch)) return undefined;
  }
  return alts;
}

/** The tokens of one branch (no top-level `|`), or undefined when it cannot be read. */
function tokens(branch: string): Token[] | undefined {
  const out: Token[] = [];
  for (let i = 0; i < branch.length; ) {
    const c = branch[i]!;
    let token: Token;
    let end: number;
    if (c === '^' || c === '$') {
      out.push({ kind: 'anchor', min: 1, max: 1 });
      i++;
      continue;
    }
    if (c === '(') {
      end = groupEnd(branch, i);
      if (end < 0) return undefined;
      const inner = branch.slice(i + 1, end - 1);
      if (/^\?(?:=|!|<=|<!)/.test(inner)) {
        out.push({ kind: 'lookaround', min: 1, max: 1 });
        i = end;
        continue;
      }
      const body = inner.startsWith('?:') ? inner.slice(2) : inner.startsWith('?<') ? inner.slice(inner.indexOf('>') + 1) : inner;
      const alternatives = literalAlternatives(body);
      token = alternatives ? { kind: 'group', alternatives, min: 1, max: 1 } : { kind: 'other', min: 1, max: 1 };
    } else if (c === '[') {
      end = classEnd(branch, i);
      if (end < 0) return undefined;
      // broad: a negated class or one with the CJK block (it matches at most positions of a reply)
      const body = branch.slice(i + 1, end - 1);
      token = { kind: 'other', broad: body.startsWith('^') || /\\u4e00-|\u4e00-/.test(body), min: 1, max: 1 };
    } else if (c === '.') {
      end = i + 1;
      token = { kind: 'other', broad: true, min: 1, max: 1 };
    } else if (c === '\\') {
      const next = branch[i + 1];
      if (next === undefined) return undefined;
      if (/[A-Za-z0-9]/.test(next)) {
        // \d \s \w \u4e00 \x20 \1 …: not a literal (\u and \x escapes are skipped whole)
        end = i + 2 + (next === 'u' ? 4 : next === 'x' ? 2 : 0);
        token = { kind: 'other', broad: /[DSW]/.test(next), min: 1, max: 1 };
      } else {
        end = i + 2;
        token = { kind: 'literal', text: next, min: 1, max: 1 };
      }
    } else if (c === ')' || c === ']' || c === '{' || c === '}' || c === '?' || c === '*' || c === '+' || c === '|') {
      return undefined;
    } else {
      // a code point (a surrogate pair is one character of the pattern)
      const cp = branch.codePointAt(i)!;
      end = i + (cp > 0xffff ? 2 : 1);
      token = { kind: 'literal', text: branch.slice(i, end), min: 1, max: 1 };
    }
    const q = quantifier(branch, end);
    if (!q) return undefined;
    token.min = q.min;
    token.max = q.max;
    out.push(token);
    i = end + q.length;
  }
  return out;
}

/** Whether a branch opens (after lookbehinds) with a long run of a broad class: slow to rule out. */
function slowStart(ts: readonly Token[]): boolean {
  for (const t of ts) {
    if (t.kind === 'lookaround') continue;
    if (t.kind === 'anchor') return false; // ^…: tried at one position only
    return t.broad === true && t.max >= SLOW_RUN;
  }
  return false;
}

/** What every match of a branch holds: its unskippable literal runs and literal groups. */
function branchRequirement(ts: readonly Token[]): LiteralGroup[] {
  const groups: LiteralGroup[] = [];
  let run = '';
  const flush = () => {
    if (run) groups.push([run]);
    run = '';
  };
  for (const t of ts) {
    if (t.kind === 'literal' && t.min === 1 && t.max === 1) {
      run += t.text!;
      continue;
    }
    flush();
    if (t.kind === 'group' && t.min >= 1) groups.push(t.alternatives!);
  }
  flush();
  return groups;
}

/**
 * The requirement of a slow source: one entry per top-level branch, each a list of literal groups
 * that every match of that branch holds. Undefined when the source is not slow to rule out, or
 * when some branch has no literal requirement (then nothing can be left out).
 */
export function slowSourceRequirement(source: string): BranchRequirement[] | undefined {
  const branches = topLevelBranches(source);
  if (!branches) return undefined;
  const parsed: Token[][] = [];
  for (const b of branches) {
    const ts = tokens(b);
    if (!ts) return undefined;
    parsed.push(ts);
  }
  if (!parsed.some(slowStart)) return undefined;
  const out: BranchRequirement[] = [];
  for (const ts of parsed) {
    const req = branchRequirement(ts);
    if (req.length === 0) return undefined;
    out.push(req);
  }
  return out;
}

/** Whether `text` holds what some branch requires (a match is possible). */
export function mayHold(requirement: readonly BranchRequirement[], text: string): boolean {
  for (const branch of requirement) {
    let all = true;
    for (const group of branch) {
      let any = false;
      for (const s of group) {
        if (text.includes(s)) {
          any = true;
          break;
        }
      }
      if (!any) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}
