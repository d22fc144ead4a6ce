import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter, DEFAULT_CONFIG, lint, loadConfig } from '../../src/index.js';

const NOW = new Date('2025-06-30T10:00:00+08:00');
function run(text: string, opts: { profile?: string; now?: Date; calendarFile?: string } = {}) {
  return lint(text, {
    rules: { overdue: 'error' },
    only: ['overdue'],
    now: opts.now ?? NOW,
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(opts.calendarFile ? { config: { ...DEFAULT_CONFIG, key: `cal:${opts.calendarFile}`, settings: { calendarFile: opts.calendarFile } } } : {}),
  });
}
const doc = (meta: string) => `---\n${meta}\n---\n经现场核实，已责令施工单位整改。\n`;
const ids = (text: string, opts?: Parameters<typeof run>[1]) => run(text, opts).map((d) => d.messageId);

describe('overdue kind', () => {
  const late = doc('type: complaint\ndispatchedAt: 2024-09-27 10:00\nrepliedAt: 2024-10-14 09:00');

  it('uses the active profile’s table; does nothing without one', () => {
    expect(ids(late, { profile: 'suzhou-jkq' })).toEqual(['overdue']);
    expect(ids(late, { profile: 'xiaoxian' })).toEqual(['overdue']);
    expect(ids(late)).toEqual([]); // recommended: no deadline table
    expect(ids(late, { profile: 'suqian' })).toEqual([]); // no completion limit
  });

  it('reports at the repliedAt value with the deadline and the lateness', () => {
    const [d] = run(late, { profile: 'suzhou-jkq' });
    expect(late.slice(d!.range[0], d!.range[1])).toBe('2024-10-14 09:00');
    expect(d!.data).toMatchObject({ due: '2024年10月12日 17:30', late: '1 个工作日', type: '投诉' });
    expect(d!.message).toContain('逾期 1 个工作日');
  });

  it('deadline day itself up to 17:30 is in time; 17:31 is late (by minutes)', () => {
    const at = (t: string) => doc(`type: complaint\ndispatchedAt: 2024-09-27 10:00\nrepliedAt: ${t}`);
    expect(ids(at('2024-10-12 17:30'), { profile: 'suzhou-jkq' })).toEqual([]);
    const [d] = run(at('2024-10-12 17:31'), { profile: 'suzhou-jkq' });
    expect(d?.data.late).toBe('1 分钟');
  });

  it('12:00 dispatch is afternoon only for sign-in; completion counts from the dispatch day', () => {
    const m = (t: string) => doc(`type: consultation\ndispatchedAt: 2025-03-20 12:00\nrepliedAt: ${t}`);
    expect(ids(m('2025-03-21 17:30'), { profile: 'suzhou-jkq' })).toEqual([]);
    expect(ids(m('2025-03-24 08:40'), { profile: 'suzhou-jkq' })).toEqual(['overdue']);
  });

  it('extensions: approved and covering → clean; approved but exceeded → overdueExtended; not approved → overdue', () => {
    const base = 'profile: suzhou-jkq\ntype: complaint\ndispatchedAt: 2024-09-27 10:00\nrepliedAt: 2024-10-16 10:00';
    expect(ids(doc(`${base}\nextension:\n  approvedAt: 2024-10-11 09:00\n  until: 2024-10-18 17:30`))).toEqual([]);
    expect(ids(doc(`${base}\nextension:\n  approvedAt: 2024-10-11 09:00\n  until: 2024-10-15 17:30`))).toEqual(['overdueExtended']);
    expect(ids(doc(`${base}\nextension:\n  until: 2024-10-18 17:30`))).toEqual(['overdue']);
    expect(ids(doc(`${base}\n延期:\n  approvedAt: 2024-10-11 09:00\n  until: 2024-10-18 17:30`))).toEqual([]);
  });

  it('without repliedAt uses now and reports at dispatchedAt', () => {
    const text = doc('profile: suzhou-jkq\ntype: consultation\ndispatchedAt: 2025-06-26 15:00');
    const [d] = run(text);
    expect(d?.messageId).toBe('overdueNow');
    expect(text.slice(d!.range[0], d!.range[1])).toBe('2025-06-26 15:00');
    expect(ids(text, { now: new Date('2025-06-27T17:00:00+08:00') })).toEqual([]);
  });

  it('types without a limit, missing metadata, incident same day', () => {
    expect(ids(doc('profile: suzhou-jkq\ntype: report\ndispatchedAt: 2024-09-02 10:00\nrepliedAt: 2024-12-01 10:00'))).toEqual([]);
    expect(ids(doc('profile: suzhou-jkq\ndispatchedAt: 2024-09-02 10:00\nrepliedAt: 2024-12-01 10:00'))).toEqual([]);
    expect(ids(doc('profile: suzhou-jkq\ntype: complaint\nrepliedAt: 2024-12-01 10:00'))).toEqual([]);
    expect(ids(doc('profile: suzhou-jkq\ntype: incident\ndispatchedAt: 2025-05-04 08:10\nrepliedAt: 2025-05-04 23:00'))).toEqual([]);
    expect(ids(doc('profile: suzhou-jkq\ntype: incident\ndispatchedAt: 2025-05-04 08:10\nrepliedAt: 2025-05-05 08:00'))).toEqual(['overdue']);
  });

  it('a calendar gap is a diagnostic, not a crash; a user calendar fills it', () => {
    const text = doc('profile: suzhou-jkq\ntype: complaint\ndispatchedAt: 2019-03-01 10:00\nrepliedAt: 2019-03-20 10:00');
    const [d] = run(text);
    expect(d?.messageId).toBe('calendarGap');
    expect(d?.message).toContain('2019 年');
    const dir = mkdtempSync(join(tmpdir(), 'replylint-ov-'));
    try {
      const file = join(dir, 'cal.yaml');
      writeFileSync(file, 'years:\n  2019:\n    holidays: []\n');
      expect(ids(text, { calendarFile: file })).toEqual(['overdue']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('overdue: a year without a published notice', () => {
  const into2027 = doc('profile: suzhou-jkq\ntype: complaint\ndispatchedAt: 2026-12-28 10:00\nrepliedAt: 2027-01-12 10:00');

  it('computes on the statutory holidays and the message carries the provisional mark', () => {
    const [d] = run(into2027);
    expect(d?.messageId).toBe('overdue');
    // 12.29–31, (1.1 statutory holiday, 1.2–3 weekend) 1.4–1.7: the 7th working day is 2027-01-07
    expect(d!.data).toMatchObject({ due: '2027年1月7日 17:30', late: '3 个工作日', provisional: '；2027 年暂按法定节假日推算（未含调休）' });
    expect(d!.message).toContain('宿州经开区方案 三(三)3(2)；2027 年暂按法定节假日推算（未含调休））');
  });

  it('a deadline in a year with data but lateness counted into a computed year is marked too', () => {
    // due 2026-12-29 17:30; late: 12.30, 12.31, (1.1 off) 1.4, 1.5 = 4 working days
    const [d] = run(doc('profile: suzhou-jkq\ntype: complaint\ndispatchedAt: 2026-12-18 10:00\nrepliedAt: 2027-01-05 10:00'));
    expect(d!.data).toMatchObject({ due: '2026年12月29日 17:30', late: '4 个工作日' });
    expect(d!.message).toContain('暂按法定节假日推算（未含调休）');
  });

  it('years with data carry no mark', () => {
    const [d] = run(doc('profile: suzhou-jkq\ntype: complaint\ndispatchedAt: 2024-09-27 10:00\nrepliedAt: 2024-10-14 09:00'));
    expect(d!.data).toMatchObject({ provisional: '' });
    expect(d!.message).not.toContain('暂按');
  });

  it('strictCalendar: true in .replylintrc.yaml refuses: calendarGap instead of a provisional result', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-strict-'));
    try {
      const file = join(dir, '.replylintrc.yaml');
      writeFileSync(file, 'extends: [recommended, suzhou-jkq]\nstrictCalendar: true\n');
      const config = loadConfig({ configFile: file });
      expect(config.settings.strictCalendar).toBe(true);
      const linter = createLinter({ config, rules: { overdue: 'error' } });
      const [d] = linter.lint(into2027, { only: ['overdue'], now: NOW });
      expect(d?.messageId).toBe('calendarGap');
      expect(d?.message).toContain('缺少 2027 年的数据');
      expect(() => linter.deadlines({ dispatchedAt: '2026-12-28 10:00', type: 'complaint' })).toThrow(/工作日历缺少 2027 年的数据/);
      // without the key: provisional
      const loose = createLinter({ config: { ...config, key: 'loose', settings: { ...config.settings, strictCalendar: false } } });
      expect(loose.deadlines({ dispatchedAt: '2026-12-28 10:00', type: 'complaint' }).provisional).toMatchObject({ years: [2027] });
      writeFileSync(join(dir, 'bad.yaml'), 'strictCalendar: yes please\n');
      expect(() => loadConfig({ configFile: join(dir, 'bad.yaml') })).toThrow(/strictCalendar/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
