// One problem, one report. Some faults are seen by two rules: a reply without the handler's name
// lacks both the name (handler-name) and the name in its signature (signature-block); a reply that
// only sends the requester to a hotline is a non-answer (no-evasive-phrase) because of the referral
// (no-self-contact-referral). A rule declares such pairs in its YAML (`yieldsTo`); when a document
// has reports of both sides, one is shown: the more severe, on equal severity the other rule's.
// The shown report names the rules it stands for (`covers`), points at the other report's place
// (`related`) and carries its suggestions, so nothing the user could act on is lost.
import type { YieldsTo } from '../pack/schema.js';
import type { Diagnostic } from '../types.js';
import type { ActiveRule } from './resolve.js';

interface Pair extends YieldsTo {
  /** The declaring rule. */
  id: string;
}

// the pairs of a resolved rule list, found once per list (lint runs it for every document)
const pairsOf = new WeakMap<readonly ActiveRule[], readonly Pair[]>();

function pairs(active: readonly ActiveRule[]): readonly Pair[] {
  let found = pairsOf.get(active);
  if (!found) {
    const on = new Set(active.map((a) => a.rule.id));
    found = active.flatMap(({ rule }) => (rule.yieldsTo ?? []).filter((y) => on.has(y.rule)).map((y) => ({ ...y, id: rule.id })));
    pairsOf.set(active, found);
  }
  return found;
}

const maxSeverity = (ds: readonly Diagnostic[]): number => ds.reduce((m, d) => Math.max(m, d.severity), 0);
const overlap = (a: Diagnostic, b: Diagnostic): boolean => a.range[0] < b.range[1] && b.range[0] < a.range[1];

/**
 * The diagnostics with each declared overlap reported once. The kept diagnostic is changed in
 * place (diagnostics are fresh objects of this lint); the array is returned filtered.
 */
export function mergeOverlaps(diagnostics: Diagnostic[], active: readonly ActiveRule[]): Diagnostic[] {
  const declared = pairs(active);
  if (!declared.length || diagnostics.length < 2) return diagnostics;
  const dropped = new Set<Diagnostic>();
  const live = (d: Diagnostic) => !dropped.has(d);
  const merge = (ours: readonly Diagnostic[], theirs: readonly Diagnostic[]) => {
    const [kept, lost] = maxSeverity(theirs) >= maxSeverity(ours) ? [theirs, ours] : [ours, theirs];
    const winner = kept.reduce((a, b) => (b.severity > a.severity ? b : a));
    absorb(winner, lost);
    for (const d of lost) dropped.add(d);
  };
  for (const y of declared) {
    const ours = diagnostics.filter((d) => d.ruleId === y.id && live(d) && y.ours.includes(d.messageId));
    if (!ours.length) continue;
    const theirs = diagnostics.filter((d) => d.ruleId === y.rule && live(d) && y.messageIds.includes(d.messageId));
    if (!theirs.length) continue;
    if (!y.samePlace) {
      merge(ours, theirs);
      continue;
    }
    // pair by place: each report of ours with the reports of theirs on the same words
    for (const d of ours) {
      const here = theirs.filter((t) => live(t) && overlap(t, d));
      if (here.length && live(d)) merge([d], here);
    }
  }
  return dropped.size ? diagnostics.filter(live) : diagnostics;
}

function absorb(winner: Diagnostic, lost: readonly Diagnostic[]): void {
  const covers = new Set(winner.covers);
  for (const d of lost) {
    covers.add(d.ruleId);
    if (d.covers) for (const c of d.covers) covers.add(c);
    const samePlace = d.range[0] === winner.range[0] && d.range[1] === winner.range[1];
    if (!samePlace && d.inText !== false) (winner.related ??= []).push({ range: d.range, message: `${d.ruleId}：${d.message}` });
    if (d.related) (winner.related ??= []).push(...d.related);
    if (d.suggestions) {
      for (const s of d.suggestions) {
        const mine = (winner.suggestions ??= []);
        if (!mine.some((x) => x.desc === s.desc)) mine.push(s);
      }
    }
  }
  covers.delete(winner.ruleId);
  if (covers.size) winner.covers = [...covers].sort();
}
