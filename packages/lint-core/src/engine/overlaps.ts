// One problem, one report. Some faults are seen by two rules: a reply without the handler's name
// lacks both the name (handler-name) and the name in its signature (signature-block); a reply that
// only sends the requester to a hotline is a non-answer (no-evasive-phrase) because of the referral
// (no-self-contact-referral). A rule declares such pairs in its YAML (`yieldsTo`); when a document
// has reports of both sides, one is shown: the more severe, on equal severity the other rule's.
// The shown report names the rules it stands for (`covers`), points at the other report's place
// (`related`) and carries its suggestions, so nothing the user could act on is lost.
import type { Diagnostic } from '../types.js';
import type { ActiveRule } from './resolve.js';

const maxSeverity = (ds: readonly Diagnostic[]): number => ds.reduce((m, d) => Math.max(m, d.severity), 0);

const overlap = (a: Diagnostic, b: Diagnostic): boolean => a.range[0] < b.range[1] && b.range[0] < a.range[1];

/** The diagnostics with each declared overlap reported once (the input array is not changed). */
export function mergeOverlaps(diagnostics: Diagnostic[], active: readonly ActiveRule[]): Diagnostic[] {
  let out = diagnostics;
  const merge = (ours: Diagnostic[], theirs: Diagnostic[]) => {
    const [kept, dropped] = maxSeverity(theirs) >= maxSeverity(ours) ? [theirs, ours] : [ours, theirs];
    const winner = kept.reduce((a, b) => (b.severity > a.severity ? b : a));
    const merged = absorb(winner, dropped);
    out = out.filter((d) => !dropped.includes(d)).map((d) => (d === winner ? merged : d));
  };
  for (const { rule } of active) {
    for (const y of rule.yieldsTo ?? []) {
      const ours = out.filter((d) => d.ruleId === rule.id && y.ours.includes(d.messageId));
      if (!ours.length) continue;
      const theirs = out.filter((d) => d.ruleId === y.rule && y.messageIds.includes(d.messageId));
      if (!theirs.length) continue;
      if (!y.samePlace) {
        merge(ours, theirs);
        continue;
      }
      // pair by place: each report of ours with the reports of theirs on the same words
      for (const d of ours) {
        const here = out.filter((t) => theirs.includes(t) && overlap(t, d));
        if (here.length && out.includes(d)) merge([d], here);
      }
    }
  }
  return out;
}

function absorb(winner: Diagnostic, dropped: readonly Diagnostic[]): Diagnostic {
  const covers = new Set(winner.covers ?? []);
  const related = [...(winner.related ?? [])];
  const suggestions = [...(winner.suggestions ?? [])];
  for (const d of dropped) {
    covers.add(d.ruleId);
    for (const c of d.covers ?? []) covers.add(c);
    const samePlace = d.range[0] === winner.range[0] && d.range[1] === winner.range[1];
    if (!samePlace && d.inText !== false) related.push({ range: d.range, message: `${d.ruleId}：${d.message}` });
    for (const r of d.related ?? []) related.push(r);
    for (const s of d.suggestions ?? []) if (!suggestions.some((x) => x.desc === s.desc)) suggestions.push(s);
  }
  covers.delete(winner.ruleId);
  return {
    ...winner,
    ...(covers.size ? { covers: [...covers].sort() } : {}),
    ...(related.length ? { related } : {}),
    ...(suggestions.length ? { suggestions } : {}),
  };
}
