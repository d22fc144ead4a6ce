// overdue: a reply given (repliedAt, or now) after the completion deadline of the active
// profile's deadline table (SPEC §5), without an approved extension covering it.
// Needs `dispatchedAt` and `type`; does nothing when the profile chain has no deadline table
// or the document sets no completion limit for the type. A deadline or lateness that depends on
// a year with no calendar data (computed from the statutory holidays) carries the provisional
// mark in `{{provisional}}`; under `strictCalendar` such a year is a calendarGap report instead.
import { z } from 'zod';
import { defineKind } from './define.js';
import { CalendarGapError, recordingCalendar } from '../deadline/calendar.js';
import { PROVISIONAL_MARK } from '../deadline/statutory.js';
import { computeWithTable, timeLeft } from '../deadline/compute.js';
import { TYPE_NAMES } from '../meta/keys.js';
import { formatBeijingHuman } from '../time.js';

export const overdueKind = defineKind({
  kind: 'overdue',
  description: '按规则配置的时限表和法定工作日历，检查答复是否超过办结时限（无已批准的延期）',
  options: z.strictObject({}),
  messageIds: ['overdue', 'overdueNow', 'overdueExtended', 'calendarGap'],
  create(ctx) {
    return {
      document() {
        const { meta } = ctx;
        if (!meta.dispatchedAt || !meta.type) return;
        const table = ctx.deadlines.tableFor(ctx.profile);
        if (!table) return;
        const where = ['repliedAt', 'dispatchedAt'] as const;
        const replied = meta.repliedAt ?? ctx.now;
        if (replied.getTime() <= meta.dispatchedAt.getTime()) return;
        // records the computed (provisional) years the deadline and the lateness depend on
        const calendar = recordingCalendar(ctx.deadlines.calendar);
        const provisional = () => {
          const years = calendar.provisionalYears;
          return years.length ? `；${years.join('、')} 年${PROVISIONAL_MARK}` : '';
        };
        try {
          const result = computeWithTable(table, { dispatchedAt: meta.dispatchedAt, type: meta.type, calendar });
          const completion = result.deadlines.find((d) => d.event === 'completion');
          if (!completion?.due || replied.getTime() <= completion.due.getTime()) return;
          const ext = meta.extension;
          const base = {
            type: TYPE_NAMES[meta.type],
            limit: completion.rule.replace(/。$/, ''),
            due: formatBeijingHuman(completion.due),
            replied: formatBeijingHuman(replied),
            source: completion.source,
          };
          if (ext?.approvedAt && ext.until) {
            if (replied.getTime() <= ext.until.getTime()) return;
            const late = timeLeft(calendar, ext.until, replied);
            ctx.report({ messageId: 'overdueExtended', metaKey: where, data: { ...base, until: formatBeijingHuman(ext.until), late: late.text.replace(/^已逾期 /, ''), provisional: provisional() } });
            return;
          }
          const late = timeLeft(calendar, completion.due, replied);
          ctx.report({ messageId: meta.repliedAt ? 'overdue' : 'overdueNow', metaKey: where, data: { ...base, late: late.text.replace(/^已逾期 /, ''), provisional: provisional() } });
        } catch (e) {
          if (!(e instanceof CalendarGapError)) throw e;
          ctx.report({ messageId: 'calendarGap', metaKey: 'dispatchedAt', data: { year: e.year } });
        }
      },
    };
  },
});
