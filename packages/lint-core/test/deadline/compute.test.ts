import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CalendarGapError, DeadlineInputError, deadlinesToJson, timeLeft, loadCalendar } from '../../src/deadline/index.js';
import { computeDeadlines, deadlineTableFor } from '../../src/config/deadlines.js';
import { formatBeijing, parseBeijingTime } from '../../src/time.js';

const due = (r: ReturnType<typeof computeDeadlines>, event: string) => {
  const d = r.deadlines.find((x) => x.event === event);
  if (!d) throw new Error(`no event ${event}`);
  return d.due ? formatBeijing(d.due) : null;
};
const jkq = (dispatchedAt: string, type?: string, extension?: { approvedAt?: string; until?: string }) =>
  computeDeadlines({ dispatchedAt, type, profile: 'suzhou-jkq', extension });

describe('suzhou-jkq: worked examples around holidays', () => {
  it('issue example: complaint dispatched 2024-09-27 10:00 → 2024-10-12 17:30 (9.29 and 10.12 are make-up days)', () => {
    const r = jkq('2024-09-27T10:00:00+08:00', 'complaint');
    expect(due(r, 'sign-in')).toBe('2024-09-27T17:30:00+08:00');
    expect(due(r, 'return')).toBe('2024-09-29T17:30:00+08:00');
    expect(due(r, 'completion')).toBe('2024-10-12T17:30:00+08:00');
    expect(due(r, 'extension-apply')).toBe('2024-10-11T17:30:00+08:00');
    expect(due(r, 'extension-max')).toBe('2024-10-22T17:30:00+08:00');
    expect(r.deadlines.find((d) => d.event === 'completion')!.source).toBe('宿州经开区方案 三(三)3(2)');
  });

  it.each([
    // [dispatch, type, completion due, sign-in due]
    // 春节 2024: 2.10–2.17 off, 2.4 (Sun) and 2.18 (Sun) make-up
    ['2024-02-08 16:00', 'complex-consultation', '2024-02-19T17:30:00+08:00', '2024-02-09T12:00:00+08:00'],
    ['2024-02-04 09:00', 'consultation', '2024-02-05T17:30:00+08:00', '2024-02-04T17:30:00+08:00'], // dispatched on a make-up Sunday
    ['2024-02-12 10:00', 'consultation', '2024-02-19T17:30:00+08:00', '2024-02-18T17:30:00+08:00'], // on a holiday → from 2.18 morning
    // 春节 2025: 1.26 (Sun) make-up, 1.28–2.4 off (除夕 statutory), 2.8 (Sat) make-up
    ['2025-01-27 11:59', 'complaint', '2025-02-12T17:30:00+08:00', '2025-01-27T17:30:00+08:00'],
    ['2025-01-27 12:00', 'consultation', '2025-02-05T17:30:00+08:00', '2025-02-05T12:00:00+08:00'], // 12:00 is afternoon
    // 春节 2026: 2.14 (Sat) make-up, 2.15–2.23 off, 2.28 (Sat) make-up
    ['2026-02-13 15:00', 'suggestion', '2026-02-25T17:30:00+08:00', '2026-02-14T12:00:00+08:00'],
    ['2026-02-20 09:00', 'complaint', '2026-03-04T17:30:00+08:00', '2026-02-24T17:30:00+08:00'],
    // 清明 2024: 4.4–4.6 off, 4.7 (Sun) make-up; 2025: 4.4–4.6; 2026: 4.4–4.6
    ['2024-04-03 10:00', 'complex-consultation', '2024-04-09T17:30:00+08:00', '2024-04-03T17:30:00+08:00'],
    ['2025-04-03 14:00', 'emergency', '2025-04-07T17:30:00+08:00', '2025-04-07T12:00:00+08:00'],
    ['2026-04-03 09:00', 'complaint', '2026-04-15T17:30:00+08:00', '2026-04-03T17:30:00+08:00'],
    // 劳动节 2024: 4.28 (Sun), 5.11 (Sat) make-up; 2025: 4.27 (Sun); 2026: 5.9 (Sat)
    ['2024-04-28 10:00', 'complex-consultation', '2024-05-06T17:30:00+08:00', '2024-04-28T17:30:00+08:00'],
    ['2024-05-10 10:00', 'consultation', '2024-05-11T17:30:00+08:00', '2024-05-10T17:30:00+08:00'],
    ['2025-04-30 17:00', 'complaint', '2025-05-14T17:30:00+08:00', '2025-05-06T12:00:00+08:00'],
    ['2026-04-30 10:00', 'complaint', '2026-05-13T17:30:00+08:00', '2026-04-30T17:30:00+08:00'],
    // 端午 2024: 6.10 off; 2025: 5.31–6.2; 2026: 6.19–6.21
    ['2024-06-07 10:00', 'complex-consultation', '2024-06-13T17:30:00+08:00', '2024-06-07T17:30:00+08:00'],
    ['2025-05-30 10:00', 'consultation', '2025-06-03T17:30:00+08:00', '2025-05-30T17:30:00+08:00'],
    ['2026-06-19 10:00', 'consultation', '2026-06-23T17:30:00+08:00', '2026-06-22T17:30:00+08:00'],
    // 中秋 2024: 9.14 (Sat) make-up, 9.15–9.17 off; 国庆 2025 (with 中秋) 9.28 (Sun) and 10.11 (Sat)
    ['2024-09-13 15:30', 'complex-consultation', '2024-09-19T17:30:00+08:00', '2024-09-14T12:00:00+08:00'],
    ['2025-09-26 10:00', 'complaint', '2025-10-13T17:30:00+08:00', '2025-09-26T17:30:00+08:00'],
    ['2025-10-05 10:00', 'complex-consultation', '2025-10-13T17:30:00+08:00', '2025-10-09T17:30:00+08:00'],
    // 中秋 2026: 9.25–9.27; 国庆 2026: 9.20 (Sun), 10.10 (Sat) make-up, 10.1–10.7 off
    ['2026-09-24 10:00', 'complex-consultation', '2026-09-30T17:30:00+08:00', '2026-09-24T17:30:00+08:00'],
    ['2026-09-30 10:00', 'complaint', '2026-10-15T17:30:00+08:00', '2026-09-30T17:30:00+08:00'],
    // 元旦 2025: 1.1; 2026: 1.1–1.3 with 1.4 (Sun) make-up
    ['2024-12-31 14:00', 'consultation', '2025-01-02T17:30:00+08:00', '2025-01-02T12:00:00+08:00'],
    ['2025-12-31 10:00', 'consultation', '2026-01-04T17:30:00+08:00', '2025-12-31T17:30:00+08:00'],
    ['2026-01-02 10:00', 'complex-consultation', '2026-01-07T17:30:00+08:00', '2026-01-04T17:30:00+08:00'],
  ])('%s %s → completion %s, sign-in %s', (at, type, completion, signIn) => {
    const r = jkq(at, type);
    expect(due(r, 'completion')).toBe(completion);
    expect(due(r, 'sign-in')).toBe(signIn);
  });

  it('incident: same (natural) day; no extension', () => {
    const r = jkq('2024-10-03 20:00', 'incident');
    expect(due(r, 'completion')).toBe('2024-10-03T23:59:00+08:00');
    expect(due(r, 'extension-apply')).toBeNull();
    expect(due(r, 'extension-max')).toBeNull();
  });

  it('help/report: no limit in the document, said so (due null + note)', () => {
    for (const t of ['help', 'report', '求助']) {
      const c = jkq('2024-09-27 10:00', t).deadlines.find((d) => d.event === 'completion')!;
      expect(c.due).toBeNull();
      expect(c.note).toMatch(/方案未规定(求助|举报)类诉求的办结时限/);
    }
  });

  it('without a type the completion limit is explained, not invented', () => {
    const c = jkq('2024-09-27 10:00').deadlines.find((d) => d.event === 'completion')!;
    expect(c.due).toBeNull();
    expect(c.note).toContain('未指定诉求类型');
  });

  it('1-working-day limits: apply for extension on the receipt day', () => {
    const r = jkq('2024-09-27 10:00', 'consultation');
    expect(due(r, 'completion')).toBe('2024-09-29T17:30:00+08:00');
    expect(due(r, 'extension-apply')).toBe('2024-09-27T17:30:00+08:00');
    expect(due(r, 'extension-max')).toBe('2024-09-30T17:30:00+08:00');
  });

  it('extensions: approved within the maximum, too long, not approved', () => {
    const ok = jkq('2024-09-27 10:00', 'complaint', { approvedAt: '2024-10-10 09:00', until: '2024-10-18 17:30' });
    expect(due(ok, 'completion-extended')).toBe('2024-10-18T17:30:00+08:00');
    expect(ok.deadlines.at(-1)!.note).toBeUndefined();
    const long = jkq('2024-09-27 10:00', 'complaint', { approvedAt: '2024-10-10 09:00', until: '2024-10-25 17:30' });
    expect(long.deadlines.at(-1)!.note).toContain('超过了允许的最晚时限');
    const unapproved = jkq('2024-09-27 10:00', 'complaint', { until: '2024-10-18 17:30' });
    expect(due(unapproved, 'completion-extended')).toBeNull();
    expect(unapproved.deadlines.at(-1)!.note).toContain('未获批准');
  });
});

