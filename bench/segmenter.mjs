#!/usr/bin/env node
// Segmenter backends compared (node-rs, nodejieba, wasm, js): dictionary load time and RSS growth (each in a fresh child process),
// then cut/tag throughput over a generated corpus of ~450-character replies (also one child per backend).
// Uses the BUILT code: run `npx tsc -b` first.
//
//   node bench/segmenter.mjs [--runs 5] [--replies 2000] [--rounds 5] [--json]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const DIST = fileURLToPath(new URL('../packages/lint-core/dist/segment/index.js', import.meta.url));
const BACKENDS = ['node-rs', 'nodejieba', 'wasm', 'js'];

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}

// ---------------------------------------------------------------------------------------------
// Corpus: realistic (fictional) reply texts from sentence templates, seeded so every run and
// every child process sees the same text. No personal data: people appear only by role.

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

const POOLS = {
  place: ['滨河花园小区', '东城家园', '光明路与建设街交叉口', '幸福里社区', '南湖新村', '城西农贸市场', '文化路小学门口', '锦绣华庭', '工业园区二期', '老城区菜市场'],
  issue: ['夜间施工噪音扰民', '烧烤店油烟直排', '占道经营', '小区停车位被长期占用', '冬季供暖温度不达标', '楼道堆放杂物存在消防隐患', '路灯长期不亮', '道路破损积水', '装修噪音扰民', '物业服务不到位', '垃圾清运不及时', '违法建设'],
  dept: ['住建局', '城管局', '市场监管局', '生态环境局', '营商环境局', '综合执法局', '街道办事处', '社区居委会', '交通运输局', '应急管理局'],
  company: ['物业公司', '施工单位', '供热公司', '商户', '开发商', '保洁公司'],
  action: ['责令其立即整改', '下达了责令整改通知书', '约谈了相关负责人', '依法立案调查', '督促其限期整改', '组织人员进行了清理', '更换了损坏的设施', '调整了作业时间'],
  time: ['上午9时', '上午10时30分', '下午2时', '下午3时15分', '下午4时'],
};

// A reply: opening, contact, inspection, finding, measures, follow-up, closing (one template each,
// optional sentences while the text stays within 500 characters: ~450 on average).
const PARTS = [
  [
    (r) => `尊敬的市民您好：您于${r.month}月${r.day}日通过12345热线反映的${r.place}${r.issue}问题已收悉，${r.dept}高度重视，立即安排专人办理。`,
    (r) => `您好！您通过市长信箱反映的${r.place}${r.issue}问题，${r.dept}已于${r.month}月${r.day}日签收，现将办理情况答复如下。`,
  ],
  [
    (r) => `承办人于${r.month}月${r.day2}日${r.time}电话联系了您，详细了解了问题发生的时间、地点和具体情况。`,
    (r) => `经办人于${r.month}月${r.day2}日${r.time}与您电话沟通，您表示该问题已持续较长时间，希望尽快解决。`,
  ],
  [
    (r) => `${r.month}月${r.day2}日，${r.dept}工作人员会同${r.dept2}到现场进行核查，并向周边居民和${r.company}了解情况。`,
    (r) => `随后，${r.dept}组织执法人员赴现场调查取证，查阅了${r.company}的相关台账和记录。`,
  ],
  [
    (r) => `经现场核查，您反映的情况属实，${r.company}存在${r.issue}的问题，违反了相关管理规定。`,
    (r) => `经查，您反映的情况部分属实，${r.company}已按要求完成部分整改，仍有个别问题需要进一步处理。`,
  ],
  [
    (r) => `针对上述问题，执法人员${r.action}，并要求其在${r.n}个工作日内完成整改，逾期未整改的将依法处理。`,
    (r) => `根据相关法律法规，${r.dept}已对${r.company}${r.action}，整改期间安排专人跟踪督办。`,
  ],
  [
    (r) => `下一步，${r.dept}将加强日常巡查，建立长效管理机制，防止问题反弹，切实维护居民的合法权益。`,
    (r) => `同时，我们已将该问题纳入重点督办事项，由${r.dept2}配合做好后续监督工作。`,
  ],
  [
    (r) => `${r.month}月${r.day3}日，工作人员对您进行了回访，您对办理结果表示认可。`,
    (r) => `${r.month}月${r.day3}日，工作人员再次到现场复查，确认整改已经完成，并电话回访告知了您。`,
  ],
];
const OPTIONAL = [
  (r) => `经了解，该问题主要系${r.company}日常管理不到位所致，相关负责人已作出书面说明。`,
  (r) => `为避免类似问题再次发生，我们已要求${r.company}完善内部管理制度，并在显著位置公示投诉电话。`,
  (r) => `如您对本次办理结果仍有异议，可在收到答复之日起${r.n2}日内向上一级主管部门申请复核。`,
  (r) => `感谢您对我们工作的理解和支持，如有其他问题，可继续通过12345政务服务便民热线反映。`,
  (r) => `在此过程中给您带来的不便，我们深表歉意。`,
];
const CLOSING = '该工单已按规定办结，此为最终答复。';

