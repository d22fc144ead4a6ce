// `replylint serve` over a real socket: every endpoint, auth, limits, a corpus of malformed
// requests (never a 500, the process stays up), concurrent requests, logs without reply text,
// graceful shutdown. The service is the built CLI started as a process.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinter, deadlinesToJson, redact } from '@replylint/core';
import { REPO_ROOT } from './helpers.js';
import { call, post, startServe, type Served } from './serve-helpers.js';

const PHONE = '13851276430';
const NAME = '陈立军';
// a reply that only says the matter was passed on: astral character, CRLF, the requester's phone
const EVASIVE = `𠮷先生：\r\n\r\n您好！您（${PHONE}）反映的问题已转相关部门办理，请耐心等待。\r\n\r\n宿城区住建局\r\n`;
const FIXTURE = readFileSync(join(REPO_ROOT, 'fixtures', 'replies', '01-shigong-zaoyin-complaint-12345.md'), 'utf8');

/** 1-based line and UTF-16 column of an offset, computed independently of the service. */
function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

let s: Served;
beforeAll(async () => {
  s = await startServe();
}, 90_000);
afterAll(async () => {
  await s?.stop();
});

describe('serve: endpoints', () => {
  it('GET /healthz answers with the version and rule count', async () => {
    const r = await call(`${s.url}/healthz`);
    expect(r.status).toBe(200);
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'packages', 'cli', 'package.json'), 'utf8')) as { version: string };
    // by default the checks run on cores − 1 worker threads (none on one core)
    expect(r.body).toMatchObject({ status: 'ok', version: pkg.version, workers: Math.min(Math.max(availableParallelism() - 1, 0), 7) });
    expect(r.body.rules).toBeGreaterThanOrEqual(27);
  });

  it('POST /v1/check: the core\'s diagnostics with severity, source clause, docs link, offsets and line/column (CRLF, astral)', async () => {
    const meta = { type: '投诉', request: '小区门口路灯坏了半个月', citizen: { phone: PHONE } };
    const r = await post(`${s.url}/v1/check`, { text: EVASIVE, meta, id: 'SQ-1' });
    expect(r.status).toBe(200);
    const expected = createLinter({ cwd: REPO_ROOT }).lintDocument(EVASIVE, { meta });
    expect(r.body.id).toBe('SQ-1');
    expect(r.body.profile).toBe(expected.profile);
    expect(r.body.diagnostics.map((d: { ruleId: string; offset: number; length: number }) => [d.ruleId, d.offset, d.length])).toEqual(
      expected.diagnostics.map((d) => [d.ruleId, d.range[0], d.range[1] - d.range[0]]),
    );
    const errors = expected.diagnostics.filter((d) => d.severity === 2).length;
    expect(r.body).toMatchObject({ accept: errors === 0, errorCount: errors, warningCount: expected.diagnostics.length - errors });
    expect(errors).toBeGreaterThan(0);
    for (const d of r.body.diagnostics) {
      expect(d.severity).toMatch(/^(error|warning)$/);
      expect(d.message).toMatch(/[\u4e00-\u9fff]/);
      expect(d.message).not.toContain(PHONE);
      expect(typeof d.source).toBe('string');
      expect(d.title).toMatch(/^[\u4e00-\u9fff“”]{2,12}$/); // the rule's short Chinese name
      if (d.inText) {
        expect({ line: d.line, column: d.column }).toEqual(lineCol(EVASIVE, d.offset));
        expect({ line: d.endLine, column: d.endColumn }).toEqual(lineCol(EVASIVE, d.offset + d.length));
      }
    }
    // the stock non-answer is found where it is written, after the astral character and a CRLF
    const evasive = r.body.diagnostics.find((d: { ruleId: string }) => d.ruleId === 'no-evasive-phrase');
    expect(evasive).toBeDefined();
    expect(EVASIVE.slice(evasive.offset, evasive.offset + evasive.length)).toMatch(/转|耐心等待/);
    expect(evasive.line).toBe(3);
    // the docs link is served
    const docs = await call(`${s.url}${evasive.docs}`);
    expect(docs.status).toBe(200);
    expect(docs.type).toContain('text/markdown');
    expect(docs.text).toContain('no-evasive-phrase');
  });

  it('POST /v1/check: a complete reply is accepted; profile per request; fix returns the fixed text', async () => {
    const ok = await post(`${s.url}/v1/check`, { text: FIXTURE });
    expect(ok.status).toBe(200);
    expect(ok.body.accept).toBe(true);
    expect(ok.body.errorCount).toBe(0);

    const suqian = await post(`${s.url}/v1/check`, { text: EVASIVE, profile: 'suqian' });
    expect(suqian.body.profile).toBe('suqian');

    const text = '张先生：\n\n您好！经查，依据宿政发(2021)12号文件，该路段已于10月8日修复。\n';
    const fixed = await post(`${s.url}/v1/check`, { text, fix: true, meta: { type: 'help' } });
    const core = createLinter({ cwd: REPO_ROOT }).fix(text, { meta: { type: 'help' } });
    expect(core.fixed).toBe(true);
    expect(fixed.body.output).toBe(core.output);
    // positions refer to the fixed text
    for (const d of fixed.body.diagnostics.filter((x: { inText: boolean }) => x.inText)) expect({ line: d.line, column: d.column }).toEqual(lineCol(core.output, d.offset));
  });

  it('POST /v1/check: one fault, one report; the rules it covers are named, with their places and messages', async () => {
    const text = '张先生：\n\n您好！您反映的问题已转相关部门办理，请耐心等待。\n';
    const r = await post(`${s.url}/v1/check`, { text });
    const core = createLinter({ cwd: REPO_ROOT }).lintDocument(text);
    const covering = core.diagnostics.filter((d) => d.covers?.length);
    expect(covering.length).toBeGreaterThan(0);
    for (const d of covering) {
      const a = r.body.diagnostics.find((x: { ruleId: string; offset: number }) => x.ruleId === d.ruleId && x.offset === d.range[0]);
      expect(a.covers).toEqual(d.covers);
      expect(a.related).toEqual(d.related!.map((x) => ({ offset: x.range[0], length: x.range[1] - x.range[0], ...lineCol(text, x.range[0]), message: x.message })));
    }
  });

  it('POST /v1/check with items: results in order with their ids, one verdict for all', async () => {
    const items = [
      { id: 'a', text: FIXTURE },
      { id: 2, text: EVASIVE, meta: { type: 'complaint' } },
      { text: '您好！已转相关部门办理。', format: 'text' },
    ];
    const r = await post(`${s.url}/v1/check`, { items });
    expect(r.status).toBe(200);
    expect(r.body.results.map((x: { id?: unknown }) => x.id)).toEqual(['a', 2, undefined]);
    expect(r.body.results.map((x: { accept: boolean }) => x.accept)).toEqual([true, false, false]);
    expect(r.body.accept).toBe(false);
    // each result equals the same reply checked alone
    const alone = await post(`${s.url}/v1/check`, items[1]);
    expect(r.body.results[1].diagnostics).toEqual(alone.body.diagnostics);
  });

  it('POST /v1/deadlines: the calculator\'s output, time left at `at`', async () => {
    const body = { dispatchedAt: '2026-12-30 10:00', type: '投诉', profile: 'suzhou-jkq', at: '2027-01-04T09:00:00+08:00' };
    const r = await post(`${s.url}/v1/deadlines`, body);
    expect(r.status).toBe(200);
    const linter = createLinter({ cwd: REPO_ROOT });
    const expected = deadlinesToJson(linter.deadlines({ dispatchedAt: body.dispatchedAt, type: body.type, profile: body.profile }), new Date(body.at), linter.calendar);
    expect(r.body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(r.body.deadlines.some((d: { timeLeft?: unknown }) => d.timeLeft)).toBe(true);

    const bad = await post(`${s.url}/v1/deadlines`, { dispatchedAt: '明天上午', profile: 'suzhou-jkq' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/派单时间|时间/);
  });

  it('POST /v1/redact: the public version, the rest byte for byte; unreadable citizen data refuses', async () => {
    const text = `${NAME}先生：\n\n您好！您（${PHONE}）反映的路灯问题，承办人王磊已于10月8日修复。\n\n承办人：王磊，联系电话：0527-84362157\n`;
    const meta = { citizen: { name: NAME, phone: PHONE }, handler: { name: '王磊' } };
    const r = await post(`${s.url}/v1/redact`, { text, meta });
    expect(r.status).toBe(200);
    const expected = redact(text, { meta });
    expect(r.body.text).toBe(expected.text);
    expect(r.body.redactions).toEqual(JSON.parse(JSON.stringify(expected.redactions)));
    expect(r.body.text).not.toContain(PHONE);
    expect(r.body.text).not.toContain(NAME);
    expect(r.body.text).not.toContain('王磊');
    expect(r.body.text).toContain('0527-8436****');
    // outside the redacted ranges nothing changed
    let rebuilt = '';
    let at = 0;
    for (const x of r.body.redactions as { range: [number, number]; masked: string }[]) {
      rebuilt += text.slice(at, x.range[0]) + x.masked;
      at = x.range[1];
    }
    expect(rebuilt + text.slice(at)).toBe(r.body.text);
    expect(r.body.redactions.map((x: { kind: string }) => x.kind)).toEqual(expect.arrayContaining(['requester-name', 'requester-phone', 'handler-name', 'phone']));
    // the log does not carry what was masked
    expect(s.stderr()).not.toContain('王磊');

    const refused = await post(`${s.url}/v1/redact`, { text, meta: { citizen: ['x'] } });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('未生成公开版本');
    expect((await post(`${s.url}/v1/redact`, { txt: text })).status).toBe(400);
  });

  it('GET /v1/rules lists every rule with its source clause and docs; GET /openapi.json describes the endpoints', async () => {
    const rules = await call(`${s.url}/v1/rules`);
    expect(rules.status).toBe(200);
    expect(rules.body.profiles).toContain('recommended');
    expect(rules.body.rules.length).toBeGreaterThanOrEqual(27);
    for (const r of rules.body.rules) {
      expect(r.source).toMatch(/[\u4e00-\u9fff]/);
      expect(r.docs).toBe(`/docs/rules/${r.id}`);
    }
    const api = await call(`${s.url}/openapi.json`);
    expect(api.status).toBe(200);
    expect(api.body.openapi).toMatch(/^3\./);
    for (const p of ['/v1/check', '/v1/deadlines', '/v1/redact', '/v1/rules', '/healthz']) expect(Object.keys(api.body.paths)).toContain(p);
    const check = api.body.paths['/v1/check'].post;
    const schema = JSON.stringify(check.requestBody.content['application/json'].schema);
    for (const field of ['text', 'items', 'meta', 'profile', 'fix', 'format']) expect(schema).toContain(`"${field}"`);
    const ok = JSON.stringify(check.responses['200']);
    for (const field of ['accept', 'diagnostics', 'ruleId', 'source', 'offset', 'line', 'column', 'suggestions']) expect(ok).toContain(`"${field}"`);
    expect(check.responses['413']).toBeDefined();
  });

  it('GET / is the checking page, self-contained', async () => {
    const r = await call(`${s.url}/`);
    expect(r.status).toBe(200);
    expect(r.type).toContain('text/html');
    expect(r.text).toContain('答复质检');
    expect(r.text).not.toMatch(/<script[^>]+src=|<link[^>]+href="(?!data:)|https?:\/\/(?!127\.0\.0\.1)/);
  });

  it('unknown paths and methods: 404 with the endpoints listed', async () => {
    const r = await call(`${s.url}/v2/check`, { body: '{}' });
    expect(r.status).toBe(404);
    expect(r.body.message).toContain('/v1/check');
    expect((await call(`${s.url}/v1/check`)).status).toBe(404);
  });
});

// [content type, body, expected status, message pattern]
const MALFORMED: [string, string | Uint8Array, number, RegExp][] = [
  ['application/json', '{"text":"您好', 400, /不是合法的 JSON/],
  ['application/json', '{"text": "x",}', 400, /不是合法的 JSON/],
  ['application/json', '', 400, /请求体为空/],
  ['application/json', 'null', 400, /应为 JSON 对象/],
  ['application/json', '[{"text":"x"}]', 400, /应为 JSON 对象/],
  ['application/json', '"您好"', 400, /应为 JSON 对象/],
  ['application/json', '{"text":42}', 400, /text：应为字符串/],
  ['application/json', '{"txt":"您好"}', 400, /text：缺少此项/],
  ['application/json', '{"text":"x","meta":[1,2]}', 400, /meta：应为 JSON 对象/],
  ['application/json', '{"text":"x","fix":"yes"}', 400, /fix：应为 true 或 false/],
  ['application/json', '{"text":"x","format":"html"}', 400, /format：应为 "markdown" 或 "text"/],
  ['application/json', '{"items":[{"text":"x"},{"text":null}]}', 400, /items\[1\]\.text：应为字符串/],
  ['application/json', '{"items":"x"}', 400, /items：应为数组/],
  ['application/json', '{"items":[]}', 400, /items：至少要有 1 项/],
  ['application/json', '{"text":"x","profile":"beijing"}', 400, /未知的规则配置「beijing」/],
  ['application/json', '{"text":"x","now":"昨天"}', 400, /now：「昨天」不是有效的时刻/],
  ['application/json', '{"text":"x","__proto__":{"admin":true}}', 400, /__proto__/],
  ['application/json', '{"text":"x","meta":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}', 400, /meta：应为 JSON 对象/],
  ['application/json', '{"text":"x","meta":{"a":' + '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_001) + '}', 400, /meta：嵌套超过 16 层/],
  ['application/json', '{"text":"x","meta":{"citizen":{"name":"张三","x":' + '['.repeat(40) + ']'.repeat(40) + '}}}', 400, /嵌套超过/],
  ['application/json', Buffer.from('{"text":"\xc4\xe3\xba\xc3"}', 'latin1'), 400, /UTF-8/],
  ['application/json', Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 400, /UTF-8/],
  ['text/plain', '您好！已转相关部门办理。', 415, /Content-Type: application\/json/],
  ['application/x-www-form-urlencoded', 'text=hi', 415, /application\/json/],
  ['application/xml', '<text>x</text>', 415, /application\/json/],
  ['application/json', JSON.stringify({ text: '您'.repeat(600_000) }), 413, /1048576 字节/],
  ['application/json', '{"text":"x","id":{"a":1}}', 400, /id/],
];

describe('serve: malformed requests', () => {
  it.each(MALFORMED.map(([type, body, status, pattern], i) => [i, type, status, body, pattern] as const))('#%i %s → %i', async (_i, type, status, body, pattern) => {
    const r = await call(`${s.url}/v1/check`, { body, type });
    expect(r.status).toBe(status);
    expect(r.type).toContain('application/json');
    if (status === 200) expect(r.text).toMatch(pattern);
    else {
      expect(r.body.error).toMatch(/^[a-z-]+$/);
      expect(r.body.message).toMatch(pattern);
      expect(r.text).not.toMatch(/at .*\.js:\d+|Error:|stack/i);
    }
  });

  it('a request that stops half way and a connection reset leave the service answering', async () => {
    const { connect } = await import('node:net');
    const port = Number(new URL(s.url).port);
    const rawly = (data: string, reset: boolean) =>
      new Promise<void>((resolve) => {
        const sock = connect(port, '127.0.0.1', () => {
          sock.write(data);
          if (reset) setTimeout(() => sock.resetAndDestroy(), 100);
        });
        const done = () => {
          clearTimeout(timer);
          sock.destroy();
          resolve();
        };
        const timer = setTimeout(done, 1000);
        sock.on('close', done);
        sock.on('error', done);
      });
    await rawly('POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"text":"', true);
    await rawly('GARBAGE / HTTP/9\r\n\r\n', false);
    expect((await call(`${s.url}/healthz`)).status).toBe(200);
  });

  it('no 500 in the log, and the log never carries reply text or personal data', async () => {
    await post(`${s.url}/v1/check`, { text: `${NAME}您好！您（${PHONE}）反映的问题已转相关部门办理。`, meta: { citizen: { name: NAME, phone: PHONE } } });
    const log = s.stderr();
    const lines = log.split('\n').filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(MALFORMED.length);
    for (const l of lines) {
      const e = JSON.parse(l) as { status?: number };
      expect(e.status ?? 200).toBeLessThan(500);
    }
    expect(log).not.toContain(PHONE);
    expect(log).not.toContain(NAME);
    expect(log).not.toContain('相关部门');
    expect(log).not.toContain('您');
  });
});

describe('serve: concurrency', () => {
  it('100 concurrent requests each get their own reply\'s result', async () => {
    const texts = Array.from({ length: 100 }, (_, i) =>
      i % 3 === 0 ? `您好！您反映的第${i}号问题已转相关部门办理，请耐心等待。` : i % 3 === 1 ? `您好！第${i}号工单，经查，路灯已于10月${(i % 28) + 1}日修复。` : `第${i}号：你这纯属无理要求。`,
    );
    const all = await Promise.all(texts.map((text, i) => post(`${s.url}/v1/check`, { text, id: i })));
    const alone: typeof all = [];
    for (const text of texts) alone.push(await post(`${s.url}/v1/check`, { text }));
    all.forEach((r, i) => {
      expect(r.status).toBe(200);
      expect(r.body.id).toBe(i);
      expect(r.body.diagnostics).toEqual(alone[i]!.body.diagnostics);
    });
    // the three kinds of reply got different findings
    const kinds = new Set(all.map((r) => r.body.diagnostics.map((d: { ruleId: string }) => d.ruleId).join()));
    expect(kinds.size).toBeGreaterThanOrEqual(3);
  });
});

describe('serve: options', () => {
  let t: Served;
  beforeAll(async () => {
    t = await startServe(['--token', 's3cret-token', '--max-items', '3', '--body-limit', '4kb', '--workers', '0', '--no-log']);
  }, 90_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('--token: /v1/* needs the bearer token; the page, health and OpenAPI do not', async () => {
    const none = await post(`${t.url}/v1/check`, { text: '您好' });
    expect(none.status).toBe(401);
    expect(none.body.message).toContain('Authorization: Bearer');
    expect((await post(`${t.url}/v1/check`, { text: '您好' }, 'wrong')).status).toBe(401);
    expect((await post(`${t.url}/v1/check`, { text: '您好' }, 's3cret-token')).status).toBe(200);
    expect((await call(`${t.url}/v1/rules`)).status).toBe(401);
    for (const p of ['/', '/healthz', '/openapi.json']) expect((await call(`${t.url}${p}`)).status).toBe(200);
    const api = await call(`${t.url}/openapi.json`);
    expect(api.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('--max-items and --body-limit answer 413 with the limit named', async () => {
    const items = Array.from({ length: 4 }, () => ({ text: '您好' }));
    const many = await post(`${t.url}/v1/check`, { items }, 's3cret-token');
    expect(many.status).toBe(413);
    expect(many.body.message).toContain('最多检查 3 条');
    const big = await post(`${t.url}/v1/check`, { text: '您'.repeat(3000) }, 's3cret-token');
    expect(big.status).toBe(413);
    expect(big.body.message).toContain('4096 字节');
  });

  it('--workers 0 (checks in the request thread) gives the same results as the worker threads', async () => {
    const items = [{ text: EVASIVE }, { text: FIXTURE.slice(0, 1500) }, { text: '您好！已转相关部门办理。', format: 'text' as const }];
    for (const item of items) {
      const a = await post(`${t.url}/v1/check`, item, 's3cret-token');
      const b = await post(`${s.url}/v1/check`, item);
      expect(a.status).toBe(200);
      expect(a.body).toEqual(b.body);
    }
    expect((await call(`${t.url}/healthz`)).body.workers).toBe(0);
  });

  it('--no-log writes no request lines', () => {
    expect(t.stderr()).not.toMatch(/"method"/);
  });
});

describe('serve: time limit and shutdown', () => {
  const long = (i: number) => `您好！第${i}号。${'经查，该路段路灯已于10月8日修复，请您放心。'.repeat(400)}`;

  it.each([['0'], ['1']])('--workers %s: a request over --timeout gets 503 and the service keeps answering', async (workers) => {
    const u = await startServe(['--timeout', '100', '--body-limit', '8mb', '--max-items', '1000', '--workers', workers]);
    try {
      const slow = await post(`${u.url}/v1/check`, { items: Array.from({ length: 200 }, (_, i) => ({ text: long(i) })) });
      expect(slow.status).toBe(503);
      expect(slow.body.message).toContain('100 毫秒');
      expect((await call(`${u.url}/healthz`)).status).toBe(200);
    } finally {
      await u.stop();
    }
  }, 60_000);

  it('SIGTERM lets the requests in flight finish (keep-alive connections included), then exits 0', async () => {
    const u = await startServe(['--body-limit', '8mb']);
    try {
      expect((await call(`${u.url}/healthz`)).status).toBe(200); // a keep-alive connection now exists
      const cpu = () => {
        // utime + stime of the whole process (its worker threads included), in clock ticks
        const f = readFileSync(`/proc/${u.proc.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return Number(f[11]) + Number(f[12]);
      };
      const idle = cpu();
      const inFlight = post(`${u.url}/v1/check`, { items: Array.from({ length: 30 }, (_, i) => ({ text: long(i) })) });
      // stop only once the service is working on the request (a fixed pause loses the race on a busy
      // machine: the request would then arrive after the shutdown began, which is another test)
      for (let waited = 0; cpu() < idle + 3 && waited < 20_000; waited += 5) await new Promise((r) => setTimeout(r, 5));
      u.proc.kill('SIGTERM');
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.body.results).toHaveLength(30);
      expect(await u.stop()).toBe(0);
      expect(u.stderr()).toContain('正在停止');
    } finally {
      await u.stop();
    }
  }, 60_000);

  it('a port in use and a bad option are clear errors with exit 2', async () => {
    const port = new URL(s.url).port;
    const { run } = await import('./helpers.js');
    const busy = run(['serve', '--port', port]);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain(`端口 ${port} 已被占用`);
    const bad = run(['serve', '--port', '70000']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--port');
    const lim = run(['serve', '--body-limit', 'lots']);
    expect(lim.code).toBe(2);
    expect(lim.stderr).toContain('字节数');
  });
});

