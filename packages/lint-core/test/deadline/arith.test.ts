import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, addWorkingDaysN, isWorkingDay, workingDaysBetween, workingDaysBetweenN, effectiveReceipt, withinWorkingDays, nextWorkingMorning } from '../../src/deadline/arith.js';
import { loadCalendar, parseIsoDay } from '../../src/deadline/calendar.js';
import { parseBeijingTime, formatBeijing } from '../../src/time.js';

const cal = loadCalendar();
const clock = { start: 8 * 60 + 30, noon: 12 * 60, end: 17 * 60 + 30 };
const at = (s: string) => parseBeijingTime(s)!;

describe('addWorkingDays / workingDaysBetween / isWorkingDay around holidays', () => {
  it.each([
    // [from, n, expected]
    ['2024-09-27', 7, '2024-10-12'], // 国庆 2024: 9.29 Sun and 10.12 Sat are make-up days
    ['2024-09-27', 1, '2024-09-29'],
    ['2024-09-27', 2, '2024-09-30'],
    ['2024-09-27', 3, '2024-10-08'],
    ['2024-02-08', 1, '2024-02-09'], // 除夕 2024 not statutory
    ['2024-02-09', 1, '2024-02-18'], // 春节 2024: 2.10–2.17 off, 2.18 Sun make-up
    ['2024-02-02', 1, '2024-02-04'], // 2.4 Sun make-up
    ['2024-04-03', 1, '2024-04-07'], // 清明 2024: 4.4–4.6 off, 4.7 Sun make-up
    ['2024-04-26', 1, '2024-04-28'], // 劳动节 2024: 4.28 Sun make-up
    ['2024-04-30', 1, '2024-05-06'],
    ['2024-05-10', 1, '2024-05-11'], // 5.11 Sat make-up
    ['2024-06-07', 1, '2024-06-11'], // 端午 2024: 6.10 Mon off
    ['2024-09-13', 1, '2024-09-14'], // 中秋 2024: 9.14 Sat make-up, 9.15–9.17 off
    ['2024-09-14', 1, '2024-09-18'],
    ['2024-12-31', 1, '2025-01-02'], // 元旦 2025
    ['2025-01-24', 1, '2025-01-26'], // 春节 2025: 1.26 Sun make-up
    ['2025-01-27', 1, '2025-02-05'], // 除夕 1.28 is a holiday from 2025
    ['2025-02-07', 1, '2025-02-08'], // 2.8 Sat make-up
    ['2025-04-03', 1, '2025-04-07'], // 清明 2025
    ['2025-04-30', 1, '2025-05-06'], // 劳动节 2025 (5.2 statutory)
    ['2025-05-30', 1, '2025-06-03'], // 端午 2025
    ['2025-09-26', 1, '2025-09-28'], // 国庆中秋 2025: 9.28 Sun make-up
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-10-09', 1, '2025-10-10'],
    ['2025-10-10', 1, '2025-10-11'], // 10.11 Sat make-up
    ['2025-12-31', 1, '2026-01-04'], // 元旦 2026: 1.1–1.3 off, 1.4 Sun make-up
    ['2026-02-13', 1, '2026-02-14'], // 春节 2026: 2.14 Sat make-up
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-02-27', 1, '2026-02-28'], // 2.28 Sat make-up
    ['2026-04-03', 1, '2026-04-07'], // 清明 2026
    ['2026-04-30', 1, '2026-05-06'], // 劳动节 2026
    ['2026-05-08', 1, '2026-05-09'], // 5.9 Sat make-up
    ['2026-06-18', 1, '2026-06-22'], // 端午 2026
    ['2026-09-18', 1, '2026-09-20'], // 9.20 Sun make-up
    ['2026-09-24', 1, '2026-09-28'], // 中秋 2026
    ['2026-09-30', 1, '2026-10-08'], // 国庆 2026
    ['2026-10-09', 1, '2026-10-10'], // 10.10 Sat make-up
  ])('%s + %i working days = %s', (from, n, expected) => {
    expect(addWorkingDays(from, n, cal)).toBe(expected);
    expect(workingDaysBetween(from, expected, cal)).toBe(n);
  });

  it('isWorkingDay takes dates and Beijing instants', () => {
    expect(isWorkingDay('2024-10-12', cal)).toBe(true);
    expect(isWorkingDay('2024-10-13', cal)).toBe(false);
    expect(isWorkingDay(at('2024-10-07T23:59:00+08:00'), cal)).toBe(false);
    expect(isWorkingDay(at('2024-10-07T16:30:00Z'), cal)).toBe(true); // = 10.8 00:30 Beijing
    expect(() => isWorkingDay('2024-13-01', cal)).toThrow(/无法识别的日期/);
  });
});

