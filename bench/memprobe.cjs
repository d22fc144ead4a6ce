// Memory probe for a server under a benchmark: preload it into the server's node and every second
// (and at exit) it appends one JSON line to $MEMPROBE_OUT (default /tmp/memprobe-<pid>.jsonl):
// process.memoryUsage() (MiB), the V8 heap spaces (used/physical), V8's malloced memory, GC counts
// and pause times by kind, and the RSS of /proc/self/smaps summed by mapping name with the largest
// anonymous mappings (size:rss). At exit the mappings over 1 MiB go to the same path with .maps, and
// with $MEMPROBE_SNAP a heap snapshot is written there.
//   node bench/lsp.mjs --node-flags "--require ./bench/memprobe.cjs"
//   node bench/lsp.mjs --server packages/vscode-extension/dist/extension/dist/server.js --node-flags "--require ./bench/memprobe.cjs"
const fs = require('node:fs');
const v8 = require('node:v8');
const { PerformanceObserver, constants } = require('node:perf_hooks');

const out = process.env.MEMPROBE_OUT || `/tmp/memprobe-${process.pid}.jsonl`;
const MiB = (x) => Math.round((x / 1048576) * 10) / 10;

function smaps() {
  let text;
  try {
    text = fs.readFileSync('/proc/self/smaps', 'utf8');
  } catch {
    return [];
  }
  const maps = [];
  let cur;
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (m) {
      cur = { range: `${m[1]}-${m[2]}`, size: parseInt(m[2], 16) - parseInt(m[1], 16), perm: m[3], name: m[4] || '[anon]', rss: 0 };
      maps.push(cur);
      continue;
    }
    const r = /^Rss:\s+(\d+) kB/.exec(line);
    if (r && cur) cur.rss = Number(r[1]) * 1024;
  }
  return maps;
}

const gcs = {};
const kinds = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak',
};
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const g = (gcs[kinds[e.detail?.kind] ?? 'other'] ??= { n: 0, ms: 0 });
    g.n++;
    g.ms += e.duration;
  }
}).observe({ entryTypes: ['gc'] });

function dump() {
  const mu = process.memoryUsage();
  const maps = smaps();
  const byName = {};
  for (const m of maps) {
    const k = m.name.startsWith('/') ? m.name.replace(/^.*\//, '') : m.name;
    byName[k] = (byName[k] || 0) + m.rss;
  }
  const hs = v8.getHeapStatistics();
  const line = {
    t: Math.round(process.uptime() * 10) / 10,
    rss: MiB(mu.rss),
    heapTotal: MiB(mu.heapTotal),
    heapUsed: MiB(mu.heapUsed),
    external: MiB(mu.external),
    arrayBuffers: MiB(mu.arrayBuffers),
    malloced: MiB(hs.malloced_memory),
    peakMalloced: MiB(hs.peak_malloced_memory),
    spaces: v8.getHeapSpaceStatistics().map((s) => `${s.space_name.replace('_space', '')}=${MiB(s.space_used_size)}/${MiB(s.physical_space_size)}`).join(' '),
    gc: Object.entries(gcs).map(([k, v]) => `${k} ${v.n}×/${v.ms.toFixed(1)} ms`).join(', '),
    mappings: Object.entries(byName).sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => `${k}=${MiB(v)}`).join(' '),
    bigAnon: maps.filter((m) => m.name === '[anon]').sort((a, b) => b.rss - a.rss).slice(0, 8).map((m) => `${MiB(m.size)}:${MiB(m.rss)}`).join(' '),
  };
  fs.appendFileSync(out, `${JSON.stringify(line)}\n`);
}

setInterval(dump, Number(process.env.MEMPROBE_MS || 1000)).unref();
process.on('exit', () => {
  dump();
  const big = smaps().filter((m) => m.rss > 1 << 20).map((m) => `${m.range} ${m.perm} ${MiB(m.size)} ${MiB(m.rss)} ${m.name}`);
  fs.writeFileSync(out.replace(/\.jsonl$/, '.maps'), `${big.join('\n')}\n`);
  if (process.env.MEMPROBE_SNAP) v8.writeHeapSnapshot(process.env.MEMPROBE_SNAP);
});
