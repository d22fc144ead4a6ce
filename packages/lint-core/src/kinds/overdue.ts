// overdue: a reply given (repliedAt, or now) after the completion deadline of the active
// profile's deadline table (SPEC §5), without an approved extension covering it.
// Needs `dispatchedAt` and `type`; does nothing when the profile chain has no deadline table
// or the document sets no completion limit for the type.
import { z } from 'zod';
import { defineKind } from './define.js';
import { CalendarGapError } from '../deadline/calendar.js';
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
        const calendar = ctx.deadlines.calendar;
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
            ctx.report({ messageId: 'overdueExtended', metaKey: where, data: { ...base, until: formatBeijingHuman(ext.until), late: late.text.replace(/^已逾期 /, '') } });
            return;
          }
          const late = timeLeft(calendar, completion.due, replied);
          ctx.report({ messageId: meta.repliedAt ? 'overdue' : 'overdueNow', metaKey: where, data: { ...base, late: late.text.replace(/^已逾期 /, '') } });
        } catch (e) {
          if (!(e instanceof CalendarGapError)) throw e;
          ctx.report({ messageId: 'calendarGap', metaKey: 'dispatchedAt', data: { year: e.year } });
        }
      },
    };
  },
});