describe('receipt conventions', () => {
  it('12:00 counts as afternoon; 11:59 as morning', () => {
    expect(effectiveReceipt(cal, at('2024-09-27 11:59'), clock)).toMatchObject({ afternoon: false, shifted: false });
    expect(effectiveReceipt(cal, at('2024-09-27 12:00'), clock)).toMatchObject({ afternoon: true, shifted: false });
  });
  it('a dispatch on a holiday or weekend counts from the next working day morning; a make-up day is a working day', () => {
    const r = effectiveReceipt(cal, at('2024-10-03 15:00'), clock);
    expect(r).toMatchObject({ afternoon: false, shifted: true });
    expect(r.day).toBe(parseIsoDay('2024-10-08'));
    expect(effectiveReceipt(cal, at('2024-10-12 15:00'), clock)).toMatchObject({ day: parseIsoDay('2024-10-12'), afternoon: true, shifted: false });
    expect(formatBeijing(withinWorkingDays(cal, at('2024-10-03 15:00'), 1, clock))).toBe('2024-10-09T17:30:00+08:00');
    expect(formatBeijing(nextWorkingMorning(at('2024-09-30 18:00'), clock, cal))).toBe('2024-10-08T08:30:00+08:00');
  });
});

describe('properties', () => {
  // days between 2020-01-01 and 2026-10-31 so that +40 working days stays inside the data
  const dayArb = fc.integer({ min: parseIsoDay('2020-01-01')!, max: parseIsoDay('2026-10-31')! });
  const nArb = fc.integer({ min: 0, max: 40 });

  it('a deadline of n ≥ 1 working days always falls on a working day', () => {
    fc.assert(fc.property(dayArb, fc.integer({ min: 1, max: 40 }), (d, n) => cal.isWorkingDay(addWorkingDaysN(cal, d, n))));
  });
  it('adding working days is strictly monotonic in n and monotonic in the start day', () => {
    fc.assert(
      fc.property(dayArb, nArb, (d, n) => {
        expect(addWorkingDaysN(cal, d, n + 1)).toBeGreaterThan(addWorkingDaysN(cal, d, n));
        expect(addWorkingDaysN(cal, d + 1, n)).toBeGreaterThanOrEqual(addWorkingDaysN(cal, d, n));
      }),
    );
  });
  it('workingDaysBetween inverts addWorkingDays, and is antisymmetric', () => {
    fc.assert(
      fc.property(dayArb, nArb, (d, n) => {
        const e = addWorkingDaysN(cal, d, n);
        expect(workingDaysBetweenN(cal, d, e)).toBe(n);
        expect(workingDaysBetweenN(cal, e, d) + n).toBe(0);
      }),
    );
  });
  it('withinWorkingDays ends at 17:30 of a working day after the dispatch', () => {
    const instantArb = fc.integer({ min: Date.parse('2020-01-01T00:00:00+08:00'), max: Date.parse('2026-11-30T00:00:00+08:00') }).map((t) => new Date(t));
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 20 }), (t, n) => {
        const due = withinWorkingDays(cal, t, n, clock);
        expect(formatBeijing(due).slice(11)).toBe('17:30:00+08:00');
        expect(isWorkingDay(due, cal)).toBe(true);
        expect(due.getTime()).toBeGreaterThan(t.getTime());
      }),
    );
  });
});
