// `replylint batch` driven as a process over real export formats made here: an Excel workbook
// (exceljs), a GBK CSV saved the way Excel saves it, JSONL; column detection by the headers real
// exports use, bad rows reported per row, results.jsonl written whole, exit codes as in `check`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createLinter, parseBeijingTime } from '@replylint/core';
import { removeDir, run, tempDir } from './helpers.js';

const dir = tempDir({ '.replylintrc.yaml': 'extends: [recommended]\n' });
afterAll(() => removeDir(dir));

const HEADERS = ['留言编号', '承办单位', '诉求类型', '留言主题', '留言详情', '留言时间', '答复意见', '答复时间'];
// made-up rows (no real names or numbers): a harsh reply, a clean-ish reply, an empty reply, a bad date
const ROWS: unknown[][] = [
  ['A001', '市城管局', '投诉', '夜市噪音', '小区门口夜市噪音扰民，希望整治。', '2024/3/12 9:30:00', '    经核实，该市民无理取闹，反复投诉。', '2024/3/15 16:00:00'],
  ['A002', '市城管局', '咨询类', '占道经营', '商户占道经营，请处理。', '2024/3/13 10:00:00', '经现场核实，您反映的占道经营问题属实，已责令商户当日清理，并安排执法人员每天巡查。', '2024/3/14 11:00:00'],
  ['A003', '区住建局', '投诉', '渣土车', '渣土车带泥上路。', '2024/3/14 10:00:00', '', '2024/3/15 10:00:00'],
  ['A004', '区住建局', '建议', '路灯', '路灯不亮。', '下周一', '已转交相关部门处理。', '2024/3/20 10:00:00'],
];

