// `npm run eval`: scores the rules on the labelled development set of real replies (eval/real/), or
// with `--set holdout` on the held-out set (eval/holdout/: labelled the same way, never used to
// tune the rules).
// The labels (blind: made from SPEC §3 and the documents, never from the tool's output) are kept by
// corpus id; the texts are read from ../shared/corpora/. The built CLI's `batch` checks every
// labelled reply as plain text with its request, under --profile (default recommended); each rule's
// verdict per reply is compared with the labels.
//
//   npm run build && npm run eval                  # table on stdout, disagreements in eval/real/out/
//   node scripts/eval.mjs --profile suqian --rule on-topic
//   node scripts/eval.mjs --set holdout
//   node scripts/eval.mjs --config try.yaml      # a configuration to try (extends: recommended, options)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpora = join(root, '..', 'shared', 'corpora');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const SETS = { real: '开发集', holdout: '留出集', holdout2: '第二留出集', holdout3: '第三留出集', holdout4: '第四留出集', holdout5: '第五留出集', holdout6: '第六留出集', holdout7: '第七留出集', holdout8: '第八留出集' };
const set = arg('set', 'real');
if (!(set in SETS)) {
  console.error(`--set 应为 ${Object.keys(SETS).join(' 或 ')}`);
  process.exit(2);
}
const evalDir = join(root, 'eval', set);
const outDir = join(evalDir, 'out');
const profile = arg('profile', 'recommended');
const onlyRule = arg('rule', undefined);
// --config FILE: a configuration to try (extends a profile, changes options) instead of --profile alone
const configFile = arg('config', undefined);

export const RULES = [
  'handler-name', 'contact-time', 'communication-details', 'satisfaction', 'dissatisfaction-explained', 'signature-block',
  'policy-citation-needed', 'citation-format', 'refusal-needs-basis', 'one-time-notice', 'no-evasive-phrase',
  'no-self-contact-referral', 'no-unreachable-excuse', 'no-not-our-duty', 'no-bare-cannot-solve', 'no-bureaucratic-cliche',
  'no-harsh-language', 'no-copied-subunit-reply', 'substance', 'on-topic', 'final-answer-approval', 'personal-info',
];
const ELEMENT_RULES = new Set(['handler-name', 'contact-time', 'communication-details', 'satisfaction', 'signature-block']);

