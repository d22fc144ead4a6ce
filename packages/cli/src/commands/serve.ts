// Registration of `replylint serve` (fastify and @replylint/core load when it runs).
import { timeBudgetOption } from './time-budget.js';
import { type Command, InvalidArgumentError, Option } from 'commander';

function integer(min: number, max: number, what: string) {
  return (value: string): number => {
    const v = value.trim();
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new InvalidArgumentError(`应为 ${min} 到 ${max} 之间的整数${what}`);
    return Number(v);
  };
}

function size(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb)?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('应为字节数，可带单位，如 1048576、512kb、2mb');
  const unit = (m[2] ?? '').toLowerCase();
  const n = Math.round(Number(m[1]) * (unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1));
  if (n < 1024 || n > 256 * 1024 * 1024) throw new InvalidArgumentError('应在 1kb 到 256mb 之间');
  return n;
}

export function registerServeCommand(program: Command): Command {
  return program
    .command('serve')
    .description('启动答复质检 HTTP 服务：平台受理答复前调用检查，附检查页面（GET /）和接口说明（/openapi.json）')
    .option('--host <地址>', '监听地址；仅本机可访问，对外提供时改为 0.0.0.0 并配置令牌', '127.0.0.1')
    .addOption(new Option('-p, --port <端口>', '监听端口（0 表示任选空闲端口）').default(8729).argParser(integer(0, 65535, '')))
    .option('-c, --config <file>', '使用指定配置文件（不再从当前目录向上查找 .replylintrc.yaml）')
    .option('--profile <name>', '请求未指定规则配置时使用的规则配置')
    .option('--token <令牌>', '要求 /v1/ 接口带 Authorization: Bearer <令牌>（也可用环境变量 REPLYLINT_TOKEN）')
    .addOption(new Option('--workers <n>', '检查用的工作线程数（默认：核数 − 1，请求线程只负责收发；0 表示在请求线程内检查）').argParser(integer(0, 64, '')))
    .addOption(new Option('--body-limit <大小>', '请求体上限，超出返回 413').default(1024 * 1024, '1mb').argParser(size))
    .addOption(new Option('--max-items <n>', '一次请求最多检查的答复条数，超出返回 413').default(100).argParser(integer(1, 100000, '')))
    .addOption(new Option('--timeout <毫秒>', '单个请求的检查时限，超出返回 503').default(10000).argParser(integer(100, 600000, '（毫秒）')))
    .addOption(timeBudgetOption('--timeout 的四分之一，使卡住的答复在请求时限内被报告'))
    .option('--no-log', '不输出请求日志（默认每个请求一行 JSON 到标准错误：方法、路径、状态、耗时，不含答复内容）')
    .addHelpText(
      'after',
      '\n示例：\n  replylint serve                                   # http://127.0.0.1:8729/\n  replylint serve --host 0.0.0.0 --port 8080 --token "$(openssl rand -hex 16)"\n  curl -s localhost:8729/v1/check -H "Content-Type: application/json" -d \'{"text":"您好……","meta":{"type":"投诉"}}\'\n\n接口说明见 /openapi.json 和 README「HTTP 服务」一节。',
    )
    .action(async (opts: Record<string, unknown>) => {
      const { runServe } = await import('../serve/run.js');
      const token = (opts.token as string | undefined) ?? process.env.REPLYLINT_TOKEN;
      const { workerThreads } = await import('../threads.js');
      process.exitCode = await runServe({
        host: opts.host as string,
        port: opts.port as number,
        workers: (opts.workers as number | undefined) ?? workerThreads(true),
        bodyLimit: opts.bodyLimit as number,
        maxItems: opts.maxItems as number,
        timeout: opts.timeout as number,
        ...(opts.timeBudget !== undefined ? { timeBudget: opts.timeBudget as number } : {}),
        log: opts.log !== false,
        ...(opts.config !== undefined ? { config: opts.config as string } : {}),
        ...(opts.profile !== undefined ? { profile: opts.profile as string } : {}),
        ...(token ? { token } : {}),
      });
    });
}
