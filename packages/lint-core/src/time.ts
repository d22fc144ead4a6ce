// Beijing time (UTC+8, no DST) parsing shared by metadata and deadlines.
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

const LOCAL_RE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2})(?:\.\d+)?)?秒?)?$/;
const ISO_OFFSET_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Parses ISO 8601 with an offset, or a Beijing wall-clock time such as `2024-03-12 09:30`. */
export function parseBeijingTime(input: string): Date | undefined {
  const s = input.trim();
  if (ISO_OFFSET_RE.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  const m = LOCAL_RE.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]), month = Number(m[2]), day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const utc = beijingMs(year, month, day, hour, minute, second);
  const check = new Date(utc + BEIJING_OFFSET_MS);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  return new Date(utc);
}

/** The instant (epoch ms) of a Beijing wall-clock time; out-of-range parts roll over as in Date.UTC. */
export function beijingMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) - BEIJING_OFFSET_MS;
}

/** Wall-clock parts of an instant in Beijing time. */
export function beijingParts(date: Date): { year: number; month: number; day: number; hour: number; minute: number; weekday: number } {
  const d = new Date(date.getTime() + BEIJING_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

/** Formats an instant as ISO 8601 with +08:00. */
export function formatBeijing(date: Date): string {
  const d = new Date(date.getTime() + BEIJING_OFFSET_MS);
  return d.toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

/** Human Chinese format: 2024年9月27日 10:00 */
export function formatBeijingHuman(date: Date): string {
  const p = beijingParts(date);
  return `${p.year}年${p.month}月${p.day}日 ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}
