// Years without a State Council notice: the statutory holidays of 《全国年节及纪念日放假办法》
// (2024 revision) computed with tyme4ts, and the provisional calendar built on them.
import { describe, expect, it } from 'vitest';
import { LunarDay, SolarDay } from 'tyme4ts';
import { buildCalendar, CalendarGapError, loadCalendar, parseIsoDay, readCalendarFile, shippedCalendarFile } from '../../src/deadline/calendar.js';
import { hasStatutoryRule, statutoryHolidays } from '../../src/deadline/statutory.js';
import { computeDeadlines } from '../../src/config/deadlines.js';

const days = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = parseIsoDay(from)!; d <= parseIsoDay(to)!; d++) out.push(new Date(d * 86_400_000).toISOString().slice(0, 10));
  return out;
};
const statutoryDays = (year: number) => statutoryHolidays(year).flatMap((h) => days(h.from, h.to).map((day) => ({ name: h.name, day })));

describe('statutoryHolidays', () => {
  it('2027: the seven holidays, 13 days', () => {
    expect(statutoryHolidays(2027)).toEqual([
      { name: '元旦', from: '2027-01-01', to: '2027-01-01' },
      { name: '春节', from: '2027-02-05', to: '2027-02-08' },
      { name: '清明节', from: '2027-04-05', to: '2027-04-05' },
      { name: '劳动节', from: '2027-05-01', to: '2027-05-02' },
      { name: '端午节', from: '2027-06-09', to: '2027-06-09' },
      { name: '中秋节', from: '2027-09-15', to: '2027-09-15' },
      { name: '国庆节', from: '2027-10-01', to: '2027-10-03' },
    ]);
    expect(statutoryDays(2027)).toHaveLength(13);
  });

  it('2027 lunar dates agree with the library’s solar → lunar conversion (the inverse direction)', () => {
    const lunar = (iso: string) => {
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      const l: LunarDay = SolarDay.fromYmd(y, m, d).getLunarDay();
      return { month: l.getLunarMonth().getMonthWithLeap(), day: l.getDay() };
    };
    expect(lunar('2027-02-06')).toEqual({ month: 1, day: 1 }); // 正月初一
    expect(lunar('2027-02-08')).toEqual({ month: 1, day: 3 });
    expect(lunar('2027-02-05').month).toBe(12); // 除夕: last day of the twelfth month
    expect(lunar('2027-06-09')).toEqual({ month: 5, day: 5 });
    expect(lunar('2027-09-15')).toEqual({ month: 8, day: 15 });
    expect(SolarDay.fromYmd(2027, 4, 5).getTerm().getName()).toBe('清明');
  });

  it('2025 and 2026: every computed statutory day lies in a holiday range of the published notice', () => {
    const shipped = readCalendarFile(shippedCalendarFile());
    for (const year of [2025, 2026]) {
      const ranges = shipped.years[String(year)]!.holidays;
      const outside = statutoryDays(year).filter(({ day }) => !ranges.some((r) => r.from <= day && day <= r.to));
      expect(outside, String(year)).toEqual([]);
      // and in the range named after the same festival
      for (const { name, day } of statutoryDays(year)) {
        const r = ranges.find((x) => x.from <= day && day <= x.to)!;
        expect(r.name, `${year} ${name} ${day}`).toContain(name.replace(/节$/, ''));
      }
    }
    // the days themselves (hand-checked against the notices)
    expect(statutoryHolidays(2025).find((h) => h.name === '春节')).toMatchObject({ from: '2025-01-28', to: '2025-01-31' });
    expect(statutoryHolidays(2026).find((h) => h.name === '春节')).toMatchObject({ from: '2026-02-16', to: '2026-02-19' });
    expect(statutoryHolidays(2026).find((h) => h.name === '清明节')).toMatchObject({ from: '2026-04-05' });
    expect(statutoryHolidays(2025).find((h) => h.name === '中秋节')).toMatchObject({ from: '2025-10-06' });
  });

  it('applies from 2025 on (the revision’s first year), not before', () => {
    expect(hasStatutoryRule(2024)).toBe(false);
    expect(hasStatutoryRule(2025)).toBe(true);
    expect(() => statutoryHolidays(2019)).toThrow(RangeError);
  });
});

describe('provisional calendar', () => {
  const cal = loadCalendar();
  const working = (iso: string) => cal.isWorkingDay(parseIsoDay(iso)!);

  it('2027: statutory days and weekends off, no make-up working days invented', () => {
    expect(cal.years).not.toContain(2027);
    expect(cal.isProvisional(2027)).toBe(true);
    expect(cal.isProvisional(2026)).toBe(false);
    expect(working('2027-01-01')).toBe(false); // Friday, 元旦
    expect(working('2027-01-04')).toBe(true);
    expect(['2027-02-05', '2027-02-08'].map(working)).toEqual([false, false]); // Fri 除夕, Mon 初三
    expect(working('2027-02-09')).toBe(true);
    expect(working('2027-02-20')).toBe(false); // a Saturday stays off
    expect(working('2027-05-03')).toBe(true); // no bridging
    expect(working('2027-10-04')).toBe(true);
    expect(cal.holidayName(parseIsoDay('2027-02-06')!)).toBe('春节');
    expect(cal.holidayName(parseIsoDay('2027-02-09')!)).toBeUndefined();
  });

  it('strict: the same day throws CalendarGapError', () => {
    const strict = loadCalendar(undefined, { strict: true });
    expect(strict.isProvisional(2027)).toBe(false);
    expect(() => strict.isWorkingDay(parseIsoDay('2027-01-04')!)).toThrow(CalendarGapError);
  });

  it('adding the 2027 notice is a data change only: the year is then never provisional', () => {
    const shipped = { file: shippedCalendarFile(), data: readCalendarFile(shippedCalendarFile()) };
    const notice = { file: 'notice.yaml', data: { years: { '2027': { notice: '测试', holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }], workdays: [] } } } };
    const withData = buildCalendar([shipped, notice]);
    expect(withData.isProvisional(2027)).toBe(false);
    expect(withData.isWorkingDay(parseIsoDay('2027-02-05')!)).toBe(true); // only the data counts now
    const r = computeDeadlines({ dispatchedAt: '2026-12-28 10:00', type: 'complaint', profile: 'suzhou-jkq', calendar: withData });
    expect(r.provisional).toBeUndefined();
    expect(r.deadlines.some((d) => d.provisional)).toBe(false);
  });

  it('computeDeadlines: provisional on the result and on the entries that depend on 2027', () => {
    const r = computeDeadlines({ dispatchedAt: '2026-12-28 10:00', type: 'complaint', profile: 'suzhou-jkq' });
    expect(r.provisional).toMatchObject({ years: [2027], mark: '暂按法定节假日推算（未含调休）' });
    expect(r.deadlines.filter((d) => d.provisional).map((d) => d.event)).toEqual(['completion', 'extension-apply', 'extension-max']);
    // a dispatch on the computed 元旦 shifts receipt to 1.4: every due time is provisional
    const shifted = computeDeadlines({ dispatchedAt: '2027-01-01 10:00', type: 'complaint', profile: 'suzhou-jkq' });
    expect(shifted.receipt).toMatchObject({ day: '2027-01-04', shifted: true });
    expect(shifted.deadlines.every((d) => d.due === null || d.provisional)).toBe(true);
    expect(computeDeadlines({ dispatchedAt: '2024-09-27 10:00', type: 'complaint', profile: 'suzhou-jkq' }).provisional).toBeUndefined();
  });
});
