// overdue: a reply given (repliedAt, or now) after the completion deadline of the active
// profile's deadline table (SPEC §5), without an approved extension covering it.
// Needs `dispatchedAt` and `type`; does nothing when the profile chain has no deadline table
// or the document sets no completion limit for the type.
import { z } from 'zod';
import { defineKind } from './define.js';
import { CalendarGapError, loadCalendar } from '../deadline/calendar.js';
import { deadlineTableFor } from '../deadline/table.js';
import { computeWithTable, timeLeft, TYPE_NAMES } from '../deadline/compute.js';
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
        const table = deadlineTableFor(ctx.profile);
        if (!table) return;
        // source ranges of metadata cost a YAML parse: only computed when reporting
        const range = () => ctx.metaRanges.repliedAt ?? ctx.metaRanges.dispatchedAt ?? [0, 0];
        const replied = meta.repliedAt ?? ctx.now;
        if (replied.getTime() <= meta.dispatchedAt.getTime()) return;
        const calendar = loadCalendar(ctx.settings.calendarFile);
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
            ctx.report({ messageId: 'overdueExtended', range: range(), data: { ...base, until: formatBeijingHuman(ext.until), late: late.text.replace(/^已逾期 /, '') } });
            return;
          }
          const late = timeLeft(calendar, completion.due, replied);
          ctx.report({ messageId: meta.repliedAt ? 'overdue' : 'overdueNow', range: range(), data: { ...base, late: late.text.replace(/^已逾期 /, '') } });
        } catch (e) {
          if (!(e instanceof CalendarGapError)) throw e;
          ctx.report({ messageId: 'calendarGap', range: ctx.metaRanges.dispatchedAt ?? range(), data: { year: e.year } });
        }
      },
    };
  },
});
