#!/usr/bin/env node
// Benchmark of `replylint check` (see bench/README.md, section "replylint check").
//
//   (a) in-process lint() per reply: p50 / p99 over --replies replies after a warm-up
//   (b) CLI cold start for one file: median of --runs runs, max RSS
//   (c) `replylint check <dir>` over --files files: replies per second
//
// The corpus is generated with a seeded PRNG into bench/out/corpus (reused when it already holds
// the same files): ~450-character replies with front matter, some clean, some with problems.
// --corpus real: the published replies of ../shared/corpora/tipdm-2020-replies.jsonl instead, each with
// its request in the front matter (on-topic then segments both texts), in bench/out/corpus-real.
// Uses the build output (packages/*/dist): run `npx tsc -b` first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const coreEntry = join(root, 'packages/lint-core/dist/index.js');

function arg(name, def) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
}
const bin = arg('bin', join(root, 'packages/cli/bin/replylint.js')); // e.g. an esbuild bundle to compare
const REPLIES = Number(arg('replies', 2000));
// JIT warm-up before measuring (a) (a long-lived process: language server, HTTP endpoint). With
// fewer than ~3,000 lints V8 is still compiling the rule code, and each compile job shows up as a
// 2–5 ms stall on a busy 2-core machine; the warm-up phase is reported on its own.
const WARMUP = Number(arg('warmup', 3000));
const FILES = Number(arg('files', 10000));
const RUNS = Number(arg('runs', 15));
const DIR_RUNS = Number(arg('dir-runs', 3));
const SEED = Number(arg('seed', 20240312));
const JSON_OUT = process.argv.includes('--json');
// synthetic (the seeded generator) or real: the published replies of ../shared/corpora/tipdm-2020-replies.jsonl,
// each with its request in the front matter as a real export carries it, repeated up to the sizes asked
const CORPUS = arg('corpus', 'synthetic');
const SKIP = new Set((arg('skip', '') || '').split(',').filter(Boolean)); // a,b,c
// NODE_EXTRA_CA_CERTS makes every node process parse that certificate file before it runs any
// JavaScript (node::crypto::UseExtraCaCerts in `perf`). Some sandboxes point it at the whole
// system bundle: ~140 certificates, 60–90 ms per process start on the bench VM, which (b) and (c)
// then include. --without-extra-ca measures (b) and (c) as on a machine without it.
const EXTRA_CA = process.env.NODE_EXTRA_CA_CERTS;
const WITHOUT_EXTRA_CA = process.argv.includes('--without-extra-ca');
const envWithoutExtraCa = { ...process.env };
delete envWithoutExtraCa.NODE_EXTRA_CA_CERTS;
const childEnv = WITHOUT_EXTRA_CA ? envWithoutExtraCa : process.env;

