// `replylint batch --xlsx --html` driven as a process over an Excel export made here: the workbook
// read back with exceljs (sheets, headers, frozen header, filters, widths, masking, counts), the
// HTML report opened in headless Chromium (charts drawn, no console errors, no network, filters,
// no markup from cells, masking) with a screenshot kept under test-output/ as a CI artifact.
//
// Chromium is Debian's /usr/bin/chromium (.ci/run installs it). On CI (CI set) a missing Chromium
// fails the test; elsewhere the browser test is skipped with a message.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { CLI_ROOT, removeDir, run, tempDir, type RunResult } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ON_CI = Boolean(process.env.CI);
const SCREENSHOT = join(CLI_ROOT, 'test-output', 'batch-report.png');

const HEADERS = ['工单编号', '承办单位', '诉求类型', '来电人', '联系电话', '诉求内容', '派单时间', '答复内容', '答复时间'];
const PHONE = '13812345678';
const ID_CARD = '320321198001011234';
const HARSH = '经核实，该市民无理取闹，反复投诉，诉求不予支持。';
const CLEAN = '经现场核实，您反映的占道经营问题属实，已责令商户当日清理，执法人员每天巡查。';
const INJECTION = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
// made-up rows (no real names or numbers); the work order ids are long digit runs and must stay
const UNITS = ['市城管局', '区住建局', '市生态环境局', '县交通运输局'];
interface Made {
  id: string;
  unit: string;
  reply: string;
  harsh: boolean;
}
const made: Made[] = [];
for (let i = 0; i < 24; i++) {
  const unit = UNITS[i % 4]!;
  // 市城管局 fails every reply, 区住建局 half, the others a third
  const harsh = unit === '市城管局' || (unit === '区住建局' ? i % 8 === 1 : i % 3 === 0);
  let reply = harsh ? HARSH : CLEAN;
  if (i === 0) reply = `${HARSH}如有疑问请联系王小明，电话${PHONE}，身份证号${ID_CARD}。`;
  if (i === 4) reply = `${HARSH}${INJECTION}`;
  made.push({ id: `2024031200${String(i).padStart(3, '0')}`, unit: i === 8 ? `${unit}<b>` : unit, reply, harsh });
}
const failingCount = made.filter((m) => m.harsh).length;

let dir: string;
let result: RunResult;

beforeAll(async () => {
  dir = tempDir();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单');
  ws.addRow(HEADERS);
  made.forEach((m, i) => {
    const asked = new Date(Date.UTC(2024, 2, 4 + i, 9, 30)); // three and a half weeks of March 2024
    const replied = new Date(Date.UTC(2024, 2, 5 + i, 16, 0));
    const row = ws.addRow([m.id, m.unit, i % 2 ? '投诉' : '咨询', '王小明', Number(PHONE), `路口夜市噪音扰民，回电${PHONE}。`, asked, m.reply, replied]);
    row.getCell(7).numFmt = 'yyyy-mm-dd hh:mm';
    row.getCell(9).numFmt = 'yyyy-mm-dd hh:mm';
  });
  ws.addRow(['2024031299999', '区住建局', '投诉', '', '', '渣土车带泥上路。', new Date(Date.UTC(2024, 2, 10)), '', null]); // empty reply: not checked
  await wb.xlsx.writeFile(join(dir, 'export.xlsx'));
  result = run(['batch', 'export.xlsx', '--xlsx', 'out/r.xlsx', '--html', 'out/r.html'], { cwd: dir });
}, 120_000);
afterAll(() => removeDir(dir));

