// Statutory public holidays of a year under 《全国年节及纪念日放假办法》 as revised in 2024 (in
// force from 2025-01-01), for years whose State Council notice is not yet in any calendar file.
// Only the statutory days: the notices' bridging arrangements (调休) cannot be derived, so a
// calendar computed from these is provisional (未含调休). Lunar dates and the 清明 solar term
// come from tyme4ts (astronomical computation, Beijing time).
import { LunarDay, SolarTerm, type SolarDay } from 'tyme4ts';

/** First year the 2024 revision applies to; earlier years without data stay a CalendarGapError. */
export const STATUTORY_FIRST_YEAR = 2025;
/** Last year computed (tyme4ts covers far more; this keeps typos such as 20277 out). */
export const STATUTORY_LAST_YEAR = 2199;

/** The mark shown with every result that depends on a computed (provisional) year. */
export const PROVISIONAL_MARK = '暂按法定节假日推算（未含调休）';
/** Where the computed days come from. */
export const STATUTORY_BASIS = '《全国年节及纪念日放假办法》（2024年修订）';

export interface StatutoryHoliday {
  name: string;
  /** Inclusive range, 'YYYY-MM-DD'. */
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: SolarDay) => `${d.getYear()}-${pad(d.getMonth())}-${pad(d.getDay())}`;

/** Whether the statutory rule can compute `year`. */
export function hasStatutoryRule(year: number): boolean {
  return Number.isInteger(year) && year >= STATUTORY_FIRST_YEAR && year <= STATUTORY_LAST_YEAR;
}

/**
 * The statutory holidays of a Gregorian year, in date order: 元旦 1 day, 春节 4 days (除夕 and
 * 正月初一至初三 of the lunar year that begins in this Gregorian year), 清明节 1 day (the day of
 * the 清明 term), 劳动节 2 days, 端午节 1 day (五月初五), 中秋节 1 day (八月十五), 国庆节 3 days.
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  if (!hasStatutoryRule(year)) throw new RangeError(`无法推算 ${year} 年的法定节假日`);
  const newYear = LunarDay.fromYmd(year, 1, 1);
  const eve = newYear.next(-1).getSolarDay(); // 除夕: the last day of the previous lunar year (廿九 or 三十)
  const third = LunarDay.fromYmd(year, 1, 3).getSolarDay();
  const qingming = SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay();
  const duanwu = LunarDay.fromYmd(year, 5, 5).getSolarDay();
  const zhongqiu = LunarDay.fromYmd(year, 8, 15).getSolarDay();
  const list: StatutoryHoliday[] = [
    { name: '元旦', from: `${year}-01-01`, to: `${year}-01-01` },
    { name: '春节', from: iso(eve), to: iso(third) },
    { name: '清明节', from: iso(qingming), to: iso(qingming) },
    { name: '劳动节', from: `${year}-05-01`, to: `${year}-05-02` },
    { name: '端午节', from: iso(duanwu), to: iso(duanwu) },
    { name: '中秋节', from: iso(zhongqiu), to: iso(zhongqiu) },
    { name: '国庆节', from: `${year}-10-01`, to: `${year}-10-03` },
  ];
  return list.sort((a, b) => a.from.localeCompare(b.from));
}