describe('other profiles', () => {
  it('xiaoxian borrows the suzhou-jkq table and says so', () => {
    const r = computeDeadlines({ dispatchedAt: '2024-09-27 10:00', type: 'complaint', profile: 'xiaoxian' });
    expect(r.tableProfile).toBe('suzhou-jkq');
    expect(r.note).toContain('萧县方案未列具体时限');
    expect(due(r, 'completion')).toBe('2024-10-12T17:30:00+08:00');
  });
  it('suqian: return within 1 working day; no completion limit', () => {
    const r = computeDeadlines({ dispatchedAt: '2024-10-01 09:00', profile: 'suqian' });
    expect(due(r, 'return')).toBe('2024-10-09T17:30:00+08:00');
    expect(due(r, 'completion')).toBeNull();
  });
  it('changshu: first feedback same working day, transfer 3, follow-up 5', () => {
    const r = computeDeadlines({ dispatchedAt: '2024-09-27 16:00', profile: 'changshu' });
    expect(due(r, 'first-feedback')).toBe('2024-09-27T17:30:00+08:00');
    expect(due(r, 'transfer-reply')).toBe('2024-10-08T17:30:00+08:00');
    expect(due(r, 'follow-up')).toBe('2024-10-10T17:30:00+08:00');
    expect(due(r, 'unsatisfied')).toBeNull();
  });
  it('anning: 7 / 5 / 15 / 5 / 20 working days', () => {
    const r = computeDeadlines({ dispatchedAt: '2025-09-01 10:00', profile: 'anning' });
    expect(due(r, 'verification')).toBe('2025-09-10T17:30:00+08:00');
    expect(due(r, 'plan')).toBe('2025-09-08T17:30:00+08:00');
    expect(due(r, 'feedback')).toBe('2025-09-22T17:30:00+08:00');
    expect(due(r, 'multi-feedback')).toBe('2025-09-28T17:30:00+08:00'); // 20th working day is the 9.28 (Sun) make-up day
    expect(due(r, 'announcement')).toBeNull();
  });
  it('changshu and anning across the 2025 National Day, the 2026 Spring Festival and the 2026 National Day (hand-worked)', () => {
    // changshu, 2026-02-13 (Fri): 2.14 (Sat) make-up = 1, 2.15–2.23 off, 2.24 = 2, 2.25 = 3, 2.26 = 4, 2.27 = 5
    let r = computeDeadlines({ dispatchedAt: '2026-02-13 15:00', profile: 'changshu' });
    expect([due(r, 'first-feedback'), due(r, 'transfer-reply'), due(r, 'follow-up')]).toEqual(['2026-02-13T17:30:00+08:00', '2026-02-25T17:30:00+08:00', '2026-02-27T17:30:00+08:00']);
    // changshu, dispatched on a holiday (2025-10-03): received 10.9 morning; 10.10 = 1, 10.11 (Sat) make-up = 2, 10.13 = 3, 10.14 = 4, 10.15 = 5
    r = computeDeadlines({ dispatchedAt: '2025-10-03 10:00', profile: 'changshu' });
    expect([due(r, 'first-feedback'), due(r, 'transfer-reply'), due(r, 'follow-up')]).toEqual(['2025-10-09T17:30:00+08:00', '2025-10-13T17:30:00+08:00', '2025-10-15T17:30:00+08:00']);
    // anning, 2026-09-30 (Wed): 10.1–10.7 off, 10.8 = 1, 10.9 = 2, 10.10 (Sat) make-up = 3, 10.12 = 4, 10.13 = 5, 10.14 = 6, 10.15 = 7, … 10.27 = 15
    r = computeDeadlines({ dispatchedAt: '2026-09-30 10:00', profile: 'anning' });
    expect([due(r, 'plan'), due(r, 'verification'), due(r, 'feedback')]).toEqual(['2026-10-13T17:30:00+08:00', '2026-10-15T17:30:00+08:00', '2026-10-27T17:30:00+08:00']);
  });
  it('recommended has no table', () => {
    expect(deadlineTableFor('recommended')).toBeUndefined();
    expect(() => computeDeadlines({ dispatchedAt: '2024-09-27 10:00', profile: 'recommended' })).toThrow(/没有时限表/);
  });
});

