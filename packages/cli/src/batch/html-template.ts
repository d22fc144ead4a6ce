// The page of the HTML report (--html): its style and its script. The report is one offline file:
// html-sink.ts writes this page with ECharts inlined and the data as JSON in a <script
// type="application/json"> element. The script builds every element from that data with
// textContent (never innerHTML), so nothing in a cell can become markup.
//
// CLIENT_SCRIPT is plain ES2017 run by the browser (not compiled by tsc): no template literals,
// so it can live in this TypeScript string.

export const STYLE = `
:root { --ink: #1f2d3d; --muted: #5b6b7c; --line: #dde3ea; --bg: #f4f6f9; --card: #fff; --red: #c0392b; --amber: #d68910; --green: #1e8449; --blue: #2e5c9a; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; }
header { background: var(--blue); color: #fff; padding: 20px 32px 16px; }
header h1 { margin: 0 0 4px; font-size: 24px; font-weight: 600; letter-spacing: 1px; }
header .sub { opacity: .85; font-size: 13px; }
main { padding: 20px 32px 40px; max-width: 1480px; margin: 0 auto; }
.kpis { display: grid; grid-template-columns: repeat(5, 1fr); gap: 16px; margin-bottom: 20px; }
.kpi { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 14px 18px; }
.kpi .label { color: var(--muted); font-size: 13px; }
.kpi .value { font-size: 28px; font-weight: 600; margin-top: 2px; }
.kpi .value.bad { color: var(--red); } .kpi .value.good { color: var(--green); }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 20px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 16px 18px; margin-bottom: 20px; }
.card h2 { font-size: 16px; margin: 0 0 4px; }
.card .note { color: var(--muted); font-size: 12px; margin: 0 0 8px; }
.chart { width: 100%; height: 420px; }
.chart.tall { height: 520px; }
.empty { color: var(--muted); padding: 40px 0; text-align: center; }
.wide { grid-column: 1 / -1; }
.filters { display: flex; gap: 12px; flex-wrap: wrap; align-items: center; margin: 8px 0 12px; }
.filters input, .filters select { font: inherit; padding: 5px 8px; border: 1px solid var(--line); border-radius: 4px; }
.filters input { width: 280px; }
.count { color: var(--muted); }
table { width: 100%; border-collapse: collapse; }
th, td { border-bottom: 1px solid var(--line); padding: 8px 6px; text-align: left; vertical-align: top; }
th { background: #eef2f7; font-weight: 600; position: sticky; top: 0; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.meta { white-space: nowrap; font-size: 13px; }
td.text { white-space: pre-wrap; word-break: break-all; max-width: 640px; }
mark { background: #fde2e1; border-bottom: 2px solid var(--red); padding: 0 1px; }
mark.warn { background: #fdf1d8; border-bottom-color: var(--amber); }
ul.findings { margin: 0; padding-left: 18px; font-size: 13px; }
ul.findings .rule { color: var(--blue); font-weight: 600; }
button.more { margin-top: 12px; font: inherit; padding: 6px 16px; }
footer { color: var(--muted); font-size: 12px; text-align: center; padding: 0 0 24px; }
@media (max-width: 1000px) { .grid { grid-template-columns: 1fr; } .kpis { grid-template-columns: repeat(2, 1fr); } }
@media print { .filters, button.more { display: none; } body { background: #fff; } .card { break-inside: avoid; } }
`;

export const BODY = `
<header><h1>答复质量检查报告</h1><div class="sub" id="sub"></div></header>
<main>
  <section class="kpis" id="kpis"></section>
  <section class="grid">
    <div class="card"><h2>各承办单位通过率</h2><p class="note" id="units-note"></p><div class="chart tall" id="chart-units"></div></div>
    <div class="card"><h2>最常见的问题</h2><p class="note">按涉及的答复数排列</p><div class="chart tall" id="chart-rules"></div></div>
    <div class="card wide"><h2>承办单位 × 问题</h2><p class="note" id="heat-note"></p><div class="chart tall" id="chart-heat"></div></div>
    <div class="card wide"><h2 id="trend-title">按周趋势</h2><p class="note" id="trend-note"></p><div class="chart" id="chart-weeks"></div></div>
  </section>
  <section class="card">
    <h2>未通过的答复</h2>
    <p class="note" id="rows-note"></p>
    <div class="filters">
      <input id="q" type="search" placeholder="搜索：工单编号、单位、规则、答复文字">
      <select id="f-unit"><option value="">全部承办单位</option></select>
      <select id="f-rule"><option value="">全部问题</option></select>
      <span class="count" id="count"></span>
    </div>
    <table id="failing"><thead><tr><th>工单编号 / 行号</th><th>承办单位</th><th>答复内容（问题处标红）</th><th>问题</th></tr></thead><tbody></tbody></table>
    <button class="more" id="more" hidden>显示更多</button>
  </section>
</main>
<footer id="foot"></footer>
`;

