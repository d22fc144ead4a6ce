// `replylint serve`: loads the configuration, rules, segmenter and (with --workers) the worker
// threads once, then listens. SIGINT/SIGTERM stop accepting connections, let the requests in
// flight finish, stop the threads and exit 0.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError } from '../errors.js';
import { loadCore } from '../core-loader.js';
import { cliVersion } from '../version.js';
import { ruleRows } from '../commands/rules-run.js';
import { inlineChecker, poolChecker, type Checker } from './checker.js';
import { poolOptions } from '../threads.js';
import type { LinterSpec } from '@replylint/core';
import { buildApp, type ServeContext } from './app.js';
import type { RuleInfo } from './present.js';
import { renderPage } from './page.js';

export interface ServeOptions {
  host: string;
  port: number;
  config?: string;
  profile?: string;
  token?: string;
  workers: number;
  bodyLimit: number;
  maxItems: number;
  timeout: number;
  log: boolean;
  /** --time-budget: milliseconds one reply may take. */
  timeBudget?: number;
  cwd?: string;
}

export const DEFAULT_PORT = 8729;

export async function runServe(opts: ServeOptions): Promise<number> {
  const core = await loadCore();
  const cwd = opts.cwd ?? process.cwd();
  const spec: LinterSpec = opts.config !== undefined ? { configFile: resolve(cwd, opts.config) } : { cwd };
  let linter;
  try {
    linter = core.createLinter(opts.config !== undefined ? { configFile: spec.configFile! } : { cwd });
    // a reply's time budget: --time-budget, else the config's, else a quarter of the request's time
    // limit, so that a reply stuck even in a worker thread (ended at twice its budget) is reported
    // within the request and the request's other replies keep their results
    const budget = opts.timeBudget ?? linter.config.timeBudget ?? Math.floor(opts.timeout / 4);
    if (budget !== linter.timeBudget) {
      spec.timeBudget = budget;
      linter = core.createLinter({ ...(opts.config !== undefined ? { configFile: spec.configFile! } : { cwd }), timeBudget: budget });
    }
    if (opts.profile !== undefined && !core.listProfiles().includes(opts.profile)) {
      throw new CliError(`未知的规则配置「${opts.profile}」，可用：${core.listProfiles().join('、')}`);
    }
  } catch (e) {
    if (e instanceof core.ReplylintError) throw new CliError(e.message);
    throw e;
  }
  const rows = await ruleRows();
  const docsDir = join(core.rulesDir(), '..', 'docs', 'rules');
  const docs = new Map<string, string>();
  try {
    for (const f of readdirSync(docsDir)) if (f.endsWith('.md')) docs.set(f.slice(0, -3), readFileSync(join(docsDir, f), 'utf8'));
  } catch {
    // docs are not installed: diagnostics carry no docs link
  }
  const rules = new Map<string, RuleInfo>();
  for (const r of rows.rows) rules.set(r.id, { title: r.title, source: r.source, ...(docs.has(r.id) ? { docs: `/docs/rules/${r.id}` } : {}) });

  const checker: Checker = opts.workers > 0 ? poolChecker(core, opts.workers, spec, poolOptions()) : inlineChecker(core, linter);
  const log = opts.log ? (entry: Record<string, unknown>) => process.stderr.write(`${JSON.stringify(entry)}\n`) : undefined;
  const ctx: ServeContext = {
    core,
    linter,
    checker,
    version: cliVersion(),
    ...(opts.profile !== undefined ? { defaultProfile: opts.profile } : {}),
    limits: { bodyLimit: opts.bodyLimit, maxItems: opts.maxItems, timeoutMs: opts.timeout },
    ...(opts.token ? { token: opts.token } : {}),
    ...(log ? { log } : {}),
    rules,
    ruleRows: rows,
    docs,
    page: renderPage({ profiles: rows.profiles, defaultProfile: opts.profile ?? linter.rulesFor().profile, version: cliVersion(), token: opts.token !== undefined }),
  };
  const app = await buildApp(ctx);
  try {
    await app.listen({ host: opts.host, port: opts.port });
  } catch (e) {
    await checker.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`端口 ${opts.port} 已被占用：请用 --port 换一个端口`);
    if (code === 'EACCES') throw new CliError(`没有权限监听端口 ${opts.port}：请用 1024 以上的端口`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new CliError(`无法监听地址 ${opts.host}：请检查 --host`);
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const shown = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  process.stderr.write(
    `replylint 服务已启动：http://${shown}:${port}/（检查页面）· 接口说明 /openapi.json · ${checker.threads ? `${checker.threads} 个工作线程` : '单线程'}${opts.token ? ' · 需要访问令牌' : ''}\n`,
  );
  // machine-readable line for supervisors and tests
  if (log) log({ time: new Date().toISOString(), event: 'listening', host: opts.host, port, workers: checker.threads });

  return new Promise<number>((done) => {
    let closing = false;
    const stop = (signal: string) => {
      if (closing) return;
      closing = true;
      process.stderr.write(`replylint 服务正在停止（${signal}）：等待处理中的请求完成…\n`);
      // keep-alive connections become idle as their requests finish: close them then, or the
      // server would wait for the clients' keep-alive timeout
      const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
      void app
        .close()
        .then(() => checker.close())
        .then(() => {
          clearInterval(sweep);
          done(0);
        });
    };
    // `on`, not `once`: a second signal while stopping must not fall back to Node's default
    // (killing the process with requests in flight)
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
}