// ---- labels: every labeller's lines; a reply's truth per rule is the majority (a tie is left out)
const labels = new Map(); // id → Map(rule → { fires: n, silent: n, reasons: [] })
let lines = 0;
for (const f of readdirSync(evalDir).filter((f) => /^labels-.*\.jsonl$/.test(f)).sort()) {
  for (const line of readFileSync(join(evalDir, f), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let l;
    try {
      l = JSON.parse(line);
    } catch {
      console.error(`${f}: 无法解析的一行，已跳过`);
      continue;
    }
    lines++;
    let byRule = labels.get(l.id);
    if (!byRule) labels.set(l.id, (byRule = new Map()));
    for (const rule of RULES) {
      let v = byRule.get(rule);
      if (!v) byRule.set(rule, (v = { fires: 0, silent: 0, reasons: [] }));
      if (l.fires && rule in l.fires) {
        v.fires++;
        v.reasons.push(`${l.labeller}：${l.fires[rule]}`);
      } else if (Array.isArray(l.silent) && l.silent.includes(rule)) v.silent++;
    }
  }
}
if (!labels.size) {
  console.error(`eval/${set}/ 中还没有标注（labels-*.jsonl）`);
  process.exit(2);
}

// ---- texts, and the tool's verdicts through `replylint batch`
const texts = new Map();
for (const f of ['web-replies.jsonl', 'tipdm-2020-replies.jsonl']) {
  for (const line of readFileSync(join(corpora, f), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    if (labels.has(r.id)) texts.set(r.id, r);
  }
}
mkdirSync(outDir, { recursive: true });
const input = join(outDir, 'set.jsonl');
const ids = [...labels.keys()].filter((id) => texts.has(id));
writeFileSync(input, ids.map((id) => JSON.stringify({ 工单编号: id, 诉求内容: texts.get(id).request ?? '', 答复内容: texts.get(id).reply })).join('\n') + '\n');
const results = join(outDir, `results-${profile}.jsonl`);
const bin = join(root, 'packages', 'cli', 'bin', 'replylint.js');
if (!existsSync(bin)) {
  console.error('请先构建：npm run build');
  process.exit(2);
}
// never score a previous run's results when this one fails (a rule's examples failing at load)
rmSync(results, { force: true });
const run = spawnSync(process.execPath, [bin, 'batch', input, '-o', results, '--profile', profile, ...(configFile ? ['--config', configFile] : []), '--no-progress', '--workers', '0'], { encoding: 'utf8' });
if (!existsSync(results)) {
  console.error(run.stderr);
  process.exit(2);
}
// One fault, one report: a reply that narrates no contact at all gets contact-time/noContact,
// which says both elements are missing, and communication-details stays silent; that report
// counts for communication-details too.
const COVERED_BY = { 'communication-details': ['contact-time', 'noContact'] };
const listed = spawnSync(process.execPath, [bin, 'rules', '-f', 'json', '--profile', profile], { encoding: 'utf8' });
const profileSeverity = new Map(JSON.parse(listed.stdout).rules.map((r) => [r.id, r.severity === 'error' ? 2 : 1]));
const tool = new Map(); // id → Map(rule → severity max)
for (const line of readFileSync(results, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = JSON.parse(line);
  const m = new Map();
  for (const f of r.findings ?? []) {
    m.set(f.ruleId, Math.max(m.get(f.ruleId) ?? 0, f.severity));
    // a fault two rules saw is reported once (a rule's yieldsTo); the report names the others,
    // which count as reported at their own severity under the profile (never above the report's)
    for (const rule of f.covers ?? []) m.set(rule, Math.max(m.get(rule) ?? 0, Math.min(f.severity, profileSeverity.get(rule) ?? 1)));
    for (const [rule, [by, messageId]] of Object.entries(COVERED_BY)) {
      if (f.ruleId === by && f.messageId === messageId) m.set(rule, Math.max(m.get(rule) ?? 0, f.severity));
    }
  }
  tool.set(r.id, m);
}

// ---- scores
const rows = [];
const disagreements = [];
let errTp = 0;
let errAll = 0;
let disputed = 0;
for (const rule of RULES) {
  if (onlyRule && rule !== onlyRule) continue;
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const id of ids) {
    const v = labels.get(id).get(rule);
    if (!v || v.fires + v.silent === 0) continue;
    if (v.fires === v.silent) {
      disputed++;
      continue;
    }
    const truth = v.fires > v.silent;
    const sev = tool.get(id)?.get(rule) ?? 0;
    const said = sev > 0;
    if (sev === 2) {
      errAll++;
      if (truth) errTp++;
    }
    if (said && truth) tp++;
    else if (said) fp++, disagreements.push({ id, rule, tool: '报告', label: '不应报告' });
    else if (truth) fn++, disagreements.push({ id, rule, tool: '未报告', label: '应报告', why: v.reasons.join('；') });
    else tn++;
  }
  const p = tp + fp ? tp / (tp + fp) : NaN;
  const r = tp + fn ? tp / (tp + fn) : NaN;
  rows.push({ rule, tp, fp, fn, tn, precision: p, recall: r });
}

const pct = (x) => (Number.isNaN(x) ? '—' : `${(100 * x).toFixed(0)}%`);
const pad = (s, n) => s + ' '.repeat(Math.max(0, n - s.length));
console.log(`${SETS[set]}：${ids.length} 篇真实答复（${lines} 行标注，${labels.size} 个编号），规则配置 ${profile}；各规则按多数标注计，平票 ${disputed} 处不计。\n`);
console.log(`${pad('规则', 28)}  应报告  报告对  误报  漏报   准确率  召回率`);
for (const r of rows) console.log(`${pad(r.rule, 28)}  ${String(r.tp + r.fn).padStart(6)}  ${String(r.tp).padStart(6)}  ${String(r.fp).padStart(4)}  ${String(r.fn).padStart(4)}  ${pct(r.precision).padStart(7)}  ${pct(r.recall).padStart(6)}`);
const sum = (pred) => rows.filter(pred).reduce((a, r) => ({ tp: a.tp + r.tp, fp: a.fp + r.fp, fn: a.fn + r.fn }), { tp: 0, fp: 0, fn: 0 });
const other = sum((r) => !ELEMENT_RULES.has(r.rule));
const elements = sum((r) => ELEMENT_RULES.has(r.rule));
console.log(`\n要素规则合计：准确率 ${pct(elements.tp / (elements.tp + elements.fp))}，召回率 ${pct(elements.tp / (elements.tp + elements.fn))}`);
console.log(`其他规则合计：准确率 ${pct(other.tp / (other.tp + other.fp))}，召回率 ${pct(other.tp / (other.tp + other.fn))}`);
console.log(`错误级别的准确率（${profile} 下报为错误的，有多少应报告）：${pct(errTp / errAll)}（${errTp}/${errAll}）`);

// a good reply (no rule its labels say fires is an error under the profile) must get no error from
// any rule, labelled or not (issue 18: "a good real reply gets no error")
const goodWithError = [];
let good = 0;
for (const id of ids) {
  const labelled = labels.get(id);
  const labelError = [...labelled].some(([rule, v]) => v.fires > v.silent && profileSeverity.get(rule) === 2);
  if (labelError) continue;
  good++;
  const errors = [...(tool.get(id) ?? [])].filter(([, sev]) => sev === 2).map(([rule]) => rule);
  if (errors.length) goodWithError.push({ id, errors });
}
console.log(`标注没有错误的答复：${good} 篇，其中工具报了错误的 ${goodWithError.length} 篇${goodWithError.length ? `（${goodWithError.map((g) => `${g.id} ${g.errors.join('、')}`).join('；')}）` : ''}`);

// overlap: how often labellers agree on the replies they all labelled
const sample = JSON.parse(readFileSync(join(evalDir, 'sample.json'), 'utf8'));
const agreement = (pred) => {
  let agree = 0, pairs = 0;
  for (const id of sample.overlap) {
    for (const [rule, v] of labels.get(id) ?? []) {
      if (!pred(rule)) continue;
      const n = v.fires + v.silent;
      pairs += (n * (n - 1)) / 2;
      agree += (v.fires * (v.fires - 1)) / 2 + (v.silent * (v.silent - 1)) / 2;
    }
  }
  return pairs ? agree / pairs : NaN;
};
console.log(`标注一致性（${sample.overlap.length} 篇重叠答复，两两比较）：全部规则 ${pct(agreement(() => true))}，要素以外的规则 ${pct(agreement((r) => !ELEMENT_RULES.has(r)))}`);

const report = disagreements.map((d) => `- ${d.id} ${d.rule}：工具${d.tool}，标注${d.label}${d.why ? `（${d.why}）` : ''}`).join('\n');
writeFileSync(join(outDir, `disagreements-${profile}.md`), `# 工具与标注不一致之处（${profile}）\n\n${report}\n`);
console.log(`\n不一致之处（${disagreements.length} 处）：eval/${set}/out/disagreements-${profile}.md`);
