// 按时办结 per row (萧县方案 三(四) 考核): whether a reply came before the completion deadline of its
// request type, by the deadline calculator, for rows with a dispatch time, a reply time and a type
// whose table sets a limit. Needs a profile with a deadline table (suzhou-jkq, xiaoxian…): without
// one the rate is not computed and the summary says why, once.
import type { Linter } from '@replylint/core';

export interface OnTimeJudge {
  /** true/false when the row can be judged, undefined otherwise (times as parsed from the row). */
  judge(row: { dispatchedAt?: Date; repliedAt?: Date; type?: string }): boolean | undefined;
  /** Why no row could be judged (no deadline table), if so. */
  readonly unavailable: string | undefined;
}

export function onTimeJudge(linter: Linter): OnTimeJudge {
  let unavailable: string | undefined;
  // a dispatch minute and type give one completion deadline: exports repeat them often
  const dueCache = new Map<string, number | null>();
  return {
    get unavailable() {
      return unavailable;
    },
    judge({ dispatchedAt, repliedAt, type }) {
      if (unavailable !== undefined || !dispatchedAt || !repliedAt || !type) return undefined;
      const key = `${dispatchedAt.getTime()}|${type}`;
      let due = dueCache.get(key);
      if (due === undefined) {
        try {
          const r = linter.deadlines({ dispatchedAt, type });
          const completion = r.deadlines.find((d) => d.event === 'completion');
          due = completion?.due ? completion.due.getTime() : null;
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          // no table in the configuration's profiles: nothing can be judged
          if (/时限表/.test(message)) unavailable = message;
          due = null;
        }
        if (dueCache.size > 50_000) dueCache.clear();
        dueCache.set(key, due);
      }
      return due === null ? undefined : repliedAt.getTime() <= due;
    },
  };
}
