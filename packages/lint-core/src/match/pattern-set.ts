// A rule's list of patterns (phrases, triggers, exceptions… as regex sources with macros), compiled
// once: the one way kinds run their patterns. Kinds never build regexes, prefilters or widened
// sources themselves; each question a kind asks has a method here, and the set builds (once, on
// first use) the regex shape that answers it fastest:
//
// - test / firstIndex: the sources joined into one alternation (runs, see joinedRuns), with the
//   first-character prefilter when it has one;
// - forEachMatch: one regex per source, since kinds need to know which pattern matched;
// - spans: the alternation, with the first-character prefilter when it has one (first-chars.ts);
// - gate / mayMatch: the widened alternation (anchors and lookaround dropped, source.ts), with its
//   prefilter, scanned once over a whole document to skip sentences where nothing can match;
// - endsWith / matchesWhole: the alternation anchored at the end / at both ends.
// test and spans leave out, on a text without their literals, the sources that are slow to rule
// out (a long run of a broad class first: required.ts).
//
// Patterns run on the Simplified view and compile without flags. Methods that take a range run the
// patterns on text.slice(start, end), so anchors and lookbehind see the range's edges; offsets in
// and out are offsets into `text`.
import { prefilterOf, type Prefilter } from './first-chars.js';
import { firstMatch, matches, matchSpans } from './scan.js';
import { expandMacros, joinedRuns, widenedSource } from './source.js';
import { mayHold, slowSourceRequirement, type BranchRequirement } from './required.js';

/** The joined regexes of some of a set's sources, with the prefilter of a single one. */
interface Runs {
  res: RegExp[];
  /** The prefilter when there is one run (null: none; undefined: not computed yet). */
  prefilter: Prefilter | null | undefined;
}