function jsonl(file: string) {
  return readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('replylint batch', () => {
  it('按时办结率: per row and per unit from the deadline calculator, when a profile has a deadline table', async () => {
    // dispatch and reply times around the 2024 National Day holiday and its make-up working days
    const rows = [
      ['B1', '市城管局', '投诉', '2024-09-27 10:00', '2024-10-12 16:00'], // the make-up Saturday, in time
      ['B2', '市城管局', '投诉', '2024-09-27 10:00', '2024-10-14 09:00'], // late
      ['B3', '区住建局', '咨询', '2024-09-23 09:00', '2024-09-24 10:00'], // 1 working day, in time
      ['B4', '区住建局', '求助', '2024-09-23 09:00', '2024-12-24 10:00'], // no completion limit for help: not judged
      ['B5', '区住建局', '投诉', '2024-09-23 09:00', ''], // no reply time: not judged
    ];
    const text = '您好！经现场核实，路灯已于10月8日修复，承办人王磊电话告知了您结果。';
    writeFileSync(join(dir, 'timed.jsonl'), rows.map(([id, unit, type, d, r]) => JSON.stringify({ 工单编号: id, 承办单位: unit, 诉求类型: type, 派单时间: d, 答复时间: r, 答复内容: text })).join('\n') + '\n');
    const linter = createLinter({ profile: 'suzhou-jkq' });
    const expected = rows.map(([, , type, d, r]) => {
      if (!r) return undefined;
      const due = linter.deadlines({ dispatchedAt: d!, type: type! }).deadlines.find((x) => x.event === 'completion')?.due;
      return due ? parseBeijingTime(r)!.getTime() <= due.getTime() : undefined;
    });
    expect(expected).toEqual([true, false, true, undefined, undefined]);

    const res = run(['batch', 'timed.jsonl', '--profile', 'suzhou-jkq', '-o', 'out/timed.jsonl', '--xlsx', 'out/timed.xlsx'], { cwd: dir });
    expect(res.stderr).not.toContain('意外错误');
    expect(jsonl(join(dir, 'out', 'timed.jsonl')).map((l) => l.onTime)).toEqual(expected);
    expect(res.stdout).toContain('按时办结：2 / 3 行（66.7%');
    expect(res.stdout).toMatch(/市城管局\s+2\s+\S+%\s+50\.0%/);
    expect(res.stdout).toMatch(/区住建局\s+3\s+\S+%\s+100\.0%/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out', 'timed.xlsx'));
    const units = wb.getWorksheet('按承办单位')!;
    expect(units.getRow(1).values).toEqual([undefined, '承办单位', '答复数', '通过率', '按时办结率', '每篇错误数', '最常见的问题']);
    const byUnit = new Map<string, unknown>();
    units.eachRow((row, n) => n > 1 && byUnit.set(String(row.getCell(1).value), row.getCell(4).value));
    expect(byUnit.get('市城管局')).toBe(0.5);
    expect(byUnit.get('区住建局')).toBe(1);

    // without a deadline table the rate is not computed, and the summary says how to get it
    const plain = run(['batch', 'timed.jsonl'], { cwd: dir });
    expect(plain.stdout).toContain('按时办结率未计算');
    expect(plain.stdout).toContain('--profile');
    expect(jsonl(join(dir, 'out', 'timed.jsonl')).length).toBe(5);
  });

  it('reads an Excel workbook: columns found by their headers, rows checked as plain text, results per row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    ws.addRow(HEADERS);
    for (const r of ROWS) ws.addRow(r);
    await wb.xlsx.writeFile(join(dir, 'export.xlsx'));
    const r = run(['batch', 'export.xlsx', '-o', 'out/results.jsonl'], { cwd: dir });
    expect(r.code).toBe(2); // the empty reply could not be checked
    expect(r.stderr).toContain('答复内容 ← 答复意见，工单编号 ← 留言编号，承办单位 ← 承办单位，诉求类型 ← 诉求类型，诉求内容 ← 留言详情，派单时间 ← 留言时间，答复时间 ← 答复时间');
    expect(r.stderr).toContain('1 行未能检查');
    expect(r.stdout).toContain('共 4 行，检查 3 行');
    expect(r.stdout).toMatch(/市城管局\s+2/);
    const lines = jsonl(join(dir, 'out', 'results.jsonl'));
    expect(lines.map((l) => [l.row, l.id])).toEqual([[2, 'A001'], [3, 'A002'], [4, 'A003'], [5, 'A004']]);
    const harsh = (lines[0]!.findings as { ruleId: string; start: number; end: number }[]).find((f) => f.ruleId === 'no-harsh-language')!;
    // offsets into the cell, indentation kept as the clerk typed it
    expect((ROWS[0]![6] as string).slice(harsh.start, harsh.end)).toBe('无理取闹');
    expect(lines[0]).toMatchObject({ unit: '市城管局', type: 'complaint', passed: false });
    expect(lines[1]).toMatchObject({ type: 'consultation' });
    expect(lines[2]).toMatchObject({ checked: false, problems: ['答复意见：答复内容为空，未检查'] });
    expect(lines[3]!.problems).toEqual(['留言时间：时间「下周一」无法识别（应如 2024-03-12 09:30），按没有该时间检查']);
  });

  it('reads a GBK CSV as Excel saves it, and JSONL; the same rows give the same results', () => {
    const csv = [HEADERS, ...ROWS].map((r) => r.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(',')).join('\r\n');
    writeFileSync(join(dir, 'export.csv'), iconv.encode(csv, 'gbk'));
    writeFileSync(join(dir, 'export.jsonl'), ROWS.map((r) => JSON.stringify(Object.fromEntries(HEADERS.map((h, i) => [h, r[i]])))).join('\n'));
    const a = run(['batch', 'export.csv', '-o', 'csv.jsonl'], { cwd: dir });
    const b = run(['batch', 'export.jsonl', '-o', 'jsonl.jsonl'], { cwd: dir });
    expect(a.stderr).toContain('export.csv（CSV，GBK 编码）');
    const strip = (l: Record<string, unknown>) => ({ ...l, file: undefined, row: undefined });
    const fromCsv = jsonl(join(dir, 'csv.jsonl'));
    expect(fromCsv.map(strip)).toEqual(jsonl(join(dir, 'jsonl.jsonl')).map(strip));
    expect(fromCsv[0]!.findings).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'no-harsh-language' })]));
  });

  it('takes columns from flags, by header or number, and says what is missing', () => {
    writeFileSync(join(dir, 'odd.jsonl'), `${JSON.stringify({ no: 'B1', body: '经核实，该市民无理取闹。', dept: '市场监管局' })}\n`);
    const missing = run(['batch', 'odd.jsonl'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到答复内容所在的列');
    expect(missing.stderr).toContain('--text-column');
    const ok = run(['batch', 'odd.jsonl', '--text-column', 'body', '--unit-column', '3', '--id-column', 'no', '-o', 'odd-out.jsonl'], { cwd: dir });
    expect(ok.code).toBe(1);
    expect(jsonl(join(dir, 'odd-out.jsonl'))[0]).toMatchObject({ id: 'B1', unit: '市场监管局', passed: false });
    const wrong = run(['batch', 'odd.jsonl', '--text-column', '答复内容'], { cwd: dir });
    expect(wrong.stderr).toContain('--text-column：找不到列「答复内容」');
  });

  it('a file it cannot read is named, the others are still checked; an unknown type is reported per row', () => {
    writeFileSync(join(dir, 'broken.xlsx'), 'not a zip');
    writeFileSync(join(dir, 'one.jsonl'), `${JSON.stringify({ 答复内容: '经核实，该市民无理取闹。', 诉求类型: '投诉建议', 答复时间: '13812345678' })}\nnot json\n`);
    const r = run(['batch', 'broken.xlsx', 'one.jsonl', 'data.xls', '-o', 'mixed.jsonl'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.xlsx：不是有效的 Excel');
    expect(r.stderr).toContain('data.xls：不支持的文件类型「.xls」');
    const lines = jsonl(join(dir, 'mixed.jsonl'));
    // a phone number typed into the date column is masked where the problem quotes it
    expect(lines[0]!.problems).toEqual(['诉求类型：诉求类型「投诉建议」无法识别，按未知类型检查', '答复时间：时间「138****5678」无法识别（应如 2024-03-12 09:30），按没有该时间检查']);
    expect(lines[1]).toMatchObject({ row: 2, checked: false, problems: ['不是有效的 JSON'] });
  });

  it('a truncated first line of a JSONL export is a bad row: the columns come from the first object', () => {
    const good = JSON.stringify({ 工单编号: 'C2', 承办单位: '城管局', 答复内容: '经核实，该市民无理取闹。' });
    writeFileSync(join(dir, 'cut.jsonl'), `{"工单编号": "C1", "答复\n\n${good}\n`);
    const r = run(['batch', 'cut.jsonl', '-o', 'cut-out.jsonl'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('找不到答复内容所在的列');
    const lines = jsonl(join(dir, 'cut-out.jsonl'));
    expect(lines[0]).toMatchObject({ row: 1, checked: false, problems: ['不是有效的 JSON'] });
    expect(lines[1]).toMatchObject({ row: 3, id: 'C2', unit: '城管局', passed: false });
    // no line an object at all: one clear error naming the first line
    writeFileSync(join(dir, 'none.jsonl'), '{"答复\n[1, 2]\n');
    const none = run(['batch', 'none.jsonl'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('none.jsonl：没有一行是 JSON 对象（第 1 行不是有效的 JSON）');
  });
});
