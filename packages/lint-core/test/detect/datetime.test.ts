import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findDates, findDatesIn, findVagueTimes, parseCnNumber, resolveDate } from '../../src/detect/datetime.js';
import { splitSentences } from '../../src/parse/sentences.js';
import { formatBeijing } from '../../src/time.js';

const iso = (d: Date | undefined) => (d ? formatBeijing(d) : undefined);

describe('findDates', () => {
  it('parses dates with a time of day', () => {
    const [h] = findDates('2024年9月25日10时15分，承办人电话联系');
    expect(h).toMatchObject({ year: 2024, month: 9, day: 25, hour: 10, minute: 15, deadline: false });
    expect(findDates('9月24日下午3点半上门')[0]).toMatchObject({ month: 9, day: 24, hour: 15, minute: 30 });
    expect(findDates('10月28日上午9:30见面')[0]).toMatchObject({ hour: 9, minute: 30 });
    expect(findDates('2024-07-09 14:05')[0]).toMatchObject({ year: 2024, month: 7, day: 9, hour: 14, minute: 5 });
    expect(findDates('九月二十五日晚上八时')[0]).toMatchObject({ month: 9, day: 25, hour: 20 });
  });
  it('keeps a bare part of the day out of the time', () => {
    const text = '9月24日上午，承办人';
    const [h] = findDates(text);
    expect(h!.hour).toBeUndefined();
    expect(text.slice(h!.start, h!.end)).toBe('9月24日上午');
  });
  it('marks deadlines and rejects impossible dates', () => {
    expect(findDates('约定10月8日前再检查')[0]!.deadline).toBe(true);
    expect(findDates('自9月24日起')[0]!.deadline).toBe(true);
    expect(findDates('13月40日')).toEqual([]);
  });
  it('reads a span of hours within one day as when something happened, a span of days as a period', () => {
    expect(findDates('6月10日9时至17时，承办人3次拨打您的电话')[0]).toMatchObject({ month: 6, day: 10, hour: 9, deadline: false });
    expect(findDates('6月10日上午9点到11点')[0]).toMatchObject({ hour: 9, deadline: false });
    expect(findDates('6月10日9:00-17:30')[0]!.deadline).toBe(false);
    expect(findDates('6月10日至6月12日')[0]!.deadline).toBe(true);
    expect(findDates('6月10日9时至6月12日')[0]!.deadline).toBe(true);
  });
  it('finds relative days', () => {
    expect(findDates('当天16时电话告知')[0]).toMatchObject({ relative: 0, hour: 16 });
    expect(findDates('次日上午')[0]).toMatchObject({ relative: 1 });
  });
});

describe('resolveDate', () => {
  const dispatched = new Date('2024-12-30T09:00:00+08:00');
  it('picks the year nearest the dispatch time', () => {
    expect(iso(resolveDate(findDates('1月2日10时')[0]!, dispatched))).toBe('2025-01-02T10:00:00+08:00');
    expect(iso(resolveDate(findDates('12月28日')[0]!, dispatched))).toBe('2024-12-28T00:00:00+08:00');
  });
  it('in past mode never resolves into the future', () => {
    const now = new Date('2025-06-30T10:00:00+08:00');
    expect(iso(resolveDate(findDates('9月23日')[0]!, now, undefined, 'past'))).toBe('2024-09-23T00:00:00+08:00');
    expect(iso(resolveDate(findDates('6月30日15时')[0]!, now, undefined, 'past'))).toBe('2025-06-30T15:00:00+08:00');
  });
  it('resolves relative days against the previous date', () => {
    const prev = new Date('2024-09-03T10:00:00+08:00');
    expect(iso(resolveDate(findDates('次日9时')[0]!, dispatched, prev))).toBe('2024-09-04T09:00:00+08:00');
    expect(resolveDate(findDates('当天')[0]!, dispatched)).toBeUndefined();
  });
  it('rejects 2月30日', () => {
    expect(resolveDate(findDates('2025年2月30日')[0]!, dispatched)).toBeUndefined();
  });
});

describe('vague times and numerals', () => {
  it('finds vague times', () => {
    expect(findVagueTimes('日前已与市民沟通，第一时间处理').map((v) => v.text)).toEqual(['日前', '第一时间']);
    expect(findVagueTimes('约定7月20日前完成')).toEqual([]);
  });
  it('parses Chinese numerals', () => {
    expect([parseCnNumber('十'), parseCnNumber('十二'), parseCnNumber('二十五'), parseCnNumber('三十一'), parseCnNumber('9')]).toEqual([10, 12, 25, 31, 9]);
  });
  it('is linear on a large input', () => {
    const big = '2024年9月25日10时15分，承办人电话联系您。'.repeat(100000);
    const t = Date.now();
    expect(findDates(big).length).toBe(100000);
    expect(Date.now() - t).toBeLessThan(3000);
  });
});

describe('findDatesIn', () => {
  it('gives what findDates gives range by range, for any text and sentences', () => {
    const piece = fc.constantFrom('9月24日', '2024年10月3日', '上午', '10时', '15:30', '次日', '当天', '前', '之后', ' ', '\n', '。', '，', '已处理', '2024-09-30', '九月二十日', '下午3点半', '号');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const sentences = splitSentences(text).map(([start, end]) => ({ start, end }));
        const expected = sentences.map((s) => findDates(text, s.start, s.end));
        expect(findDatesIn(text, sentences)).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it('rescans a range whose date runs into the next one', () => {
    // a date cut by a line break: the whole-text match would swallow the break
    const text = '9月24日\n上午10时联系了您';
    const sentences = splitSentences(text).map(([start, end]) => ({ start, end }));
    expect(findDatesIn(text, sentences)).toEqual(sentences.map((s) => findDates(text, s.start, s.end)));
    expect(findDatesIn(text, sentences)[0]![0]!.hour).toBeUndefined();
  });
});