describe('replylint batch --xlsx', () => {
  it('goes on in 「逐条结果（2）」… when a sheet is full (Excel opens at most 1,048,576 rows)', async () => {
    const r = run(['batch', 'export.xlsx', '--xlsx', 'out/split.xlsx'], { cwd: dir, env: { REPLYLINT_XLSX_SHEET_ROWS: '10' } });
    expect(r.code, r.stderr).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out', 'split.xlsx'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['逐条结果', '逐条结果（2）', '逐条结果（3）', '按承办单位', '按规则']);
    const [a, b, c] = wb.worksheets as ExcelJS.Worksheet[];
    expect([a!.rowCount, b!.rowCount, c!.rowCount]).toEqual([11, 11, 6]); // each with its header; 25 rows in all
    for (const ws of [a!, b!, c!]) {
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...HEADERS, '是否通过', '错误数', '警告数', '问题', '数据问题']);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
    // the rows in export order across the sheets
    const ids = [a!, b!, c!].flatMap((ws) => ws.getColumn(1).values.slice(2).map(String));
    expect(ids).toEqual([...made.map((m) => m.id), '2024031299999']);
  });

  it('writes the three sheets with the original columns, results, frozen headers, filters and readable widths', async () => {
    expect(result.code, result.stderr).toBe(2); // findings, and one row not checked
    expect(result.stderr).not.toContain('DeprecationWarning');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out', 'r.xlsx'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['逐条结果', '按承办单位', '按规则']);
    const [rows, units, rules] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet];
    const header = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);
    expect(header(rows)).toEqual([...HEADERS, '是否通过', '错误数', '警告数', '问题', '数据问题']);
    expect(header(units)).toEqual(['承办单位', '答复数', '通过率', '每篇错误数', '最常见的问题']);
    expect(header(rules)).toEqual(['问题', '规则', '说明', '命中答复数', '占比', '问题数']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBe(`A1:${String.fromCharCode(64 + header(ws).length)}1`);
    }
    // widths count CJK characters double; long text is capped and wrapped
    const width = (name: string) => rows.getColumn(HEADERS.indexOf(name) + 1).width!;
    expect(width('承办单位')).toBeGreaterThanOrEqual(2 * '市生态环境局'.length);
    expect(width('答复内容')).toBeGreaterThanOrEqual(40);
    expect(width('答复内容')).toBeLessThanOrEqual(60);
    expect(rows.getRow(2).getCell(HEADERS.indexOf('答复内容') + 1).alignment).toMatchObject({ wrapText: true });

    expect(rows.rowCount).toBe(1 + made.length + 1);
    const cell = (r: number, name: string) => rows.getRow(r).getCell(header(rows).indexOf(name) + 1).value;
    made.forEach((m, i) => {
      expect(cell(i + 2, '工单编号')).toBe(m.id); // ids are not personal data: kept whole
      expect(cell(i + 2, '是否通过')).toBe(m.harsh ? '不通过' : '通过');
      expect(cell(i + 2, '错误数')).toBe(m.harsh ? 1 : 0);
      if (m.harsh) expect(cell(i + 2, '问题')).toMatch(/^\[措辞不当\] .*无理取闹/); // the rule's title, as people read it
    });
    expect(cell(2, '派单时间')).toBeInstanceOf(Date);
    const last = made.length + 2;
    expect([cell(last, '是否通过'), cell(last, '错误数'), cell(last, '数据问题')]).toEqual(['未检查', null, '答复内容：答复内容为空，未检查']);

    // personal data: the phone column, the name column, the reply and the request, masked
    expect(cell(2, '联系电话')).toBe('138****5678');
    expect(cell(2, '来电人')).toBe('王**');
    expect(cell(2, '答复内容')).toContain('电话138****5678，身份证号3203**********1234');
    expect(cell(2, '答复内容')).toContain('联系王**');
    expect(cell(2, '诉求内容')).toBe('路口夜市噪音扰民，回电138****5678。');
    for (const ws of wb.worksheets)
      ws.eachRow((row) => row.eachCell((c) => expect(String(c.value)).not.toMatch(new RegExp(`${PHONE}|${ID_CARD}|王小明`))));

    // per unit and per rule
    const unitRows = new Map<string, unknown[]>();
    units.eachRow((row, n) => n > 1 && unitRows.set(String(row.getCell(1).value), (row.values as unknown[]).slice(2)));
    expect(unitRows.get('市城管局')!.slice(0, 3)).toEqual([5, 0, 1]); // the sixth is under 「市城管局<b>」
    expect(unitRows.get('市城管局')![3]).toBe('措辞不当（5 篇）');
    expect(unitRows.get('市城管局<b>')!.slice(0, 2)).toEqual([1, 0]);
    expect(unitRows.get('县交通运输局')!.slice(0, 2)).toEqual([6, 4 / 6]);
    expect(rules.rowCount).toBe(2);
    const rule = (rules.getRow(2).values as unknown[]).slice(1);
    expect(rule.slice(0, 2)).toEqual(['措辞不当', 'no-harsh-language']); // title, then the id for configuration
    expect(rule[2]).toMatch(/[\u4e00-\u9fff]{6}/); // its description, in Chinese
    expect(rule.slice(3)).toEqual([failingCount, failingCount / made.length, failingCount]);
  });
});

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !ON_CI) console.warn(`batch-reports: ${CHROMIUM} not found, the HTML report test is skipped (apt-get install chromium; on CI it fails)`);