function makeReply(rand) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 20);
  const r = {
    month,
    day,
    day2: day + 1 + Math.floor(rand() * 3),
    day3: day + 5 + Math.floor(rand() * 3),
    n: pick([3, 5, 7, 10, 15]),
    n2: pick([15, 30, 60]),
    place: pick(POOLS.place),
    issue: pick(POOLS.issue),
    dept: pick(POOLS.dept),
    company: pick(POOLS.company),
    action: pick(POOLS.action),
    time: pick(POOLS.time),
  };
  r.dept2 = pick(POOLS.dept.filter((d) => d !== r.dept));
  let text = PARTS.map((alternatives) => pick(alternatives)(r)).join('');
  for (const t of OPTIONAL) {
    const next = t(r);
    if (text.length + next.length + CLOSING.length <= 500 && rand() < 0.75) text += next;
  }
  return text + CLOSING;
}

export function makeCorpus(n, seed = 20240927) {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, () => makeReply(rand));
}

// ---------------------------------------------------------------------------------------------
// Child process: one measurement in a fresh process.

async function child(mode, name) {
  const { getSegmenter, isSegmenterAvailable } = await import(pathToFileURL(DIST).href);
  if (!isSegmenterAvailable(name)) {
    try {
      getSegmenter(name);
    } catch (e) {
      return { unavailable: true, message: e.message };
    }
  }
  if (mode === 'load') {
    globalThis.gc?.();
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const seg = getSegmenter(name);
    const loadMs = performance.now() - t0;
    const t1 = performance.now();
    seg.cut('请承办人联系诉求人');
    const firstCutMs = performance.now() - t1;
    globalThis.gc?.();
    const rssCut = process.memoryUsage().rss;
    const t2 = performance.now();
    seg.keywords('您反映的小区烧烤店油烟扰民问题已由城管局依法查处。', 3);
    const firstKeywordsMs = performance.now() - t2;
    globalThis.gc?.();
    const rssKw = process.memoryUsage().rss; // node-rs builds its IDF table on the first keywords call
    return { loadMs, firstCutMs, firstKeywordsMs, rssDeltaMiB: (rssCut - rss0) / 2 ** 20, rssKeywordsMiB: (rssKw - rss0) / 2 ** 20 };
  }
  // throughput
  const replies = makeCorpus(arg('replies', 2000));
  const chars = replies.reduce((s, r) => s + r.length, 0);
  const seg = getSegmenter(name);
  for (const r of replies.slice(0, 200)) seg.cut(r), seg.tag(r); // warm up
  const rounds = arg('rounds', 5);
  const time = (fn) => {
    let best = Infinity;
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      for (const r of replies) fn(r);
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  const cutMs = time((r) => seg.cut(r));
  const tagMs = time((r) => seg.tag(r));
  return {
    replies: replies.length,
    avgChars: chars / replies.length,
    cutPerSec: replies.length / (cutMs / 1000),
    cutCharsPerSec: chars / (cutMs / 1000),
    tagPerSec: replies.length / (tagMs / 1000),
  };
}

function runChild(mode, name) {
  const res = spawnSync(process.execPath, ['--expose-gc', SELF, '--child', mode, name, ...process.argv.slice(2)], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`child ${mode} ${name} failed (${res.status}):\n${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').pop());
}

// display width: CJK and full-width characters take two columns
const width = (s) => [...s].reduce((w, c) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(c) ? 2 : 1), 0);
const pad = (s, w, right) => (right ? ' '.repeat(w - width(s)) + s : s + ' '.repeat(w - width(s)));

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells) => `| ${cells.map((c, i) => pad(c, widths[i], i > 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i > 0 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const childAt = process.argv.indexOf('--child');
  if (childAt >= 0) {
    const [mode, name] = process.argv.slice(childAt + 1, childAt + 3);
    process.stdout.write(`${JSON.stringify(await child(mode, name))}\n`);
    return;
  }
  if (!existsSync(DIST)) {
    console.error(`找不到构建产物 ${DIST}：请先运行 npx tsc -b`);
    process.exit(1);
  }
  const runs = arg('runs', 5);
  const results = [];
  for (const name of BACKENDS) {
    const loads = [];
    let unavailable;
    for (let i = 0; i < runs && !unavailable; i++) {
      const r = runChild('load', name);
      if (r.unavailable) unavailable = r.message;
      else loads.push(r);
    }
    if (unavailable) {
      results.push({ backend: name, unavailable });
      continue;
    }
    const tp = runChild('throughput', name);
    results.push({
      backend: name,
      loadMs: median(loads.map((l) => l.loadMs)),
      firstCutMs: median(loads.map((l) => l.firstCutMs)),
      firstKeywordsMs: median(loads.map((l) => l.firstKeywordsMs)),
      rssDeltaMiB: median(loads.map((l) => l.rssDeltaMiB)),
      rssKeywordsMiB: median(loads.map((l) => l.rssKeywordsMiB)),
      ...tp,
    });
  }

  const cpus = os.cpus();
  const env = { node: process.version, cpu: cpus[0]?.model ?? 'unknown', cores: os.availableParallelism?.() ?? cpus.length, runs };
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ env, results }, null, 2));
    return;
  }
  console.log(`Node ${env.node} · ${env.cpu} · ${env.cores} 核 · 加载/内存取 ${runs} 个新进程的中位数\n`);
  const header = ['后端', '加载', 'RSS 增量', '首次 cut', '首次 keywords', '含 keywords 的 RSS 增量', 'cut 篇/秒', 'cut 字/秒', 'tag 篇/秒'];
  const rows = results.map((r) =>
    r.unavailable
      ? [r.backend, '不可用', '', '', '', '', '', '', '']
      : [
          r.backend,
          `${r.loadMs.toFixed(0)} ms`,
          `${r.rssDeltaMiB.toFixed(0)} MiB`,
          `${r.firstCutMs.toFixed(2)} ms`,
          `${r.firstKeywordsMs.toFixed(0)} ms`,
          `${r.rssKeywordsMiB.toFixed(0)} MiB`,
          Math.round(r.cutPerSec).toLocaleString('en-US'),
          `${(r.cutCharsPerSec / 1e6).toFixed(2)} M`,
          Math.round(r.tagPerSec).toLocaleString('en-US'),
        ],
  );
  printTable(header, rows);
  const tp = results.find((r) => r.replies);
  if (tp) console.log(`语料：${tp.replies} 篇生成的答复，平均 ${tp.avgChars.toFixed(0)} 字；吞吐取 ${arg('rounds', 5)} 轮中最快一轮。`);
  for (const r of results) if (r.unavailable) console.log(`${r.backend}：${r.unavailable}`);
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) await main();
