// `replylint deadline`: the built CLI as a process (build first: `npm run build`).
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir, run, tempDir } from './helpers.js';

const dirs: string[] = [];
const temp = (files: Record<string, string> = {}) => {
  const d = tempDir(files);
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach(removeDir));

const BASE = ['deadline', '--profile', 'suzhou-jkq', '--type', 'complaint'];

describe('deadline: output', () => {
  it('prints a Chinese table with every event, due times, sources and the conventions', () => {
    const r = run([...BASE, '--dispatched', '2024-09-27T10:00:00+08:00']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('派单时间：2024-09-27（周五）10:00（上午派发）');
    expect(r.stdout).toMatch(/签收\s+2024-09-27（周五）17:30\s+宿州经开区方案 三\(三\)3\(1\)/);
    expect(r.stdout).toMatch(/申请退回\s+2024-09-29（周日）17:30/);
    expect(r.stdout).toMatch(/办结\s+2024-10-12（周六）17:30\s+宿州经开区方案 三\(三\)3\(2\)/);
    expect(r.stdout).toContain('投诉类诉求一般不超过7个工作日办结。');
    expect(r.stdout).toMatch(/申请延期\s+2024-10-11（周五）17:30/);
    expect(r.stdout).toMatch(/延期上限\s+2024-10-22（周二）17:30/);
    expect(r.stdout).toContain('12:00 及以后派发的算下午');
    expect(r.stdout).toContain('17:30');
  });

  it('--format json: profile, dispatchedAt, conventions and deadlines with +08:00 times', () => {
    const r = run([...BASE, '--dispatched', '2024-09-27T10:00:00+08:00', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.profile).toBe('suzhou-jkq');
    expect(j.dispatchedAt).toBe('2024-09-27T10:00:00+08:00');
    expect(j.conventions).toMatchObject({ workdayEnd: '17:30', noon: '12:00', workdayStart: '08:30' });
    expect(j.deadlines.map((d: { event: string }) => d.event)).toEqual(['sign-in', 'return', 'completion', 'extension-apply', 'extension-max']);
    expect(j.deadlines[2]).toMatchObject({ event: 'completion', due: '2024-10-12T17:30:00+08:00', rule: '投诉类诉求一般不超过7个工作日办结。', source: '宿州经开区方案 三(三)3(2)' });
    for (const d of j.deadlines) expect(d.due).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  });

  it('accepts the Beijing wall-clock form `2024-09-27 10:00` and Chinese type names', () => {
    const a = run([...BASE, '--dispatched', '2024-09-27 10:00', '-f', 'json']);
    const b = run(['deadline', '--profile', 'suzhou-jkq', '--type', '投诉', '--dispatched', '2024-09-27T02:00:00Z', '-f', 'json']);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout).deadlines).toEqual(JSON.parse(b.stdout).deadlines);
  });

  it('--at shows time left and overdue', () => {
    const r = run([...BASE, '--dispatched', '2024-09-27 10:00', '--at', '2024-10-12 15:00']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/办结\s+2024-10-12（周六）17:30\s+剩余 2 小时 30 分钟/);
    expect(r.stdout).toMatch(/签收\s+2024-09-27（周五）17:30\s+已逾期 \d+ 个工作日/);
    const j = JSON.parse(run([...BASE, '--dispatched', '2024-09-27 10:00', '--at', '2024-10-14 09:00', '-f', 'json']).stdout);
    expect(j.at).toBe('2024-10-14T09:00:00+08:00');
    expect(j.deadlines[2].timeLeft).toMatchObject({ overdue: true, workingDays: 1, text: '已逾期 1 个工作日' });
  });

  it('a type without a limit in the document says so instead of inventing one', () => {
    const j = JSON.parse(run(['deadline', '--profile', 'suzhou-jkq', '--type', 'help', '--dispatched', '2024-09-27 10:00', '-f', 'json']).stdout);
    expect(j.deadlines[2]).toMatchObject({ event: 'completion', due: null });
    expect(j.deadlines[2].note).toContain('方案未规定求助类诉求的办结时限');
    const t = run(['deadline', '--profile', 'suzhou-jkq', '--type', 'help', '--dispatched', '2024-09-27 10:00']);
    expect(t.stdout).toMatch(/办结\s+未规定/);
  });

  it('--config: the config file’s `calendar:` adds a year', () => {
    const d = temp({
      '.replylintrc.yaml': 'extends: [recommended, suzhou-jkq]\ncalendar: ./cal.yaml\n',
      'cal.yaml': 'years:\n  2027:\n    notice: 自定义\n    holidays:\n      - { name: 元旦, from: 2027-01-01, to: 2027-01-03 }\n',
    });
    const other = temp();
    const r = run(['deadline', '--config', `${d}/.replylintrc.yaml`, '--type', 'complaint', '--dispatched', '2026-12-28 10:00', '-f', 'json'], { cwd: other });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.profile).toBe('suzhou-jkq'); // from the config's extends
    expect(j.deadlines[2].due).toBe('2027-01-07T17:30:00+08:00');
    // discovered from cwd too
    expect(JSON.parse(run(['deadline', '--type', 'complaint', '--dispatched', '2026-12-28 10:00', '-f', 'json'], { cwd: d }).stdout).deadlines[2].due).toBe('2027-01-07T17:30:00+08:00');
  });

  it('has Chinese help', () => {
    const r = run(['deadline', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('派单时间');
    expect(r.stdout).toContain('--dispatched');
    expect(run(['--help']).stdout).toContain('deadline');
  });
});

describe('deadline: a year without a published notice (2027)', () => {
  const MARK = '暂按法定节假日推算（未含调休）';
  const ARGS = [...BASE, '--dispatched', '2026-12-28 10:00'];

  it('computes on the statutory holidays and marks the result provisional (table)', () => {
    const r = run(ARGS);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/办结\s+2027-01-07（周四）17:30/); // 1.1 statutory holiday, no make-up days
    expect(r.stdout).toContain(`注意：2027 年尚无国务院办公厅节假日安排，${MARK}`);
    expect(r.stdout).toContain(`※ ${MARK}`);
    expect(r.stdout).toMatch(/签收\s+2026-12-28（周一）17:30\s+\S+.*\n\s+\S.*\n申请退回/); // sign-in is not marked
  });

  it('JSON: `provisional` on the result and on each entry that depends on 2027', () => {
    const j = JSON.parse(run([...ARGS, '-f', 'json']).stdout);
    expect(j.provisional).toMatchObject({ years: [2027], mark: MARK, basis: '《全国年节及纪念日放假办法》（2024年修订）' });
    expect(j.provisional.text).toContain(MARK);
    const byEvent = Object.fromEntries(j.deadlines.map((d: { event: string }) => [d.event, d]));
    expect(byEvent.completion).toMatchObject({ due: '2027-01-07T17:30:00+08:00', provisional: true });
    expect(byEvent['extension-apply'].provisional).toBe(true);
    expect(byEvent['extension-max'].provisional).toBe(true);
    expect(byEvent['sign-in'].provisional).toBeUndefined();
    expect(byEvent.return.provisional).toBeUndefined();
  });

  it('--at: time left counted into 2027 is marked even when the due time is in 2026', () => {
    const args = [...BASE, '--dispatched', '2026-12-18 10:00', '--at', '2027-01-05 10:00'];
    const j = JSON.parse(run([...args, '-f', 'json']).stdout);
    const completion = j.deadlines.find((d: { event: string }) => d.event === 'completion');
    expect(completion).toMatchObject({ due: '2026-12-29T17:30:00+08:00', timeLeft: { overdue: true, workingDays: 4, provisional: true } });
    expect(completion.provisional).toBeUndefined();
    expect(run(args).stdout).toMatch(/办结\s+2026-12-29（周二）17:30\s+已逾期 4 个工作日※/);
  });

  it('a year with data is not provisional; strictCalendar: true in the config refuses like --strict-calendar', () => {
    const j = JSON.parse(run([...BASE, '--dispatched', '2024-09-27 10:00', '-f', 'json']).stdout);
    expect(j.provisional).toBeUndefined();
    const d = temp({ '.replylintrc.yaml': 'extends: [recommended, suzhou-jkq]\nstrictCalendar: true\n' });
    const r = run(['deadline', '--type', 'complaint', '--dispatched', '2026-12-28 10:00'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/工作日历缺少 2027 年的数据/);
  });
});

describe('deadline: errors exit 2 with a Chinese message and no stack trace', () => {
  it.each([
    ['a year with no calendar data before the 2024 revision', [...BASE, '--dispatched', '2019-03-01 10:00'], /工作日历缺少 2019 年的数据.*calendar:/],
    ['--strict-calendar: a year with no calendar data', [...BASE, '--dispatched', '2027-03-01 10:00', '--strict-calendar'], /工作日历缺少 2027 年的数据.*calendar:/],
    ['--strict-calendar: a deadline running into a missing year', [...BASE, '--dispatched', '2026-12-28 10:00', '--strict-calendar'], /缺少 2027 年/],
    ['a bad date', [...BASE, '--dispatched', '2024-02-30 10:00'], /无法识别的派单时间「2024-02-30 10:00」/],
    ['a bad --at', [...BASE, '--dispatched', '2024-02-01 10:00', '--at', 'tomorrow'], /无法识别的时刻（--at）「tomorrow」/],
    ['an unknown type', ['deadline', '--profile', 'suzhou-jkq', '--type', 'complain', '--dispatched', '2024-09-27 10:00'], /未知的诉求类型「complain」/],
    ['an unknown profile', ['deadline', '--profile', 'nope', '--type', 'complaint', '--dispatched', '2024-09-27 10:00'], /未知的规则配置「nope」/],
    ['a profile without a table', ['deadline', '--profile', 'recommended', '--dispatched', '2024-09-27 10:00'], /没有时限表/],
    ['no --dispatched', ['deadline', '--profile', 'suzhou-jkq'], /缺少派单时间/],
    ['a bad --format', [...BASE, '--dispatched', '2024-09-27 10:00', '--format', 'xml'], /应为 table 或 json/],
  ])('%s', (_name, args, message) => {
    const r = run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^replylint：/);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad calendar file names the file and line', () => {
    const d = temp({ '.replylintrc.yaml': 'calendar: ./cal.yaml\n', 'cal.yaml': 'years:\n  2027:\n    holidays:\n      - { name: 元旦, from: 2027-01-01, to: 2026-01-03 }\n' });
    const r = run([...BASE, '--dispatched', '2024-09-27 10:00'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cal\.yaml:4: years\.2027\.holidays\[0\]\.to: 放假区间的 from 应不晚于 to/);
  });
});

describe('deadline: the ticket from a reply’s front matter', () => {
  it('reads dispatch time, type, profile and reply time from the front matter; options win', () => {
    const d = temp({
      'reply.md': '---\nprofile: suzhou-jkq\n诉求类型: 投诉\n派单时间: 2024-09-27 10:00\n答复时间: 2024-10-14 09:00\n---\n您好！\n',
      'no-dispatch.md': '---\ntype: complaint\n---\n您好！\n',
      'broken.md': '---\ntype: [complaint\n---\n您好！\n',
    });
    const r = run(['deadline', 'reply.md', '--format', 'json'], { cwd: d });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { profile: string; type: string; deadlines: { event: string; due: string; timeLeft?: { overdue: boolean } }[] };
    expect(j.profile).toBe('suzhou-jkq');
    expect(j.type).toBe('complaint');
    const completion = j.deadlines.find((e) => e.event === 'completion')!;
    expect(completion.due).toBe('2024-10-12T17:30:00+08:00');
    // shown at the reply time: answered late
    expect(completion.timeLeft!.overdue).toBe(true);
    const consult = JSON.parse(run(['deadline', 'reply.md', '--type', 'consultation', '--format', 'json'], { cwd: d }).stdout) as typeof j;
    expect(consult.type).toBe('consultation');
    const missing = run(['deadline', 'no-dispatch.md'], { cwd: d });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-dispatch.md：文件头中没有派单时间');
    const broken = run(['deadline', 'broken.md'], { cwd: d });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.md：文件头（front matter）不是有效的 YAML');
  });
});
