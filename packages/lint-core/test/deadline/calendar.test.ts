// The shipped calendar checked day by day against an expectation table written out by hand
// here (from the State Council notices), NOT derived from rules/calendar/cn.yaml.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CalendarGapError, buildCalendar, formatIsoDay, loadCalendar, parseIsoDay, readCalendarFile } from '../../src/deadline/calendar.js';
import { ConfigError } from '../../src/util/errors.js';

/** Per year: days off (MM-DD or MM-DD~MM-DD, inclusive) and weekend make-up working days. */
const EXPECTED: Record<number, { off: string[]; on: string[] }> = {
  // 国办发明电〔2019〕16号 + 〔2020〕1号 (Spring Festival extended to Feb 2, Feb 1 make-up cancelled)
  2020: { off: ['01-01', '01-24~02-02', '04-04~04-06', '05-01~05-05', '06-25~06-27', '10-01~10-08'], on: ['01-19', '04-26', '05-09', '06-28', '09-27', '10-10'] },
  // 国办发明电〔2020〕27号
  2021: { off: ['01-01~01-03', '02-11~02-17', '04-03~04-05', '05-01~05-05', '06-12~06-14', '09-19~09-21', '10-01~10-07'], on: ['02-07', '02-20', '04-25', '05-08', '09-18', '09-26', '10-09'] },
  // 国办发明电〔2021〕11号
  2022: { off: ['01-01~01-03', '01-31~02-06', '04-03~04-05', '04-30~05-04', '06-03~06-05', '09-10~09-12', '10-01~10-07'], on: ['01-29', '01-30', '04-02', '04-24', '05-07', '10-08', '10-09'] },
  // 国办发明电〔2022〕16号 (元旦 2022-12-31 ~ 2023-01-02)
  2023: { off: ['01-01~01-02', '01-21~01-27', '04-05', '04-29~05-03', '06-22~06-24', '09-29~10-06'], on: ['01-28', '01-29', '04-23', '05-06', '06-25', '10-07', '10-08'] },
  // 国办发明电〔2023〕7号
  2024: { off: ['01-01', '02-10~02-17', '04-04~04-06', '05-01~05-05', '06-10', '09-15~09-17', '10-01~10-07'], on: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'] },
  // 国办发明电〔2024〕12号 (除夕 and 5月2日 statutory from 2025)
  2025: { off: ['01-01', '01-28~02-04', '04-04~04-06', '05-01~05-05', '05-31~06-02', '10-01~10-08'], on: ['01-26', '02-08', '04-27', '09-28', '10-11'] },
  // 国办发明电〔2025〕7号
  2026: { off: ['01-01~01-03', '02-15~02-23', '04-04~04-06', '05-01~05-05', '06-19~06-21', '09-25~09-27', '10-01~10-07'], on: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'] },
};

function expectedWorking(year: number): Map<string, boolean> {
  const off = new Set<string>();
  for (const spec of EXPECTED[year]!.off) {
    const [a, b = a] = spec.split('~') as [string, string?];
    const start = new Date(`${year}-${a}T00:00:00Z`).getTime();
    const end = new Date(`${year}-${b}T00:00:00Z`).getTime();
    for (let t = start; t <= end; t += 86_400_000) off.add(new Date(t).toISOString().slice(0, 10));
  }
  const on = new Set(EXPECTED[year]!.on.map((d) => `${year}-${d}`));
  const out = new Map<string, boolean>();
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
    const iso = new Date(t).toISOString().slice(0, 10);
    const wd = new Date(t).getUTCDay();
    out.set(iso, on.has(iso) ? true : off.has(iso) ? false : wd !== 0 && wd !== 6);
  }
  return out;
}

describe('shipped calendar (rules/calendar/cn.yaml)', () => {
  const cal = loadCalendar();

  it('covers exactly 2020–2026, each with a notice number', () => {
    expect(cal.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const y of cal.years) expect(cal.yearInfo(y)!.notice).toMatch(/国办发明电〔\d{4}〕\d+号/);
    expect(cal.yearInfo(2026)!.notice).toBe('国办发明电〔2025〕7号');
    expect(cal.yearInfo(2024)!.notice).toBe('国办发明电〔2023〕7号');
  });

  for (const year of Object.keys(EXPECTED).map(Number)) {
    it(`${year}: every day matches the hand-written table`, () => {
      const mismatches: string[] = [];
      for (const [iso, working] of expectedWorking(year)) {
        if (cal.isWorkingDay(parseIsoDay(iso)!) !== working) mismatches.push(`${iso} 应为${working ? '工作日' : '休息日'}`);
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('make-up days are weekends and holidays are named', () => {
    for (const year of cal.years) {
      for (const w of cal.yearInfo(year)!.workdays) expect([0, 6]).toContain(new Date(`${w}T00:00:00Z`).getUTCDay());
    }
    expect(cal.holidayName(parseIsoDay('2024-10-03')!)).toBe('国庆节');
    expect(cal.holidayName(parseIsoDay('2024-10-12')!)).toBeUndefined();
  });

  it('2025: New Year’s Eve (1.28) and May 2 are holidays; 2020: Jan 31 – Feb 2 extended', () => {
    expect(cal.isWorkingDay(parseIsoDay('2025-01-28')!)).toBe(false);
    expect(cal.isWorkingDay(parseIsoDay('2025-05-02')!)).toBe(false);
    expect(cal.isWorkingDay(parseIsoDay('2020-01-31')!)).toBe(false);
    expect(cal.isWorkingDay(parseIsoDay('2020-02-01')!)).toBe(false); // make-up day cancelled
    expect(cal.isWorkingDay(parseIsoDay('2020-02-03')!)).toBe(true);
  });

  it('a year with no data throws CalendarGapError naming the year and the `calendar:` fix (before 2025, or strict)', () => {
    const strict = loadCalendar(undefined, { strict: true });
    for (const [c, iso] of [[cal, '2019-12-31'], [strict, '2019-12-31'], [strict, '2027-01-04']] as const) {
      let err: unknown;
      try {
        c.isWorkingDay(parseIsoDay(iso)!);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(CalendarGapError);
      const year = iso.slice(0, 4);
      expect((err as Error).message).toContain(`${year} 年`);
      expect((err as Error).message).toContain('calendar:');
      expect((err as Error).message).toContain(`years.${year}.holidays`);
    }
  });
});

describe('user calendar files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'replylint-cal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a year and corrects a day of a shipped year', () => {
    const file = join(dir, 'cal.yaml');
    writeFileSync(
      file,
      [
        'years:',
        '  2027:',
        '    notice: 自定义',
        '    holidays:',
        '      - { name: 元旦, from: 2027-01-01, to: 2027-01-03 }',
        '    workdays: [2027-01-09]',
        '  2024:',
        '    holidays:',
        '      - { name: 地方假日, from: 2024-03-05, to: 2024-03-05 }',
        '    workdays: [2024-10-05]',
        '',
      ].join('\n'),
    );
    const cal = loadCalendar(file);
    expect(cal.years).toContain(2027);
    expect(cal.isWorkingDay(parseIsoDay('2027-01-01')!)).toBe(false);
    expect(cal.isWorkingDay(parseIsoDay('2027-01-04')!)).toBe(true);
    expect(cal.isWorkingDay(parseIsoDay('2027-01-09')!)).toBe(true); // Saturday make-up
    expect(cal.isWorkingDay(parseIsoDay('2024-03-05')!)).toBe(false);
    expect(cal.isWorkingDay(parseIsoDay('2024-10-05')!)).toBe(true); // user correction wins
    expect(cal.isWorkingDay(parseIsoDay('2024-10-04')!)).toBe(false); // rest of the shipped range kept
    expect(cal.yearInfo(2024)!.notice).toBe('国办发明电〔2023〕7号');
    expect(cal.isProvisional(2027)).toBe(false); // a year with data is never provisional
    expect(cal.isProvisional(2028)).toBe(true);
    expect(() => loadCalendar(file, { strict: true }).isWorkingDay(parseIsoDay('2028-01-03')!)).toThrow(CalendarGapError);
  });

  it('`replace: true` replaces a shipped year', () => {
    const cal = buildCalendar([
      { file: 'a', data: { years: { '2024': { holidays: [{ name: 'x', from: '2024-01-01', to: '2024-01-01' }], workdays: [] } } } },
      { file: 'b', data: { years: { '2024': { replace: true, holidays: [], workdays: [] } } } },
    ]);
    expect(cal.isWorkingDay(parseIsoDay('2024-01-01')!)).toBe(true);
  });

  it('bad files fail with file:line and the key path', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'years:\n  2027:\n    holidays:\n      - { name: 元旦, from: 2027-13-01, to: 2027-01-03 }\n');
    expect(() => readCalendarFile(file)).toThrow(ConfigError);
    expect(() => readCalendarFile(file)).toThrow(/bad\.yaml:4: years\.2027\.holidays\[0\]\.from/);
    const file2 = join(dir, 'bad2.yaml');
    writeFileSync(file2, 'years:\n  2027:\n    holidays: []\n    workday: [2027-01-09]\n');
    expect(() => readCalendarFile(file2)).toThrow(/未知的键「workday」/);
  });

  it('formatIsoDay/parseIsoDay round-trip and reject impossible dates', () => {
    expect(formatIsoDay(parseIsoDay('2024-02-29')!)).toBe('2024-02-29');
    expect(parseIsoDay('2023-02-29')).toBeUndefined();
  });
});