describe('replylint batch --html', () => {
  it.skipIf(!haveChromium && !ON_CI)('renders offline in Chromium: charts drawn, no errors, no requests, filters work, cells stay text', async () => {
    expect(haveChromium, `${CHROMIUM} is missing: .ci/run installs Debian's chromium before the tests`).toBe(true);
    const html = readFileSync(join(dir, 'out', 'r.html'), 'utf8');
    expect(html).not.toMatch(new RegExp(`${PHONE}|${ID_CARD}|王小明`));
    expect(html).not.toContain(INJECTION); // escaped in the embedded data

    const { chromium } = await import('playwright-core');
    const profile = mkdtempSync(join(tmpdir(), 'replylint-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 900 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(join(dir, 'out', 'r.html')).href, { waitUntil: 'load' });
      await page.waitForFunction('document.querySelectorAll("#failing tbody tr").length > 0');

      // totals
      const kpis = await page.evaluate<string>('document.getElementById("kpis").innerText');
      expect(kpis.replace(/\s+/g, ' ')).toContain(`导出行数 ${made.length + 1} 已检查 ${made.length} 通过率 ${((100 * (made.length - failingCount)) / made.length).toFixed(1)}% 未通过 ${failingCount} 未能检查 1`);

      // every chart: an ECharts instance with data, and pixels on its canvas
      const charts = await page.evaluate<{ id: string; points: number; painted: number }[]>(`['chart-units', 'chart-rules', 'chart-heat', 'chart-weeks'].map(function (id) {
        var box = document.getElementById(id), inst = echarts.getInstanceByDom(box), canvas = box.querySelector('canvas');
        var points = inst ? inst.getOption().series.reduce(function (n, s) { return n + s.data.length; }, 0) : 0;
        var painted = 0;
        if (canvas) { var px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data; for (var i = 3; i < px.length; i += 4) if (px[i] > 0) painted++; }
        return { id: id, points: points, painted: painted };
      })`);
      expect(charts).toEqual([
        { id: 'chart-units', points: 5, painted: expect.any(Number) },
        { id: 'chart-rules', points: 1, painted: expect.any(Number) },
        { id: 'chart-heat', points: 5, painted: expect.any(Number) },
        { id: 'chart-weeks', points: 2 * 4, painted: expect.any(Number) }, // replied 5–28 March 2024: four weeks, bars and line
      ]);
      for (const c of charts) expect(c.painted, c.id).toBeGreaterThan(1000);
      // rules go by their titles in the charts, the filter and the findings; weeks carry the year once
      expect(await page.evaluate<unknown>('echarts.getInstanceByDom(document.getElementById("chart-rules")).getOption().yAxis[0].data')).toEqual(['措辞不当']);
      expect(await page.evaluate<unknown>('echarts.getInstanceByDom(document.getElementById("chart-heat")).getOption().yAxis[0].data')).toEqual(['措辞不当']);
      expect(await page.evaluate<unknown>('echarts.getInstanceByDom(document.getElementById("chart-weeks")).getOption().xAxis[0].data')).toEqual(['2024年3月4日', '3月11日', '3月18日', '3月25日']);
      expect(await page.evaluate<string>('document.getElementById("trend-title").textContent')).toBe('按周趋势');
      expect(await page.evaluate<string>('document.querySelector("#f-rule option[value=\'no-harsh-language\']").textContent')).toBe('措辞不当');
      expect(await page.evaluate<string>('document.querySelector("#failing ul.findings .rule").textContent')).toBe('措辞不当');

      // the failing replies, findings marked, cells as text (no element made from a cell)
      const rowCount = () => page.evaluate<number>('document.querySelectorAll("#failing tbody tr").length');
      expect(await rowCount()).toBe(failingCount);
      const marks = await page.evaluate<string[]>('Array.from(document.querySelectorAll("#failing mark")).map(function (m) { return m.textContent; })');
      expect(marks).toHaveLength(failingCount);
      expect(new Set(marks)).toEqual(new Set(['无理取闹']));
      expect(await page.evaluate<number>('document.querySelectorAll("img, b").length')).toBe(0);
      expect(await page.evaluate<unknown>('window.__xss')).toBeUndefined();
      const tableText = await page.evaluate<string>('document.getElementById("failing").innerText');
      expect(tableText).toContain(INJECTION);
      expect(tableText).toContain('138****5678');
      expect(tableText).not.toMatch(new RegExp(`${PHONE}|${ID_CARD}|王小明`));

      // search and filters narrow the rows
      await page.fill('#q', '市城管局');
      expect(await rowCount()).toBe(made.filter((m) => m.harsh && m.unit.startsWith('市城管局')).length);
      await page.fill('#q', '');
      await page.selectOption('#f-unit', '县交通运输局');
      expect(await rowCount()).toBe(made.filter((m) => m.harsh && m.unit === '县交通运输局').length);
      await page.selectOption('#f-rule', 'no-harsh-language');
      expect(await rowCount()).toBe(made.filter((m) => m.harsh && m.unit === '县交通运输局').length);
      await page.fill('#q', '措辞不当'); // a title finds the rows too
      expect(await rowCount()).toBe(made.filter((m) => m.harsh && m.unit === '县交通运输局').length);
      await page.fill('#q', 'no-such-rule');
      expect(await rowCount()).toBe(0);
      await page.fill('#q', '');
      await page.selectOption('#f-unit', '');
      await page.selectOption('#f-rule', '');
      expect(await rowCount()).toBe(failingCount);

      mkdirSync(join(CLI_ROOT, 'test-output'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(errors).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    } finally {
      await context.close();
      removeDir(profile);
    }
  }, 90_000);

  it.skipIf(!haveChromium && !ON_CI)('shows the trend by month, with the year where it changes, when the export spans more than half a year', async () => {
    const dates = ['2023-01-10 10:00', '2023-06-15 09:00', '2024-03-05 16:30'];
    const lines = dates.map((d, i) => JSON.stringify({ 工单编号: `T${i}`, 承办单位: '市城管局', 答复内容: i === 1 ? HARSH : CLEAN, 答复时间: d }));
    writeFileSync(join(dir, 'long.jsonl'), `${lines.join('\n')}\n`);
    const r = run(['batch', 'long.jsonl', '--html', 'out/long.html'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(dir, 'out', 'long.html')).href, { waitUntil: 'load' });
      expect(await page.evaluate<string>('document.getElementById("trend-title").textContent')).toBe('按月趋势');
      const option = await page.evaluate<{ labels: string[]; bars: unknown[]; rates: unknown[] }>(
        '(function () { var o = echarts.getInstanceByDom(document.getElementById("chart-weeks")).getOption(); return { labels: o.xAxis[0].data, bars: o.series[0].data, rates: o.series[1].data }; })()',
      );
      // January 2023 to March 2024: fifteen months, the empty ones shown as such
      expect(option.labels).toEqual(['2023年1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '2024年1月', '2月', '3月']);
      expect(option.bars).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
      expect([option.rates[0], option.rates[1], option.rates[5], option.rates[14]]).toEqual([100, null, 0, 100]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
