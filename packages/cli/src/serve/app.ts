// The HTTP service as a fastify app (no socket: run.ts listens). Every route validates its input
// with the zod schemas that /openapi.json is generated from; every failure is a JSON {error,
// message} with a defined status; request logs carry method, route, status, timing and counts only.
import { createHash, timingSafeEqual } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { z } from 'zod';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Linter, TextItem } from '@replylint/core';
import type { Core } from '../core-loader.js';
import { CheckTimeoutError, type Checker } from './checker.js';
import { badRequest, fromFastifyError, HttpError, issuesMessage, jsonMessage } from './errors.js';
import secureJson from 'secure-json-parse';
import { presentResult, type RuleInfo } from './present.js';
import {
  checkBodySchema,
  checkManySchema,
  checkResultSchema,
  deadlineBodySchema,
  errorSchema,
  redactBodySchema,
  redactResultSchema,
  type CheckBody,
  type CheckItemBody,
  type DeadlineBody,
  type RedactBody,
} from './schemas.js';
import type { RuleRow } from '../commands/rules-run.js';

export interface ServeLimits {
  /** Largest request body, bytes. */
  bodyLimit: number;
  /** Most replies in one `items` request. */
  maxItems: number;
  /** Time limit of one request's checks, ms. */
  timeoutMs: number;
}

export interface ServeContext {
  core: Core;
  /** The linter of the configuration, created once at start (deadlines, rules, inline checks). */
  linter: Linter;
  checker: Checker;
  version: string;
  /** Profile for requests that name none (else the configuration's). */
  defaultProfile?: string;
  limits: ServeLimits;
  /** Bearer token required on /v1/* when set. */
  token?: string;
  /** One structured line per request; undefined: no request log. */
  log?: (entry: Record<string, unknown>) => void;
  /** Source clause and docs link of each rule. */
  rules: ReadonlyMap<string, RuleInfo>;
  ruleRows: { rows: RuleRow[]; profiles: string[] };
  /** docs/rules/<id>.md by rule id (served at /docs/rules/<id>). */
  docs: ReadonlyMap<string, string>;
  /** The checking page (GET /). */
  page: string;
}

const PUBLIC = new Set(['/', '/healthz', '/openapi.json']);

/** Ticket metadata is a few levels deep; deeper values are refused before they reach a worker thread. */
const MAX_META_DEPTH = 16;