describe('errors', () => {
  it('unknown type, bad date, unknown profile, calendar gap', () => {
    expect(() => jkq('2024-09-27 10:00', 'complain')).toThrow(DeadlineInputError);
    expect(() => jkq('2024-09-27 10:00', 'complain')).toThrow(/未知的诉求类型「complain」/);
    expect(() => jkq('2024-02-30 10:00', 'complaint')).toThrow(/无法识别的派单时间/);
    expect(() => computeDeadlines({ dispatchedAt: '2024-09-27 10:00', profile: 'nope' })).toThrow(/未知的规则配置「nope」/);
    expect(() => jkq('2019-03-01 10:00', 'complaint')).toThrow(CalendarGapError); // before the 2024 revision: not computed
    const strict = loadCalendar(undefined, { strict: true });
    const strictJkq = (at: string) => computeDeadlines({ dispatchedAt: at, type: 'complaint', profile: 'suzhou-jkq', calendar: strict });
    expect(() => strictJkq('2027-03-01 10:00')).toThrow(CalendarGapError);
    expect(() => strictJkq('2026-12-28 10:00')).toThrow(/2027 年/); // deadline runs into 2027
  });

  it('a user calendar file extends the years', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-dl-'));
    try {
      const file = join(dir, 'cal.yaml');
      writeFileSync(file, 'years:\n  2027:\n    notice: 测试\n    holidays:\n      - { name: 元旦, from: 2027-01-01, to: 2027-01-03 }\n');
      const r = computeDeadlines({ dispatchedAt: '2026-12-28 10:00', type: 'complaint', profile: 'suzhou-jkq', calendarFile: file });
      expect(due(r, 'completion')).toBe('2027-01-07T17:30:00+08:00'); // 12.29,30,31, (1.1–1.3 off) 1.4, 1.5, 1.6, 1.7 = 7th
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('time left and JSON', () => {
  it('timeLeft counts working days, or hours on the same day', () => {
    const cal = loadCalendar();
    const d = parseBeijingTime('2024-10-12 17:30')!;
    expect(timeLeft(cal, d, parseBeijingTime('2024-09-30 10:00')!).text).toBe('剩余 5 个工作日');
    expect(timeLeft(cal, d, parseBeijingTime('2024-10-12 15:00')!).text).toBe('剩余 2 小时 30 分钟');
    expect(timeLeft(cal, d, parseBeijingTime('2024-10-14 09:00')!)).toMatchObject({ overdue: true, workingDays: 1, text: '已逾期 1 个工作日' });
    expect(timeLeft(cal, d, parseBeijingTime('2024-10-13 09:00')!).text).toBe('已逾期 15 小时 30 分钟');
  });
  it('JSON has ISO times with +08:00 and the conventions', () => {
    const j = deadlinesToJson(jkq('2024-09-27 10:00', 'complaint')) as { dispatchedAt: string; conventions: { workdayEnd: string; noon: string }; deadlines: { event: string; due: string }[] };
    expect(j.dispatchedAt).toBe('2024-09-27T10:00:00+08:00');
    expect(j.conventions).toMatchObject({ workdayEnd: '17:30', noon: '12:00' });
    expect(j.deadlines.map((d) => d.event)).toEqual(['sign-in', 'return', 'completion', 'extension-apply', 'extension-max']);
  });
});

describe('shipped tables', () => {
  it('every profile’s deadlines: block validates, and each event has a source and rule text', async () => {
    const { listProfiles } = await import('../../src/config/profiles.js');
    const withTable = listProfiles().filter((p) => deadlineTableFor(p));
    expect(withTable.sort()).toEqual(['anning', 'changshu', 'suqian', 'suzhou-jkq', 'xiaoxian']);
    for (const p of withTable) {
      const r = computeDeadlines({ dispatchedAt: '2025-03-03 09:00', type: 'complaint', profile: p });
      for (const d of r.deadlines) {
        expect(d.source.length).toBeGreaterThan(0);
        expect(d.rule.length).toBeGreaterThan(0);
        if (d.due === null) expect(d.note).toBeTruthy(); // a missing limit is always explained
      }
    }
  });
});
