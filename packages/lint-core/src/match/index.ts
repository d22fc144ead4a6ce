// What kinds use to run their patterns (see pattern-set.ts), and the pattern-source helpers for
// options and lists. Detectors with regexes of their own use scan.ts directly.
export { compilePatterns, type PatternSet, type MatchVisitor, type SentenceGate, type TextRange } from './pattern-set.js';
export { escapeRegex, patternError } from './source.js';