/** Whether `value` nests objects or arrays deeper than `limit` (iterative: no recursion on input). */
function nestedDeeper(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(v as Record<string, unknown>)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function validatorCompiler({ schema }: { schema: z.ZodType }) {
  return (data: unknown) => {
    const r = schema.safeParse(data);
    return r.success ? { value: r.data } : { error: badRequest(issuesMessage(r.error.issues as never)) };
  };
}

// responses are built by the handlers to match their schemas; they are serialised as they are
const serializerCompiler = () => (data: unknown) => JSON.stringify(data);

export async function buildApp(ctx: ServeContext): Promise<FastifyInstance> {
  const { core, linter, limits } = ctx;
  const app = Fastify({
    logger: false,
    bodyLimit: limits.bodyLimit,
    // slow clients cannot hold a connection open for ever
    connectionTimeout: 60_000,
    requestTimeout: 60_000,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  app.setValidatorCompiler(validatorCompiler as never);
  app.setSerializerCompiler(serializerCompiler as never);

  // JSON bodies: valid UTF-8 required (a GBK body would otherwise decode to replacement characters
  // and be checked as if it were the reply); fastify's parser guards against prototype poisoning
  // only JSON is accepted (a text/plain body would otherwise reach validation as a string)
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const buf = body as Buffer;
    if (!isUtf8(buf)) {
      done(new HttpError(400, 'invalid-encoding', '请求体不是有效的 UTF-8 编码：请以 UTF-8 提交（GBK 等编码的文字请先转换）'), undefined);
      return;
    }
    if (buf.length === 0) {
      done(badRequest('请求体为空：应为 JSON 对象，如 {"text": "答复全文"}'), undefined);
      return;
    }
    try {
      done(null, secureJson.parse(buf.toString('utf8'), undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch (e) {
      done(badRequest(jsonMessage(e)), undefined);
    }
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'replylint 答复质检服务',
        description: '受理答复前检查：是否缺少办理要素、是否敷衍推诿、引用是否规范，并计算办理时限、生成公开版本。',
        version: ctx.version,
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      ...(ctx.token ? { security: [{ bearer: [] }] } : {}),
    },
    transform: jsonSchemaTransform,
  });

  app.addHook('onRequest', async (req) => {
    (req as { started?: number }).started = performance.now();
    if (!ctx.token) return;
    const path = req.url.split('?', 1)[0]!;
    if (PUBLIC.has(path) || path.startsWith('/docs/')) return;
    const header = req.headers.authorization;
    const m = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m || !sameToken(m[1]!, ctx.token)) throw new HttpError(401, 'unauthorized', '缺少或错误的访问令牌：请在请求头中带 Authorization: Bearer <令牌>');
  });

  if (ctx.log) {
    const log = ctx.log;
    app.addHook('onResponse', async (req, reply) => {
      const started = (req as { started?: number }).started ?? performance.now();
      const entry: Record<string, unknown> = {
        time: new Date().toISOString(),
        id: req.id,
        method: req.method,
        // the route pattern, never the query string
        path: req.routeOptions.url ?? req.url.split('?', 1)[0]!.slice(0, 200),
        status: reply.statusCode,
        ms: Math.round((performance.now() - started) * 100) / 100,
      };
      const items = (req as { itemCount?: number }).itemCount;
      if (items !== undefined) entry.items = items;
      log(entry);
    });
  }

  app.setErrorHandler((e: FastifyError, req, reply) => {
    const err =
      e instanceof HttpError
        ? e
        : e instanceof CheckTimeoutError
          ? new HttpError(503, 'timeout', `${e.message}：请把答复分批提交，或检查文本是否混入了大量符号`)
          : e instanceof core.ReplylintError
            ? badRequest(e.message)
            : fromFastifyError(e, limits.bodyLimit);
    if (err) {
      if (err.statusCode === 401) void reply.header('WWW-Authenticate', 'Bearer');
      return reply.code(err.statusCode).type('application/json; charset=utf-8').send({ error: err.error, message: err.message });
    }
    // a bug: logged without the request body, answered without details
    ctx.log?.({ time: new Date().toISOString(), id: req.id, level: 'error', error: e.name, code: e.code });
    return reply.code(500).type('application/json; charset=utf-8').send({ error: 'internal', message: `服务内部错误，请求未能完成：请稍后重试，并把时间和请求编号 ${req.id} 报告给管理员` });
  });

  app.setNotFoundHandler((req, reply) =>
    reply
      .code(404)
      .type('application/json; charset=utf-8')
      .send({ error: 'not-found', message: `没有 ${req.method} ${req.url.split('?', 1)[0]!.slice(0, 100)}：可用 POST /v1/check、POST /v1/deadlines、POST /v1/redact、GET /v1/rules、GET /healthz、GET /openapi.json` }),
  );

  const knownProfiles = new Set(ctx.ruleRows.profiles);
  const checkProfile = (p: string | undefined, path: string) => {
    if (p !== undefined && !knownProfiles.has(p)) throw badRequest(`${path}：未知的规则配置「${p}」，可用：${ctx.ruleRows.profiles.join('、')}`);
  };
  const parseInstant = (value: string | undefined, path: string): number | undefined => {
    if (value === undefined) return undefined;
    const t = Date.parse(value);
    if (Number.isNaN(t)) throw badRequest(`${path}：「${value.slice(0, 40)}」不是有效的时刻，应如 2024-10-12T09:00:00+08:00`);
    return t;
  };

  const toItem = (body: CheckItemBody, index: number, path: string, listProfile: string | undefined): TextItem => {
    if (body.meta !== undefined && nestedDeeper(body.meta, MAX_META_DEPTH)) throw badRequest(`${path}meta：嵌套超过 ${MAX_META_DEPTH} 层：工单元数据应为几层的「键: 值」对象`);
    const profile = body.profile ?? listProfile;
    checkProfile(body.profile, `${path}profile`);
    let meta: Record<string, unknown> | undefined = body.meta;
    if (profile !== undefined) meta = { ...meta, profile };
    else if (ctx.defaultProfile !== undefined && !(meta && ('profile' in meta || '规则配置' in meta))) meta = { ...meta, profile: ctx.defaultProfile };
    const now = parseInstant(body.now, `${path}now`);
    return {
      id: index,
      text: body.text,
      ...(meta !== undefined ? { meta } : {}),
      ...(body.format ? { format: body.format } : {}),
      ...(body.fix ? { fix: true } : {}),
      ...(now !== undefined ? { now } : {}),
    };
  };

  app.post(
    '/v1/check',
    {
      schema: {
        summary: '检查一条或多条答复',
        description:
          '请求体为 {text, meta?, profile?, format?, fix?} 或 {items: [...]}。返回每个问题的规则、级别、中文说明、依据条款、UTF-16 偏移和行列、修复与建议，以及是否可受理（accept：没有错误级问题）。',
        body: checkBodySchema,
        response: { 200: z.union([checkResultSchema, checkManySchema]), 400: errorSchema, 401: errorSchema, 413: errorSchema, 503: errorSchema },
      },
    },
    async (req) => {
      const body = req.body as CheckBody;
      const many = 'items' in body;
      const list = many ? body.items : [body];
      (req as { itemCount?: number }).itemCount = list.length;
      if (list.length > limits.maxItems) throw new HttpError(413, 'too-many-items', `一次最多检查 ${limits.maxItems} 条答复，本次 ${list.length} 条：请分批提交`);
      if (many) checkProfile(body.profile, 'profile');
      const items = list.map((b, i) => toItem(b, i, many ? `items[${i}].` : '', many ? body.profile : undefined));
      const results = await ctx.checker.check(items, limits.timeoutMs);
      const out = results.map((r, i) => {
        const presented = presentResult(core, r, list[i]!.text, ctx.rules);
        if (list[i]!.id !== undefined) presented.id = list[i]!.id;
        else delete presented.id;
        return presented;
      });
      if (!many) return out[0];
      return { accept: out.every((r) => r.accept), results: out };
    },
  );

  app.post(
    '/v1/deadlines',
    {
      schema: {
        summary: '计算办理时限',
        description: '按规则配置的时限表和法定工作日历计算签收、办结、延期等时限；给出 at 时附各时限的剩余或逾期时间。',
        body: deadlineBodySchema,
        response: { 400: errorSchema, 401: errorSchema },
      },
    },
    async (req) => {
      const body = req.body as DeadlineBody;
      checkProfile(body.profile, 'profile');
      const at = parseInstant(body.at, 'at');
      const profile = body.profile ?? ctx.defaultProfile;
      const result = linter.deadlines({
        dispatchedAt: body.dispatchedAt,
        ...(body.type !== undefined ? { type: body.type } : {}),
        ...(profile !== undefined ? { profile } : {}),
        ...(body.extension ? { extension: body.extension } : {}),
      });
      return core.deadlinesToJson(result, at !== undefined ? new Date(at) : undefined, linter.calendar);
    },
  );

  app.post(
    '/v1/redact',
    {
      schema: {
        summary: '生成公开版本',
        description:
          '承办人姓名打码（王*）、电话打码（0527-8436****、138****5678）、身份证号和银行卡号打码，元数据中诉求人的姓名和电话从文中去除（张某、全部打码）；其余文字逐字不变。诉求人或承办人信息无法读取时返回 400，不生成公开版本。',
        body: redactBodySchema,
        response: { 200: redactResultSchema, 400: errorSchema, 401: errorSchema, 413: errorSchema },
      },
    },
    async (req) => {
      const body = req.body as RedactBody;
      if (body.meta !== undefined && nestedDeeper(body.meta, MAX_META_DEPTH)) throw badRequest(`meta：嵌套超过 ${MAX_META_DEPTH} 层：工单元数据应为几层的「键: 值」对象`);
      const result = core.redact(body.text, {
        ...(body.meta !== undefined ? { meta: body.meta } : {}),
        ...(body.format ? { format: body.format } : {}),
        ...(body.keepPhones ? { keepPhones: body.keepPhones } : {}),
      });
      const blocking = core.blockingProblem(result);
      if (blocking) throw badRequest(`${blocking.message}，无法确定诉求人、承办人信息，未生成公开版本：请修正后重试`);
      const notes = (result.metaProblems ?? []).map((p) => p.message);
      return { text: result.text, redactions: result.redactions, ...(notes.length ? { notes } : {}) };
    },
  );

  app.get('/v1/rules', { schema: { summary: '规则一览', description: '每条规则的分类、各规则配置下的级别、是否可自动修复、依据条款和说明。' } }, async () => ({
    profiles: ctx.ruleRows.profiles,
    rules: ctx.ruleRows.rows.map((r) => ({ ...r, ...(ctx.docs.has(r.id) ? { docs: `/docs/rules/${r.id}` } : {}) })),
  }));

  app.get('/healthz', { schema: { summary: '健康检查' } }, async () => ({ status: 'ok', version: ctx.version, rules: ctx.ruleRows.rows.length, workers: ctx.checker.threads }));

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/docs/rules/:id', { schema: { hide: true } }, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const text = ctx.docs.get(id);
    if (text === undefined) throw new HttpError(404, 'not-found', `没有规则「${id.slice(0, 60)}」的说明`);
    return reply.type('text/markdown; charset=utf-8').send(text);
  });

  app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(ctx.page));

  return app;
}
