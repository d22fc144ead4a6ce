// First-character prefilter for regex scans.
//
// V8's regex engine tries a pattern at every position of the text, and for a long alternation of
// phrases (the rule lists: 套话, 推诿说法…) it tries each alternative in turn: the 68 套话 take
// 10–20 ns per character of a reply. Most positions cannot start a match: a
// phrase list starts with a few dozen distinct characters. For a pattern whose possible first
// characters are a known set, scanning for those characters in JavaScript and running the regex
// (sticky) only there finds exactly the matches a global scan finds, several times faster once
// the set is too large for V8's own look-ahead (MIN_FIRST).
//
// The set is computed from the pattern source by a small parser that understands literals,
// escapes, character classes, groups, assertions (which consume nothing), alternation and
// quantifiers. A pattern that can match the empty string, can start with any character (`.`, a
// negated class, a large range) or with more than MAX_FIRST characters, or uses the `i`/`u`/`v`
// flags, gets no prefilter, and the regex is used as it is.

import { isSpaceCode } from '../util/chars.js';

/** Above this many possible first characters, the candidate positions are too many. */
const MAX_FIRST = 512;
/**
 * Below this many, V8 finds the candidate positions itself at least as fast (it looks ahead for
 * a few characters when the set is small); measured with the rule lists: a 68-phrase list with
 * 43 first characters scans 4–5× faster with the prefilter, lists with up to ~20 slower.
 */
const MIN_FIRST = 24;

/** The code units /\s/ matches (built on first use). */
let spaces: Set<number> | undefined;
function spaceCodes(): Set<number> {
  if (!spaces) {
    spaces = new Set();
    for (let c = 0; c <= 0xffff; c++) if (isSpaceCode(c)) spaces.add(c);
  }
  return new Set(spaces);
}

class Unsupported extends Error {}

/** Any code unit at all (`.`, a negated class, a large range…). */
const ANY = 'any';
type First = Set<number> | typeof ANY;

interface Part {
  /** Possible first code units. */
  first: First;
  /** Can match the empty string. */
  nullable: boolean;
}

/** Adds `b` to `a` (ANY absorbs everything; so does a set grown past MAX_FIRST). */
function union(a: First, b: First): First {
  if (a === ANY || b === ANY) return ANY;
  for (const c of b) a.add(c);
  return a.size > MAX_FIRST ? ANY : a;
}

class Parser {
  private p = 0;
  constructor(private readonly s: string) {}

  parse(): Part {
    const part = this.alternation();
    if (this.p !== this.s.length) throw new Unsupported();
    return part;
  }

  private alternation(): Part {
    let first: First = new Set<number>();
    let nullable = false;
    for (;;) {
      const seq = this.sequence();
      first = union(first, seq.first);
      nullable ||= seq.nullable;
      if (this.s[this.p] !== '|') return { first, nullable };
      this.p++;
    }
  }

  private sequence(): Part {
    let first: First = new Set<number>();
    let nullable = true;
    // atoms after the first non-optional one are parsed only to find where the sequence ends
    while (this.p < this.s.length && this.s[this.p] !== '|' && this.s[this.p] !== ')') {
      const atom = this.atom();
      const optional = this.quantifier();
      if (nullable) first = union(first, atom.first);
      nullable &&= atom.nullable || optional;
    }
    return { first, nullable };
  }

  /** Parses a quantifier if one follows; returns whether it allows zero repetitions. */
  private quantifier(): boolean {
    const c = this.s[this.p];
    let optional: boolean;
    if (c === '?' || c === '*') {
      optional = true;
      this.p++;
    } else if (c === '+') {
      optional = false;
      this.p++;
    } else if (c === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(this.s.slice(this.p));
      if (!m) return false; // a literal '{' (the next atom)
      optional = Number(m[1]) === 0;
      this.p += m[0].length;
    } else {
      return false;
    }
    if (this.s[this.p] === '?') this.p++; // lazy
    return optional;
  }

  private atom(): Part {
    const c = this.s[this.p]!;
    if (c === '(') {
      this.p++;
      let lookaround = false;
      if (this.s[this.p] === '?') {
        const rest = this.s.slice(this.p + 1, this.p + 3);
        if (rest[0] === ':') this.p += 2;
        else if (rest[0] === '=' || rest[0] === '!') {
          lookaround = true;
          this.p += 2;
        } else if (rest === '<=' || rest === '<!') {
          lookaround = true;
          this.p += 3;
        } else if (rest[0] === '<' && /^<[A-Za-z_$][\w$]*>/.test(this.s.slice(this.p + 1))) this.p = this.s.indexOf('>', this.p) + 1;
        else throw new Unsupported();
      }
      const inner = this.alternation();
      if (this.s[this.p] !== ')') throw new Unsupported();
      this.p++;
      // an assertion consumes nothing: the match starts with what follows it
      return lookaround ? { first: new Set(), nullable: true } : inner;
    }
    if (c === '[') return { first: this.charClass(), nullable: false };
    if (c === '\\') {
      this.p++;
      return this.escape(false);
    }
    if (c === '^' || c === '$') {
      this.p++;
      return { first: new Set(), nullable: true }; // an anchor consumes nothing
    }
    if (c === '.') {
      this.p++;
      return { first: ANY, nullable: false };
    }
    if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?') throw new Unsupported();
    this.p++;
    return { first: new Set([c.charCodeAt(0)]), nullable: false };
  }