export const CLIENT_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var t = data.totals;
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined && text !== null) e.textContent = String(text); return e; }
  function pct(n, d) { return d ? (100 * n / d).toFixed(1) + '%' : '—'; }
  function fmt(n) { return Number(n).toLocaleString('zh-CN'); }
  var titles = data.titles || {};
  // a rule as people read it: its title (结尾署名不全); its id is for configuration
  function title(id) { return titles[id] || id; }

  document.getElementById('sub').textContent = '数据来源：' + data.files.join('、') + '　生成时间：' + data.generated + (data.stopped ? '　（检查被中断，仅含已检查的行）' : '');
  var kpis = document.getElementById('kpis');
  var kpiList = [['导出行数', fmt(t.rows), ''], ['已检查', fmt(t.checked), ''], ['通过率', pct(t.passed, t.checked), t.checked && t.passed / t.checked >= 0.85 ? 'good' : 'bad'],
   ['未通过', fmt(t.checked - t.passed), t.checked > t.passed ? 'bad' : ''], ['未能检查', fmt(t.badRows), t.badRows ? 'bad' : '']];
  if (data.timed) kpiList.splice(3, 0, ['按时办结率', pct(data.onTime, data.timed), data.onTime / data.timed >= 0.95 ? 'good' : 'bad']);
  kpiList.forEach(function (k) {
    var box = el('div', 'kpi'); box.appendChild(el('div', 'label', k[0])); box.appendChild(el('div', 'value ' + k[2], k[1])); kpis.appendChild(box);
  });
  document.getElementById('foot').textContent = '通过：没有错误（可有提醒）。答复中的电话、证件号等个人信息已做遮挡。由 replylint 生成，离线文件，可直接转发或打印。';

  var charts = [];
  function chart(id, option) {
    var box = document.getElementById(id);
    var c = echarts.init(box, null, { renderer: 'canvas' });
    option.animation = false;
    option.textStyle = { fontFamily: getComputedStyle(document.body).fontFamily };
    c.setOption(option);
    charts.push(c);
  }
  function emptyChart(id, text) { var box = document.getElementById(id); box.classList.remove('chart', 'tall'); box.appendChild(el('div', 'empty', text)); }
  function short(s, n) { return s.length > n ? s.slice(0, n - 1) + '…' : s; }
  function color(rate) { return rate >= 0.85 ? '#1e8449' : rate >= 0.6 ? '#d68910' : '#c0392b'; }

  // pass rate by unit: the units with the most replies, worst first
  var units = data.units.slice().sort(function (a, b) { return a.rate - b.rate || b.replies - a.replies; });
  document.getElementById('units-note').textContent = data.unitCount > units.length ? ('答复最多的 ' + units.length + ' 个单位（共 ' + data.unitCount + ' 个），通过率低的在上') : '通过率低的在上；绿色 ≥ 85%，橙色 ≥ 60%，红色 < 60%';
  if (units.length) chart('chart-units', {
    grid: { left: 10, right: 60, top: 10, bottom: 24, containLabel: true },
    tooltip: { trigger: 'item', formatter: function (p) { var u = units[p.dataIndex]; return echarts.format.encodeHTML(u.unit) + '<br>答复 ' + u.replies + ' 篇，通过 ' + u.passed + ' 篇（' + pct(u.passed, u.replies) + '）' + (u.timed ? '<br>按时办结 ' + u.onTime + ' / ' + u.timed + ' 篇（' + pct(u.onTime, u.timed) + '）' : ''); } },
    legend: data.timed ? { data: ['通过率', '按时办结率'], top: 0 } : undefined,
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: units.map(function (u) { return short(u.unit, 14); }) },
    series: [{ name: '通过率', type: 'bar', data: units.map(function (u) { return { value: +(100 * u.rate).toFixed(1), itemStyle: { color: color(u.rate) } }; }),
      label: { show: true, position: 'right', formatter: '{c}%' } }].concat(data.timed ? [{ name: '按时办结率', type: 'bar', itemStyle: { color: '#5b7db1' },
      data: units.map(function (u) { return u.timed ? +(100 * u.onTime / u.timed).toFixed(1) : null; }), label: { show: true, position: 'right', formatter: '{c}%' } }] : [])
  }); else emptyChart('chart-units', '没有已检查的答复');

  // top rules
  var rules = data.rules;
  if (rules.length) chart('chart-rules', {
    // room on the right for the longest bar's label (1000000（100.0%）)
    grid: { left: 10, right: 130, top: 10, bottom: 24, containLabel: true },
    tooltip: { trigger: 'item', formatter: function (p) { var r = rules[p.dataIndex]; return echarts.format.encodeHTML(title(r.ruleId) + '（' + r.ruleId + '）') + '<br>' + echarts.format.encodeHTML(r.description) + '<br>涉及答复 ' + r.replies + ' 篇（' + pct(r.replies, t.checked) + '），问题 ' + r.hits + ' 处'; } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rules.map(function (r) { return title(r.ruleId); }) },
    series: [{ type: 'bar', itemStyle: { color: '#2e5c9a' }, data: rules.map(function (r) { return r.replies; }),
      label: { show: true, position: 'right', formatter: function (p) { return p.value + '（' + pct(p.value, t.checked) + '）'; } } }]
  }); else emptyChart('chart-rules', '没有发现问题');

  // rule x unit heat map: share of each unit's replies flagged by the rule
  var h = data.heat;
  document.getElementById('heat-note').textContent = '格中数字：该单位答复中有此问题的比例（%）。列出答复最多的 ' + h.units.length + ' 个单位、最常见的 ' + h.rules.length + ' 类问题';
  if (h.units.length && h.rules.length) chart('chart-heat', {
    grid: { left: 10, right: 20, top: 10, bottom: 70, containLabel: true },
    tooltip: { formatter: function (p) { var v = p.data; return echarts.format.encodeHTML(h.units[v[0]]) + '<br>' + echarts.format.encodeHTML(title(h.rules[v[1]])) + '：' + v[3] + ' 篇（' + v[2] + '%）'; } },
    xAxis: { type: 'category', data: h.units.map(function (u) { return short(u, 8); }), axisLabel: { interval: 0, rotate: 30 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: h.rules.map(title), splitArea: { show: true } },
    visualMap: { min: 0, max: Math.max(1, h.max), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f7fbff', '#f4b6a6', '#c0392b'] }, formatter: '{value}%' },
    series: [{ type: 'heatmap', data: h.cells, label: { show: true, formatter: function (p) { return p.data[2] ? p.data[2] : ''; } } }]
  }); else emptyChart('chart-heat', '没有发现问题');

  // trend: by week, or by month when the export spans more than half a year (a few replies a week
  // make a weekly pass rate jump between 0 and 100%); periods without replies are shown empty
  var weeks = data.weeks, months = data.months || [];
  var DAY = 864e5;
  var span = weeks.length ? (Date.parse(weeks[weeks.length - 1].week) - Date.parse(weeks[0].week)) / DAY / 7 : 0;
  var monthly = span >= 26 && months.length > 0;
  var periods = [];
  if (monthly) {
    var byMonth = {}; months.forEach(function (m) { byMonth[m.month] = m; });
    var y = +months[0].month.slice(0, 4), mo = +months[0].month.slice(5, 7), last = months[months.length - 1].month;
    for (;;) {
      var key = y + '-' + (mo < 10 ? '0' : '') + mo;
      periods.push({ key: key, year: y, label: mo + '月', stats: byMonth[key] });
      if (key >= last) break;
      if (++mo > 12) { mo = 1; y++; }
    }
  } else if (weeks.length) {
    var byWeek = {}; weeks.forEach(function (w) { byWeek[w.week] = w; });
    for (var at = Date.parse(weeks[0].week), end = Date.parse(weeks[weeks.length - 1].week); at <= end; at += 7 * DAY) {
      var d = new Date(at), wk = d.toISOString().slice(0, 10);
      periods.push({ key: wk, year: d.getUTCFullYear(), label: (d.getUTCMonth() + 1) + '月' + d.getUTCDate() + '日', stats: byWeek[wk] });
    }
  }
  // the year on the first label and where it changes
  periods.forEach(function (p, i) { if (i === 0 || periods[i - 1].year !== p.year) p.label = p.year + '年' + p.label; });
  document.getElementById('trend-title').textContent = monthly ? '按月趋势' : '按周趋势';
  document.getElementById('trend-note').textContent = monthly
    ? '按答复时间（没有时按派单时间）所在的月统计；导出跨越半年以上，按月显示'
    : '按答复时间（没有时按派单时间）所在的周统计，标签为该周的星期一';
  if (periods.length) chart('chart-weeks', {
    grid: { left: 10, right: 10, top: 40, bottom: 40, containLabel: true },
    legend: { data: ['答复数', '通过率'], bottom: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: periods.map(function (p) { return p.label; }) },
    yAxis: [{ type: 'value', name: '答复数', minInterval: 1 }, { type: 'value', name: '通过率', max: 100, axisLabel: { formatter: '{value}%' } }],
    series: [{ name: '答复数', type: 'bar', itemStyle: { color: '#9db4d6' }, data: periods.map(function (p) { return p.stats ? p.stats.replies : 0; }) },
      { name: '通过率', type: 'line', yAxisIndex: 1, itemStyle: { color: '#c0392b' }, connectNulls: false,
        data: periods.map(function (p) { return p.stats ? +(100 * p.stats.passed / p.stats.replies).toFixed(1) : null; }) }]
  }); else emptyChart('chart-weeks', '导出中没有可识别的答复时间或派单时间，无法按时间统计');
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });

  // the failing replies: search and filters
  var rows = data.rows;
  document.getElementById('rows-note').textContent = data.failing > rows.length
    ? ('共 ' + fmt(data.failing) + ' 篇未通过，本页收录按导出顺序的前 ' + fmt(rows.length) + ' 篇；全部结果见 Excel 工作簿或 JSONL 结果文件')
    : ('共 ' + fmt(data.failing) + ' 篇未通过');
  function fill(id, values) { var s = document.getElementById(id); values.forEach(function (v) { var o = el('option', '', v); o.value = v; s.appendChild(o); }); }
  var unitSet = {}, ruleSet = {};
  rows.forEach(function (r) { unitSet[r.unit] = 1; r.findings.forEach(function (f) { ruleSet[f.rule] = 1; }); });
  fill('f-unit', Object.keys(unitSet).sort());
  var ruleSelect = document.getElementById('f-rule');
  Object.keys(ruleSet).sort(function (a, b) { return title(a).localeCompare(title(b), 'zh-CN'); }).forEach(function (id) { var o = el('option', '', title(id)); o.value = id; ruleSelect.appendChild(o); });
  rows.forEach(function (r) { r.hay = [r.id || '', r.unit, r.text].concat(r.findings.map(function (f) { return f.rule + ' ' + title(f.rule) + ' ' + f.message; })).join('\\n').toLowerCase(); });

  function textCell(r) {
    var td = el('td', 'text'), pos = 0;
    // a finding about the whole reply (no signature at the end…) is listed, not marked: marking
    // all of the text would hide the marks of the words at fault
    var whole = Math.max(40, r.text.length / 2);
    var marks = r.findings.filter(function (f) { return f.start >= 0 && f.end > f.start && f.end <= r.text.length && f.end - f.start <= whole; })
      .sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    marks.forEach(function (f) {
      if (f.start < pos) return; // overlapping: the first one is marked
      td.appendChild(document.createTextNode(r.text.slice(pos, f.start)));
      var m = el('mark', f.severity === 2 ? '' : 'warn', r.text.slice(f.start, f.end)); m.title = '[' + title(f.rule) + '] ' + f.message; td.appendChild(m);
      pos = f.end;
    });
    td.appendChild(document.createTextNode(r.text.slice(pos)));
    if (r.truncated) td.appendChild(el('span', 'count', '……（后略）'));
    return td;
  }
  function rowEl(r) {
    var tr = el('tr');
    var meta = el('td', 'meta'); meta.appendChild(el('div', '', r.id || '—')); meta.appendChild(el('div', 'count', (r.file ? r.file + ' ' : '') + '第 ' + r.row + ' 行')); if (r.date) meta.appendChild(el('div', 'count', r.date));
    tr.appendChild(meta);
    tr.appendChild(el('td', 'meta', r.unit));
    tr.appendChild(textCell(r));
    var td = el('td'), ul = el('ul', 'findings');
    r.findings.forEach(function (f) { var li = el('li'), tag = el('span', 'rule', title(f.rule)); tag.title = f.rule; li.appendChild(tag); li.appendChild(document.createTextNode(' ' + f.message)); ul.appendChild(li); });
    td.appendChild(ul); tr.appendChild(td);
    return tr;
  }
  var PAGE = 200, shown = 0, matches = [];
  var tbody = document.querySelector('#failing tbody'), more = document.getElementById('more');
  function renderMore() {
    var frag = document.createDocumentFragment();
    matches.slice(shown, shown + PAGE).forEach(function (r) { frag.appendChild(rowEl(r)); });
    tbody.appendChild(frag);
    shown = Math.min(matches.length, shown + PAGE);
    more.hidden = shown >= matches.length;
    document.getElementById('count').textContent = '符合条件 ' + fmt(matches.length) + ' 篇' + (shown < matches.length ? '，已显示 ' + fmt(shown) + ' 篇' : '');
  }
  function apply() {
    var q = document.getElementById('q').value.trim().toLowerCase();
    var u = document.getElementById('f-unit').value, ru = document.getElementById('f-rule').value;
    matches = rows.filter(function (r) {
      return (!u || r.unit === u) && (!ru || r.findings.some(function (f) { return f.rule === ru; })) && (!q || r.hay.indexOf(q) >= 0);
    });
    tbody.textContent = ''; shown = 0; renderMore();
  }
  document.getElementById('q').addEventListener('input', apply);
  document.getElementById('f-unit').addEventListener('change', apply);
  document.getElementById('f-rule').addEventListener('change', apply);
  more.addEventListener('click', renderMore);
  apply();
})();
`;
