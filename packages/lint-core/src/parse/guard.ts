// Bounded work for Markdown: a linear pre-scan that finds the parts of a document micromark would
// parse super-linearly (or with a very large constant), so that those parts are read as plain text
// instead (parse/plain.ts parseText), with a warning.
//
// Measured on micromark 4 + remark-gfm + remark-cjk-friendly (bench/hostile.mjs):
//   - emphasis and strikethrough: resolving delimiter runs splices the paragraph's events once per
//     match, so a paragraph with R runs costs ~R² (`*a` × 30,000: 18 s); two long runs nest
//     emphasis as deep as they are long;
//   - unclosed `<!--`, `<?`, `<!X` and `![a](b` each scan to the end of the paragraph: ~R × length;
//   - list and quote nesting: every line re-checks each open container and every list re-reads
//     the events of the lists inside it (`- ` × 10,000 on one line: 95 s, then a stack overflow);
//   - links, references, tables and entities are linear but cost 30–100 µs per markup character
//     (1.4 MB of links or a 1,000 × 1,000 table exhaust the heap).
// So: per paragraph, runs of delimiters may grow only with the square root of its length; nesting
// depth, backtick run lengths and unclosed HTML constructs are capped; a table has at most so many
// cells; and a document gets a budget of markup characters read as Markdown. A part over any of
// these is read as plain text.
//
// The unit that falls back is a "section": the text between two points at which a Markdown parse
// may start afresh without changing the prose (a blank line followed by an unindented line that is
// not `---`, outside fenced code and HTML comments — the points parse/chunks.ts cuts at first). A
// document with no section over the limits is parsed exactly as before.

export type FallbackReason = 'emphasis' | 'html' | 'brackets' | 'code' | 'nesting' | 'table' | 'markup';

export interface PlainSpan {
  start: number;
  end: number;
  reason: FallbackReason;
}

export interface GuardLimits {
  /** Delimiter runs (`*`, `_`, `~`, `<`, `[`/`]`) in one paragraph: allowed up to `minRuns`, and beyond that while runs² ≤ density × length. */
  minRuns: number;
  density: number;
  /** Length of the second-longest emphasis delimiter run in a paragraph. */
  maxRunLength: number;
  /** `<!` and `<?` (HTML comments, declarations, instructions) in one paragraph. */
  maxHtmlOpen: number;
  /** Distinct lengths of backtick runs in one paragraph (each unclosed length scans to its end). */
  maxBacktickLengths: number;
  /** Container markers (`>`, list markers) opening one line, plus half the blanks among them when there is one. */
  maxDepth: number;
  /** `|` in one section. */
  maxTableCells: number;
  /**
   * Work read as Markdown in one document, in units of a few microseconds of micromark and
   * mdast: a section with markup costs its length plus a weight per markup character (sections
   * without any are nearly free: they take the plain-prose fast path).
   */
  maxWork: number;
  markupWeight: number;
  /** The same for a container marker or a table pipe (lists and tables cost the most per character). */
  structureWeight: number;
}

export const GUARD_LIMITS: GuardLimits = {
  minRuns: 64,
  density: 64,
  maxRunLength: 256,
  maxHtmlOpen: 32,
  maxBacktickLengths: 16,
  maxDepth: 10,
  maxTableCells: 2_000,
  maxWork: 500_000,
  markupWeight: 16,
  structureWeight: 64,
};


const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const isBlankLine = (text: string, i: number, end: number): boolean => {
  for (let k = i; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c !== SPACE && c !== TAB && c !== CR) return false;
  }
  return true;
};

/** Per-paragraph counts (a paragraph: lines between blank lines or list item starts). */
interface Para {
  length: number;
  attention: number;
  longest: number;
  second: number;
  lt: number;
  html: number;
  brackets: number;
  backtickLengths: Set<number>;
}

const newPara = (): Para => ({ length: 0, attention: 0, longest: 0, second: 0, lt: 0, html: 0, brackets: 0, backtickLengths: new Set() });

function paraReason(p: Para, l: GuardLimits): FallbackReason | undefined {
  const over = (runs: number) => runs > l.minRuns && runs * runs > l.density * p.length;
  if (over(p.attention) || p.second > l.maxRunLength) return 'emphasis';
  if (p.html > l.maxHtmlOpen || over(p.lt)) return 'html';
  if (over(p.brackets)) return 'brackets';
  if (p.backtickLengths.size > l.maxBacktickLengths) return 'code';
  return undefined;
}

/**
 * The sections of `text` (from `from`, the end of front matter) to read as plain text, in order.
 * Linear in the length of the text.
 */