  /** After a backslash: what the escape matches. */
  private escape(inClass: boolean): Part {
    const c = this.s[this.p];
    if (c === undefined) throw new Unsupported();
    this.p++;
    const one = (code: number): Part => ({ first: new Set([code]), nullable: false });
    switch (c) {
      case 'd':
        return { first: range(0x30, 0x39), nullable: false };
      case 's':
        return { first: spaceCodes(), nullable: false };
      case 'w': {
        const out = range(0x30, 0x39);
        for (const x of range(0x41, 0x5a)) out.add(x);
        for (const x of range(0x61, 0x7a)) out.add(x);
        out.add(0x5f);
        return { first: out, nullable: false };
      }
      case 'D':
      case 'S':
      case 'W':
        return { first: ANY, nullable: false };
      case 'b':
        if (inClass) return one(0x08);
        return { first: new Set(), nullable: true }; // word boundary: consumes nothing
      case 'B':
        return { first: new Set(), nullable: true };
      case 't':
        return one(0x09);
      case 'n':
        return one(0x0a);
      case 'r':
        return one(0x0d);
      case 'f':
        return one(0x0c);
      case 'v':
        return one(0x0b);
      case 'u': {
        const hex = /^[0-9a-fA-F]{4}/.exec(this.s.slice(this.p));
        if (!hex) throw new Unsupported();
        this.p += 4;
        return one(parseInt(hex[0], 16));
      }
      case 'x': {
        const hex = /^[0-9a-fA-F]{2}/.exec(this.s.slice(this.p));
        if (!hex) throw new Unsupported();
        this.p += 2;
        return one(parseInt(hex[0], 16));
      }
      default:
        if (!inClass && /[1-9]/.test(c)) {
          // a backreference: whatever its group matched (possibly nothing)
          while (/[0-9]/.test(this.s[this.p] ?? '')) this.p++;
          return { first: ANY, nullable: true };
        }
        // \0, \c…, \k<name>, \p{…} and other letters: not handled
        if (/[A-Za-z0-9]/.test(c)) throw new Unsupported();
        return one(c.charCodeAt(0)); // an escaped punctuation character
    }
  }

  private charClass(): First {
    this.p++; // [
    // `[]` matches nothing in JavaScript: not handled
    if (this.s[this.p] === ']') throw new Unsupported();
    const negated = this.s[this.p] === '^';
    if (negated) this.p++;
    let out: First = new Set<number>();
    for (;;) {
      const c = this.s[this.p];
      if (c === undefined) throw new Unsupported();
      if (c === ']') {
        this.p++;
        return negated ? ANY : out;
      }
      const lo = this.classAtom();
      if (this.s[this.p] === '-' && this.s[this.p + 1] !== ']' && this.s[this.p + 1] !== undefined) {
        this.p++;
        const hi = this.classAtom();
        if (lo === ANY || hi === ANY || lo.size !== 1 || hi.size !== 1) throw new Unsupported();
        const a = [...lo][0]!;
        const b = [...hi][0]!;
        if (b < a) throw new Unsupported();
        out = b - a > MAX_FIRST ? ANY : union(out, range(a, b));
      } else {
        out = union(out, lo);
      }
    }
  }

  private classAtom(): First {
    const c = this.s[this.p]!;
    if (c === '\\') {
      this.p++;
      return this.escape(true).first;
    }
    this.p++;
    return new Set([c.charCodeAt(0)]);
  }
}

function range(a: number, b: number): Set<number> {
  const out = new Set<number>();
  for (let x = a; x <= b; x++) out.add(x);
  return out;
}

/**
 * The code units a match of `source` (flags `flags`) can start with, or undefined when that is
 * not known to be a small set (see the module comment).
 */
export function firstChars(source: string, flags = ''): Set<number> | undefined {
  if (/[iuv]/.test(flags)) return undefined;
  try {
    const part = new Parser(source).parse();
    return part.nullable || part.first === ANY || part.first.size === 0 ? undefined : part.first;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

export interface Prefilter {
  /** Bit c is set when code unit c can start a match. */
  bits: Int32Array;
  /** The same pattern, sticky: run at candidate positions. */
  sticky: RegExp;
}

/**
 * The prefilter of a global regex, or undefined. Computed where a pattern set prepares its
 * regexes (pattern-set.ts), not per document: working it out costs more than a scan.
 */
export function prefilterOf(re: RegExp): Prefilter | undefined {
  if (!re.global || re.sticky) return undefined;
  const first = firstChars(re.source, re.flags.replace(/[gy]/g, ''));
  if (!first || first.size < MIN_FIRST) return undefined;
  const bits = new Int32Array(2048);
  for (const c of first) bits[c >>> 5]! |= 1 << (c & 31);
  return { bits, sticky: new RegExp(re.source, re.flags.replace('g', '').replace('y', '') + 'y') };
}

/** Index of the first position ≥ from whose code unit is in the prefilter's set, or -1. */
export function nextCandidate(bits: Int32Array, text: string, from: number): number {
  for (let i = from, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((bits[c >>> 5]! >>> (c & 31)) & 1) return i;
  }
  return -1;
}