// ---------- corpus ----------

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['幸福路东段', '城南花园小区', '青年路与人民路交叉口', '高铁站北广场', '东湖街道办事处旁', '开发区纬二路', '老城区菜市场', '滨河公园南门', '实验小学附近', '湖滨新区安置小区'];
const ISSUES = [
  ['夜间施工噪音', '施工单位'],
  ['小区电梯长期故障', '物业公司'],
  ['餐饮油烟扰民', '餐饮店'],
  ['路灯损坏', '路灯管理所'],
  ['占道经营', '商户'],
  ['窨井盖缺失', '市政养护单位'],
  ['拖欠工资', '用人单位'],
  ['停车收费不合理', '停车场管理方'],
  ['供暖温度不达标', '供热公司'],
  ['违规收费', '培训机构'],
];
const UNITS = ['区城管局', '区住建局', '区生态环境分局', '区市场监管局', '区人社局', '街道办事处', '区交通运输局', '区教育局'];
const CHANNELS = ['12345', '市长信箱', '一张网', '督办件'];
const TYPES = ['complaint', 'help', 'consultation', 'suggestion', 'report'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['磊', '敏', '静', '伟', '芳', '强', '丽', '军', '洋', '勇'];

const pick = (rnd, xs) => xs[Math.floor(rnd() * xs.length)];
const pad2 = (n) => String(n).padStart(2, '0');

/** One reply: front matter + ~450 characters of body. `kind` 0 = clean, else a problem. */
function reply(rnd, i) {
  const place = pick(rnd, PLACES);
  const [issue, party] = pick(rnd, ISSUES);
  const unit = pick(rnd, UNITS);
  const type = pick(rnd, TYPES);
  const month = 1 + Math.floor(rnd() * 12);
  const day = 1 + Math.floor(rnd() * 27);
  const hour = 8 + Math.floor(rnd() * 9);
  const handler = `${pick(rnd, SURNAMES)}${pick(rnd, GIVEN)}`;
  const phone = `0527-8${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}`;
  const kind = rnd() < 0.5 ? 0 : 1 + Math.floor(rnd() * 6);
  const channel = pick(rnd, CHANNELS);
  const fm = [
    '---',
    `id: GD2024${pad2(month)}${pad2(day)}${String(i).padStart(5, '0')}`,
    `channel: ${channel}`,
    `type: ${type}`,
    // dispatched half an hour before the first contact (`contact` below, at `hour`:00)
    `dispatchedAt: 2024-${pad2(month)}-${pad2(day)} ${pad2(hour - 1)}:30`,
    `handler: { name: ${handler}, unit: ${unit}, phone: "${phone}" }`,
    // these channels need the unit head's approval (approval-required)
    ...(channel === '市长信箱' || channel === '督办件' ? [`approval: { by: ${pick(rnd, SURNAMES)}立新, role: 主要负责人, at: 2024-${pad2(month)}-${pad2(Math.min(day + 8, 28))} 09:00 }`] : []),
    '---',
    '',
  ].join('\n');
  const contact = `2024年${month}月${day}日${hour}时，承办人${handler}与您电话联系，详细了解了${place}${issue}的具体情况，并约定次日到现场核实。`;
  const verify = `${month}月${day + 1}日上午，我${unit.replace(/^区/, '')}工作人员会同属地街道到现场核查，经核实，您反映的${issue}问题基本属实，${party}未按要求落实相关管理措施。`;
  const handle = `针对上述问题，我们当场责令${party}立即整改，并明确于${month}月${Math.min(day + 7, 28)}日前完成整改；整改期间由街道网格员每日巡查，发现问题及时处置。`;
  const explain = `我们向您说明了处理依据和后续安排：依据《城市市容和环境卫生管理条例》第十七条，${party}应当履行相应管理责任，逾期未改的将依法立案查处。`;
  const result = `${month}月${Math.min(day + 8, 28)}日，承办人${handler}再次电话回访，您对处理结果表示满意。`;
  const sign = `\n承办人：${handler}　${unit}　联系电话：${phone}\n`;
  let body;
  switch (kind) {
    case 1: // harsh language
      body = `${contact}经核实，该诉求人无理取闹，多次反复投诉同一问题。${verify}${handle}${result}`;
      break;
    case 2: // evasive stock reply
      body = `您好，您反映的${place}${issue}问题已收悉。已联系市民解释，正在办理，请等待处理结果。详情请拨打${phone}咨询。${verify}`;
      break;
    case 3: // vague policy appeal + wrong document-number brackets
      body = `${contact}根据相关规定，按照有关政策，该事项依据宿政办[2021]032号文件办理。${verify}${handle}${result}`;
      break;
    case 4: // self-contact referral, unreachable excuse
      body = `${contact}经多次联系，市民电话无法接通。请您自行与${party}联系协商解决。${verify}${handle}`;
      break;
    case 5: // clichés, not our duty
      body = `我局高度重视，积极协调，进一步加强监管，切实推进工作落实。经研究，该事项非本单位职能，暂时无法解决。${verify}${explain}`;
      break;
    case 6: // final answer without approval
      body = `${contact}${verify}${handle}此为最终回复，不再答复。`;
      break;
    default:
      body = `${contact}${verify}${handle}${explain}${result}`;
  }
  return { text: `${fm}您好！\n\n${body}\n${sign}`, kind };
}

function corpus(n, seed) {
  const rnd = mulberry32(seed);
  const out = [];
  for (let i = 0; i < n; i++) out.push(reply(rnd, i));
  return out;
}

function realCorpus(n) {
  const file = join(root, '..', 'shared', 'corpora', 'tipdm-2020-replies.jsonl');
  if (!existsSync(file)) {
    console.error(`找不到语料 ${file}`);
    process.exit(2);
  }
  const records = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const out = [];
  // JSON strings are YAML scalars: the request as it was written, line breaks included
  for (let i = 0; i < n; i++) {
    const r = records[i % records.length];
    out.push({ text: `---\nrequest: ${JSON.stringify(r.request ?? '')}\n---\n\n${r.reply}\n` });
  }
  return out;
}

function writeCorpus(dir, replies) {
  const manifest = join(dir, 'manifest.json');
  const want = { seed: CORPUS === 'real' ? 'real' : SEED, files: replies.length, version: 3 };
  if (existsSync(manifest)) {
    try {
      const have = JSON.parse(readFileSync(manifest, 'utf8'));
      if (have.seed === want.seed && have.files === want.files && have.version === want.version) return;
    } catch {
      /* regenerate */
    }
  }
  rmSync(dir, { recursive: true, force: true });
  // 100 files per sub-directory, like an export split by unit
  replies.forEach((r, i) => {
    const sub = join(dir, `unit-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `reply-${String(i).padStart(5, '0')}.md`), r.text);
  });
  writeFileSync(manifest, JSON.stringify(want));
}

// ---------- measurements ----------

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function inProcess(replies, others) {
  const core = await import(pathToFileURL(coreEntry).href);
  const rules = [...core.loadBuiltinRules().keys()];
  const texts = replies.map((r) => r.text);
  const now = new Date('2024-12-31T12:00:00+08:00');
  // warm-up on other replies than the measured ones (all of them if there are no others)
  const warmTexts = others.length ? others.map((r) => r.text) : texts;
  const warm = [];
  for (let i = 0; i < WARMUP; i++) {
    const t0 = performance.now();
    core.lint(warmTexts[i % warmTexts.length], { now });
    warm.push(performance.now() - t0);
  }
  const firstN = warm.slice(0, 300).sort((a, b) => a - b);
  const times = [];
  let problems = 0;
  for (let i = 0; i < REPLIES; i++) {
    const t = texts[i % texts.length];
    const t0 = performance.now();
    const d = core.lint(t, { now });
    times.push(performance.now() - t0);
    problems += d.length;
  }
  times.sort((a, b) => a - b);
  const chars = texts.reduce((n, t) => n + t.length, 0) / texts.length;
  return {
    replies: REPLIES,
    rules,
    avgChars: Math.round(chars),
    p50: pct(times, 50),
    p99: pct(times, 99),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    problems,
    warmup: WARMUP,
    // the first 300 lints of a fresh process (JIT still compiling)
    coldP50: firstN.length ? pct(firstN, 50) : undefined,
    coldP99: firstN.length ? pct(firstN, 99) : undefined,
  };
}

function timeCommand(args) {
  const time = '/usr/bin/time';
  if (existsSync(time)) {
    const r = spawnSync(time, ['-f', '%e %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: childEnv });
    const m = /(\d+(?:\.\d+)?) (\d+)\s*$/.exec(r.stderr);
    return { status: r.status, rssKiB: m ? Number(m[2]) : undefined };
  }
  const r = spawnSync(process.execPath, args, { stdio: 'ignore', env: childEnv });
  return { status: r.status, rssKiB: undefined };
}

function coldStart(file) {
  const times = [];
  let rss = 0;
  let status;
  // The first run after a build or a rules change validates every rule's examples (which loads the
  // segmenter for on-topic's) and writes the caches: once per install, reported on its own line.
  const t0 = performance.now();
  const first = timeCommand([bin, 'check', file]);
  const firstRun = { ms: performance.now() - t0, rssMiB: first.rssKiB ? first.rssKiB / 1024 : undefined };
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = timeCommand([bin, 'check', file]);
    times.push(performance.now() - t0);
    status = r.status;
    if (r.rssKiB) rss = Math.max(rss, r.rssKiB);
  }
  return { runs: RUNS, medianMs: median(times), minMs: Math.min(...times), maxRssMiB: rss ? rss / 1024 : undefined, firstRun, exit: status, nodeBaselineMs: nodeBaseline(RUNS), nodeBaselineWithoutExtraCaMs: baselineWithoutExtraCa(RUNS) };
}

/**
 * Median wall time of an empty node process (what every CLI pays). Also a gauge of the machine's
 * current speed: on the shared bench VM it drifts between ~95 and ~150 ms within minutes, and
 * every other figure drifts with it, so (b) and (c) are reported with it.
 */
function nodeBaseline(runs, env = childEnv) {
  const base = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore', env });
    base.push(performance.now() - t0);
  }
  return median(base);
}

/** `node -e 0` without NODE_EXTRA_CA_CERTS, when the measured commands have it (else undefined). */
function baselineWithoutExtraCa(runs) {
  return EXTRA_CA && !WITHOUT_EXTRA_CA ? nodeBaseline(runs, envWithoutExtraCa) : undefined;
}

function directory(dir, replies) {
  const files = replies.length;
  const times = [];
  let status;
  let rss = 0;
  for (let i = 0; i < DIR_RUNS; i++) {
    const t0 = performance.now();
    const r = timeCommand([bin, 'check', dir, '--format', 'json', '--output-file', join(root, 'bench/out/check-result.json')]);
    times.push(performance.now() - t0);
    status = r.status;
    if (r.rssKiB) rss = Math.max(rss, r.rssKiB);
  }
  const ms = median(times);
  return { files, runs: DIR_RUNS, medianMs: ms, nodeBaselineMs: nodeBaseline(5), nodeBaselineWithoutExtraCaMs: baselineWithoutExtraCa(5), repliesPerSecond: files / (ms / 1000), maxRssMiB: rss ? rss / 1024 : undefined, exit: status, ...labelCheck(replies) };
}

/**
 * The corpus is what it claims: clean replies (kind 0) get no error and every reply with a
 * planted problem gets at least one error or warning. Read from the last run's JSON output.
 */
function labelCheck(replies) {
  if (CORPUS === 'real') return {}; // real replies carry no planted problems to check against
  const results = JSON.parse(readFileSync(join(root, 'bench/out/check-result.json'), 'utf8'));
  let cleanWithErrors = 0;
  let problemsMissed = 0;
  for (const r of results) {
    const i = Number(/reply-(\d+)\.md$/.exec(r.filePath)?.[1]);
    if (r.errorCount > 0 && replies[i].kind === 0) cleanWithErrors++;
    if (r.errorCount + r.warningCount === 0 && replies[i].kind !== 0) problemsMissed++;
  }
  return { errorsPerFile: results.reduce((n, r) => n + r.errorCount, 0) / results.length, cleanWithErrors, problemsMissed };
}

// ---------- main ----------

const out = { node: process.version, cpus: (await import('node:os')).cpus().length, seed: SEED, extraCaCerts: Boolean(EXTRA_CA) && !WITHOUT_EXTRA_CA };
const outDir = join(root, 'bench/out');
mkdirSync(outDir, { recursive: true });
const all = CORPUS === 'real' ? realCorpus(Math.max(FILES, REPLIES)) : corpus(Math.max(FILES, REPLIES), SEED);
const corpusDir = join(outDir, CORPUS === 'real' ? 'corpus-real' : 'corpus');
if (!SKIP.has('c') || !SKIP.has('b')) writeCorpus(corpusDir, all.slice(0, FILES));
if (CORPUS !== 'real') out.clean = all.filter((r) => r.kind === 0).length / all.length;

if (!SKIP.has('a')) out.inProcess = await inProcess(all.slice(0, Math.max(REPLIES, 1)), all.slice(Math.max(REPLIES, 1)));
if (!SKIP.has('b')) {
  const one = join(corpusDir, readdirSync(corpusDir).filter((d) => d.startsWith('unit-')).sort()[0], 'reply-00000.md');
  out.coldStart = coldStart(one);
}
if (!SKIP.has('c')) out.directory = directory(corpusDir, all.slice(0, FILES));

out.corpus = CORPUS;
const labelsOk = !out.directory || CORPUS === 'real' || (out.directory.cleanWithErrors === 0 && out.directory.problemsMissed === 0);
if (JSON_OUT) {
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} else {
  const f = (n, d = 1) => (n === undefined ? 'n/a' : n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));
  // node -e 0 as measured, and without NODE_EXTRA_CA_CERTS when that was measured too
  const baselineCell = (x) => `${f(x.nodeBaselineMs, 0)} ms${x.nodeBaselineWithoutExtraCaMs === undefined ? '' : `（去掉 NODE_EXTRA_CA_CERTS：${f(x.nodeBaselineWithoutExtraCaMs, 0)} ms）`}`;
  const rows = [['测量', '结果', '目标']];
  if (out.inProcess) {
    const a = out.inProcess;
    rows.push([`(a) lint() 每篇 p50（${a.replies} 篇，约 ${a.avgChars} 字，${a.rules.length} 条规则）`, `${f(a.p50, 3)} ms`, '≤ 0.5 ms']);
    rows.push([`(a) lint() 每篇 p99（先预热 ${a.warmup.toLocaleString('en-US')} 篇）`, `${f(a.p99, 3)} ms`, '≤ 2 ms']);
    if (a.coldP50 !== undefined) rows.push(['    参照：新进程前 300 篇 p50 / p99', `${f(a.coldP50, 3)} / ${f(a.coldP99, 3)} ms`, '']);
  }
  if (out.coldStart) {
    const b = out.coldStart;
    rows.push([`(b) 冷启动 check 单个文件（${b.runs} 次中位数）`, `${f(b.medianMs, 0)} ms`, '≤ 300 ms']);
    rows.push(['(b) 冷启动最大 RSS', b.maxRssMiB === undefined ? 'n/a' : `${f(b.maxRssMiB, 0)} MiB`, '≤ 150 MiB']);
    rows.push(['    参照：空 node 进程（node -e 0）', baselineCell(b), '']);
    rows.push(['    参照：计时前的第一次运行（可能要校验规则示例、写缓存）', `${f(b.firstRun.ms, 0)} ms${b.firstRun.rssMiB === undefined ? '' : `，${f(b.firstRun.rssMiB, 0)} MiB`}`, '']);
  }
  if (out.directory) {
    const c = out.directory;
    rows.push([`(c) check 目录（${c.files.toLocaleString('en-US')} 个文件，${c.runs} 次中位数）`, `${f(c.repliesPerSecond, 0)} 篇/秒（${f(c.medianMs / 1000, 2)} s）`, '≥ 4,000 篇/秒']);
    if (c.maxRssMiB !== undefined) rows.push(['(c) 最大 RSS', `${f(c.maxRssMiB, 0)} MiB`, '']);
    rows.push(['    参照：紧接着测的空 node 进程（node -e 0）', baselineCell(c), '']);
    if (CORPUS !== 'real') rows.push(['    语料自检：无问题答复报错 / 有问题答复无任何提示', `${c.cleanWithErrors} / ${c.problemsMissed} 篇（平均每篇 ${f(c.errorsPerFile, 2)} 个错误）`, '0 / 0']);
  }
  const width = (s) => [...s].reduce((w, ch) => w + (ch.codePointAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i]))));
  for (const r of rows) process.stdout.write(`${r.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join('  ').trimEnd()}\n`);
  if (CORPUS === 'real') process.stdout.write(`\nNode ${out.node}，${out.cpus} 核；语料：tipdm-2020 的 2,653 篇真实答复（文件头带诉求内容），重复到所需篇数。\n`);
  else process.stdout.write(`\nNode ${out.node}，${out.cpus} 核；语料种子 ${out.seed}，其中约 ${Math.round(out.clean * 100)}% 为无问题答复。\n`);
  if (WITHOUT_EXTRA_CA && EXTRA_CA) process.stdout.write('(b)(c) 在去掉 NODE_EXTRA_CA_CERTS 的环境中测量（--without-extra-ca）。\n');
  else if (EXTRA_CA) process.stdout.write('注意：NODE_EXTRA_CA_CERTS 已设置，每个 node 进程启动时先解析该证书文件，(b)(c) 含这段时间；--without-extra-ca 去掉它测量。\n');
}
if (!labelsOk) {
  process.stderr.write('语料自检失败：无问题答复被报错，或有问题答复未报错（见上表）。\n');
  process.exitCode = 1;
}