export function plainSpans(text: string, from = 0, limits: GuardLimits = GUARD_LIMITS): PlainSpan[] {
  const spans: PlainSpan[] = [];
  let budget = limits.maxWork;
  let sectionStart = from;
  let reason: FallbackReason | undefined;
  let markup = 0;
  let structure = 0;
  let pipes = 0;
  let para = newPara();

  const endPara = () => {
    reason ??= paraReason(para, limits);
    para = newPara();
  };
  const endSection = (end: number) => {
    endPara();
    if (!reason && pipes > limits.maxTableCells) reason = 'table';
    const work = markup || structure ? end - sectionStart + markup * limits.markupWeight + structure * limits.structureWeight : 0;
    if (!reason && work > budget) reason = 'markup';
    if (reason) spans.push({ start: sectionStart, end, reason });
    else budget -= work;
    sectionStart = end;
    reason = undefined;
    markup = 0;
    structure = 0;
    pipes = 0;
  };

  let fence: { char: number; len: number } | undefined;
  let inComment = false;
  let prevBlank = false;
  for (let i = from; i < text.length; ) {
    let hasLt = false;
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    const blank = isBlankLine(text, i, nl);
    const first = text.charCodeAt(i);
    if (i > sectionStart && prevBlank && !blank && !fence && !inComment && first !== SPACE && first !== TAB && !text.startsWith('---', i)) endSection(i);

    if (blank) endPara();
    else {
      // container prefix: quote markers, list markers and the blanks between them
      let j = i;
      let depth = 0;
      let blanks = 0;
      let item = false;
      for (;;) {
        const c = text.charCodeAt(j);
        if (c === SPACE || c === TAB) {
          blanks += c === TAB ? 4 : 1;
          j++;
        } else if (c === 0x3e /* > */) {
          depth++;
          j++;
        } else if ((c === 0x2d || c === 0x2a || c === 0x2b) /* - * + */ && (j + 1 >= nl || isSpaceOrTab(text.charCodeAt(j + 1)))) {
          depth++;
          item = true;
          j++;
        } else if (c >= 0x30 && c <= 0x39) {
          let k = j;
          while (k < nl && k - j < 9 && isDigit(text.charCodeAt(k))) k++;
          const d = text.charCodeAt(k);
          if ((d === 0x2e || d === 0x29) /* . ) */ && (k + 1 >= nl || isSpaceOrTab(text.charCodeAt(k + 1)))) {
            depth++;
            item = true;
            j = k + 1;
          } else break;
        } else break;
        if (j >= nl) break;
      }
      // each open list item takes at least two columns of indentation on the lines inside it
      if (depth) depth += blanks >> 1;
      if (depth > limits.maxDepth) reason ??= 'nesting';
      // a new list item or heading starts a new paragraph (table rows are counted as one paragraph:
      // whether lines form a table depends on details — cell counts, what they interrupt — that a
      // scan could get wrong in the direction that matters)
      if (item || text.charCodeAt(j) === 0x23 /* # */) endPara();
      structure += depth;
      para.length += nl - i;
      // inline markup
      for (let k = j; k < nl; k++) {
        const c = text.charCodeAt(k);
        switch (c) {
          case 0x2a: // *
          case 0x5f: // _
          case 0x7e: {
            // ~
            let e = k + 1;
            while (e < nl && text.charCodeAt(e) === c) e++;
            const run = e - k;
            para.attention++;
            if (run > para.longest) {
              para.second = para.longest;
              para.longest = run;
            } else if (run > para.second) para.second = run;
            markup++;
            k = e - 1;
            break;
          }
          case 0x60: {
            // `
            let e = k + 1;
            while (e < nl && text.charCodeAt(e) === 0x60) e++;
            para.backtickLengths.add(e - k);
            markup++;
            k = e - 1;
            break;
          }
          case 0x3c: {
            // <
            para.lt++;
            hasLt = true;
            const d = text.charCodeAt(k + 1);
            if (d === 0x21 || d === 0x3f) para.html++;
            markup++;
            break;
          }
          case 0x5b: // [
          case 0x5d: // ]
            para.brackets++;
            markup++;
            break;
          case 0x7c: // |
            pipes++;
            structure++;
            break;
          case 0x28: // (
          case 0x29: // )
          case 0x26: // &
          case 0x5c: // \
          case 0x21: // !
          case 0x3e: // >
          case 0x23: // #
            markup++;
            break;
        }
      }
    }

    // fences and comments, as parse/chunks.ts tracks them (only for where sections may start)
    if (!inComment) {
      const f = fenceAt(text, i, nl);
      if (fence) {
        if (f && f.char === fence.char && f.len >= fence.len && isBlankLine(text, f.end, nl)) fence = undefined;
      } else if (f && !(f.char === 0x60 && text.slice(f.end, nl).includes('`'))) {
        fence = { char: f.char, len: f.len };
      }
    }
    if (!fence && (inComment || hasLt)) {
      const whole = text.slice(i, nl);
      const open = whole.lastIndexOf('<!--');
      const close = whole.lastIndexOf('-->');
      if (open >= 0 && open > close - 2) inComment = true;
      else if (close >= 0) inComment = false;
    }
    prevBlank = blank;
    i = nl + 1;
  }
  endSection(text.length);
  return mergeSpans(spans);
}

/** A run of 3 or more backticks or tildes after at most 3 spaces at the start of the line [i, nl). */
function fenceAt(text: string, i: number, nl: number): { char: number; len: number; end: number } | undefined {
  let k = i;
  while (k < nl && k - i < 3 && text.charCodeAt(k) === SPACE) k++;
  const char = text.charCodeAt(k);
  if (char !== 0x60 && char !== 0x7e) return undefined;
  let e = k;
  while (e < nl && text.charCodeAt(e) === char) e++;
  return e - k >= 3 ? { char, len: e - k, end: e } : undefined;
}

const isSpaceOrTab = (c: number): boolean => c === SPACE || c === TAB || c === CR;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Adjacent spans joined (the first reason kept). */
function mergeSpans(spans: PlainSpan[]): PlainSpan[] {
  const out: PlainSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.end === s.start) last.end = s.end;
    else out.push({ ...s });
  }
  return out;
}