/** A [start, end) range of a text (a sentence of a document view). */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Whether a sentence can hold a match (see PatternSet#gate): to be called for sentences in text
 * order; false means no pattern of the set matches inside it.
 */
export type SentenceGate = (sentence: TextRange) => boolean;

/**
 * Called for a match [start, end) (offsets into the text) of pattern number `pattern`. Return true
 * to stop, false to skip the rest of this pattern's matches, nothing to go on.
 */
export type MatchVisitor = (start: number, end: number, pattern: number) => boolean | void;

const OPEN: SentenceGate = () => true;

// one regex per source, shared by the sets that list it (every use sets lastIndex first)
const perSource = new Map<string, RegExp>();

function sourceRegex(source: string): RegExp {
  let re = perSource.get(source);
  if (!re) {
    re = new RegExp(expandMacros(source), 'g');
    perSource.set(source, re);
  }
  return re;
}

export class PatternSet {
  /** Number of patterns. */
  readonly size: number;
  /** Names the list: compilePatterns returns one set per key. */
  readonly key: string;
  private readonly sources: readonly string[];
  private readonly expanded: readonly string[];
  private each: RegExp[] | undefined = undefined;
  private runs: RegExp[] | undefined = undefined;
  /** The widened alternation (null: the sources cannot be widened). */
  private widened: RegExp | null | undefined = undefined;
  private widenedPrefilter: Prefilter | undefined = undefined;
  private endRuns: RegExp[] | undefined = undefined;
  private wholeRuns: RegExp[] | undefined = undefined;
  /**
   * Sources slow to rule out, with the literals they need (required.ts); null when there are none.
   * On a text without those literals, test and spans run the other sources only (`reduced`).
   */
  private slow: { requirement: BranchRequirement[] | undefined }[] | null | undefined = undefined;
  private reduced: Runs | null | undefined = undefined;
  private full: Runs | undefined = undefined;

  constructor(sources: readonly string[], key: string) {
    this.sources = sources;
    this.key = key;
    this.size = sources.length;
    this.expanded = sources.map(expandMacros);
  }

  /**
   * Whether any pattern matches text[start, end); an empty range holds no match. Without a range,
   * the patterns run on `text` itself (even when it is empty).
   */
  test(text: string, start?: number, end?: number): boolean {
    if (this.size === 0) return false;
    let t = text;
    if (start !== undefined) {
      const e = end ?? text.length;
      if (e <= start) return false;
      t = text.slice(start, e);
    }
    const runs = this.runsFor(t);
    if (runs === null) return false;
    return runs.res.length === 1 ? matches(runs.res[0]!, t, prefilterFor(runs)) : anyTest(runs.res, t);
  }

  /** Start of the leftmost match of any pattern in text[start, end) (default: all of it), or -1. */
  firstIndex(text: string, start?: number, end?: number): number {
    if (this.size === 0) return -1;
    const t = start === undefined ? text : text.slice(start, end ?? text.length);
    const full = this.allRuns();
    if (full.res.length === 1) {
      const at = firstMatch(full.res[0]!, t, prefilterFor(full));
      return at < 0 ? -1 : at + (start ?? 0);
    }
    const runs = full.res;
    let at = -1;
    for (let i = 0; i < runs.length; i++) {
      const re = runs[i]!;
      re.lastIndex = 0;
      const m = re.exec(t);
      if (m && (at < 0 || m.index < at)) at = m.index;
    }
    return at < 0 ? -1 : at + (start ?? 0);
  }

  /**
   * Every match in text[start, end), pattern by pattern in list order, each pattern's matches in
   * text order (not overlapping each other; empty matches included); see MatchVisitor. Returns
   * whether the visitor stopped the scan.
   */
  forEachMatch(text: string, start: number, end: number, visit: MatchVisitor): boolean {
    if (this.size === 0) return false;
    const each = this.each ?? this.buildEach();
    const body = text.slice(start, end);
    for (let p = 0; p < each.length; p++) {
      const re = each[p]!;
      re.lastIndex = 0;
      for (let m = re.exec(body); m; m = re.exec(body)) {
        const length = m[0].length;
        // the visitor may use a set that shares this regex: carry on from here afterwards
        const next = length ? re.lastIndex : re.lastIndex + 1;
        const at = start + m.index;
        const r = visit(at, at + length, p);
        if (r === true) {
          re.lastIndex = 0;
          return true;
        }
        if (r === false) break;
        re.lastIndex = next;
      }
      re.lastIndex = 0;
    }
    return false;
  }

  /**
   * The matches of the patterns taken together as one alternation (leftmost first; at one
   * position the earliest pattern in the list that matches there), not overlapping, in text
   * order, empty ones included: start, end pairs (flat).
   */
  spans(text: string): number[] {
    if (this.size === 0) return [];
    const chosen = this.runsFor(text);
    if (chosen === null) return [];
    const runs = chosen.res;
    if (runs.length === 1) return matchSpans(runs[0]!, text, prefilterFor(chosen));
    // sources with backreferences stand on their own: take the leftmost of the runs' next matches
    const out: number[] = [];
    for (let pos = 0; pos <= text.length; ) {
      let best: RegExpExecArray | null = null;
      for (let i = 0; i < runs.length; i++) {
        const re = runs[i]!;
        re.lastIndex = pos;
        const m = re.exec(text);
        if (m && (!best || m.index < best.index)) best = m;
      }
      if (!best) break;
      const end = best.index + best[0].length;
      out.push(best.index, end);
      pos = end > best.index ? end : end + 1;
    }
    for (let i = 0; i < runs.length; i++) runs[i]!.lastIndex = 0;
    return out;
  }

  /**
   * Which sentences of `text` (a whole document view) can hold a match, from one scan of the
   * whole text with the widened alternation, which matches wherever a pattern matches on any
   * slice. Undefined when nothing can match anywhere (the rule has no per-sentence work). When
   * the sources cannot be widened, every sentence is a candidate.
   */
  gate(text: string): SentenceGate | undefined {
    if (this.size === 0) return undefined;
    if (this.widened === undefined) this.buildWidened();
    const any = this.widened;
    if (!any) return OPEN;
    const hits = matchSpans(any, text, this.widenedPrefilter); // start, end pairs in text order
    if (!hits.length) return undefined;
    let h = 0;
    let last = -1;
    return (s) => {
      if (s.start < last) h = 0; // not in text order: start over
      last = s.start;
      // drop hits that end before this sentence (an empty hit at s.start stays)
      while (h < hits.length && hits[h + 1]! <= s.start && hits[h]! < s.start) h += 2;
      return h < hits.length && hits[h]! < s.end;
    };
  }

  /**
   * A quick test on a whole text: false only when no pattern can match in any slice of it (the
   * widened alternation does not match).
   */
  mayMatch(text: string): boolean {
    if (this.size === 0) return false;
    if (this.widened === undefined) this.buildWidened();
    const any = this.widened;
    if (!any) return true;
    any.lastIndex = 0;
    return any.test(text);
  }

  /** Whether a match of any pattern in text[start, end) ends at `end` (runs even on an empty range). */
  endsWith(text: string, start: number, end: number): boolean {
    if (this.size === 0) return false;
    this.endRuns ??= this.anchored('', '$');
    return anyTest(this.endRuns, text.slice(start, end));
  }

  /** Whether some pattern matches all of `text`. */
  matchesWhole(text: string): boolean {
    if (this.size === 0) return false;
    this.wholeRuns ??= this.anchored('^', '$');
    return anyTest(this.wholeRuns, text);
  }

  private buildRuns(): RegExp[] {
    return (this.runs = joinedRuns(this.expanded).map((s) => new RegExp(s, 'g')));
  }

  /**
   * The runs to use on `text`: all sources, or (when the text lacks what the slow sources need)
   * the others only; null when no source can match. The same matches either way: a source that
   * cannot match anywhere in the text never takes part in the alternation's result.
   */
  private runsFor(text: string): Runs | null {
    if (this.slow === undefined) {
      const slow = this.expanded.map((source) => ({ requirement: slowSourceRequirement(source) }));
      this.slow = slow.some((x) => x.requirement) ? slow : null;
    }
    if (this.slow !== null) {
      let possible = false;
      for (const x of this.slow) {
        if (x.requirement && mayHold(x.requirement, text)) {
          possible = true;
          break;
        }
      }
      if (!possible) {
        if (this.reduced === undefined) {
          const rest = this.expanded.filter((_, i) => !this.slow![i]!.requirement);
          this.reduced = rest.length ? { res: joinedRuns(rest).map((s) => new RegExp(s, 'g')), prefilter: undefined } : null;
        }
        return this.reduced;
      }
    }
    return this.allRuns();
  }

  private allRuns(): Runs {
    return (this.full ??= { res: this.runs ?? this.buildRuns(), prefilter: undefined });
  }

  private buildEach(): RegExp[] {
    return (this.each = this.sources.map(sourceRegex));
  }

  private buildWidened(): void {
    const source = widenedSource(this.expanded);
    let re: RegExp | null = null;
    if (source !== undefined) {
      try {
        re = new RegExp(source, 'g');
      } catch {
        // e.g. a quantifier left dangling by a dropped assertion: no widened scan
      }
    }
    this.widened = re;
    this.widenedPrefilter = re ? prefilterOf(re) : undefined;
  }

  private anchored(before: string, after: string): RegExp[] {
    return joinedRuns(this.expanded.map((s) => `${before}(?:${s})${after}`)).map((s) => new RegExp(s, 'g'));
  }
}

/** The prefilter of a single run (first-chars.ts), worked out on first use. */
function prefilterFor(runs: Runs): Prefilter | undefined {
  if (runs.prefilter === undefined) runs.prefilter = prefilterOf(runs.res[0]!) ?? null;
  return runs.prefilter ?? undefined;
}

function anyTest(res: readonly RegExp[], text: string): boolean {
  for (let i = 0; i < res.length; i++) {
    const re = res[i]!;
    re.lastIndex = 0;
    if (re.test(text)) return true;
  }
  return false;
}

const sets = new Map<string, PatternSet>();

/**
 * The pattern set of `sources` (regex sources, macros allowed, as validated by patternSchema).
 * Sets are kept per list of sources: call this where a kind prepares its options (prepared()),
 * not per document.
 */
export function compilePatterns(sources: readonly string[]): PatternSet {
  const key = `${sources.length}\u0000${sources.join('\u0000')}`;
  let set = sets.get(key);
  if (!set) {
    set = new PatternSet([...sources], key);
    sets.set(key, set);
  }
  return set;
}
