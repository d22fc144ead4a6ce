// `replylint redact`: the public version of a reply (core `redact`, docs/redact.md) on stdout or in
// a file written atomically; what was masked is listed on stderr with the masked values only.
// @replylint/core is imported only when the command runs.
import { type Command, InvalidArgumentError, Option } from 'commander';
import { readFileSync, realpathSync } from 'node:fs';
import { writeFileAtomic } from '../io/atomic.js';
import { basename, resolve } from 'node:path';
import { CliError } from '../errors.js';
import { loadCore } from '../core-loader.js';
import { describeFsError, InputError, readReplyFile, readStdin, type DecodedText } from '../io/read.js';

interface RedactCliOptions {
  output?: string;
  format: 'text' | 'json';
  metaFile?: string;
  keepPhone?: string[];
  quiet?: boolean;
}

const MAX_BYTES = 20 * 1024 * 1024;

export function registerRedactCommand(program: Command): Command {
  return program
    .command('redact')
    .description('生成答复的公开版本：承办人姓名和电话、诉求人姓名和电话、身份证号、银行卡号打码，其余一字不改')
    .argument('<答复文件>', '答复文件（.md / .txt，UTF-8 或 GBK），- 表示标准输入')
    .option('-o, --output <file>', '写入此文件（先写临时文件再改名），不给则输出到标准输出；不能是输入文件本身')
    .addOption(
      new Option('-f, --format <name>', '输出格式：text（公开版本全文）或 json（{ text, redactions }）').default('text', 'text').argParser((v: string) => {
        if (v !== 'text' && v !== 'json') throw new InvalidArgumentError('应为 text 或 json');
        return v;
      }),
    )
    .option('--meta-file <file>', 'JSON 格式的工单元数据（键同文件头，可用中文键），与文件头合并，同名字段以此为准')
    .option('--keep-phone <号码>', '不打码的电话（单位对外公开的电话），可多次给出', (v: string, prev: string[] = []) => [...prev, v])
    .option('-q, --quiet', '不在错误输出中列出打码情况')
    .addHelpText(
      'after',
      [
        '',
        '打码方式：承办人姓名 王*，诉求人姓名 张某，手机 138****5678，固定电话 0527-8436****，',
        '诉求人电话全部打码，身份证号、银行卡号保留前后各四位。12345、110、0527-12345 等服务号码和',
        '“服务热线”“监督电话”后的号码不打码。文件头保留，其中的个人信息同样打码。',
        '打码情况列在错误输出中，只显示打码后的值。',
        '',
        '示例：',
        '  replylint redact 答复.md > 答复.公开.md',
        '  replylint redact 答复.md -o 答复.公开.md --keep-phone 0527-84368888',
        '  replylint redact 答复.md --format json',
        '',
        '说明见 docs/redact.md。',
      ].join('\n'),
    )
    .action(async (file: string, opts: RedactCliOptions) => {
      process.exitCode = await runRedact(file, opts);
    });
}

async function readInput(file: string): Promise<DecodedText> {
  try {
    return file === '-' ? await readStdin(MAX_BYTES) : readReplyFile(resolve(file), MAX_BYTES);
  } catch (e) {
    if (e instanceof InputError) throw new CliError(`${file === '-' ? '标准输入' : file}：${e.message}`);
    throw e;
  }
}

function readMetaFile(path: string): unknown {
  let source: string;
  try {
    source = readFileSync(resolve(path), 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new CliError(`--meta-file ${path}：${describeFsError(e, '无法读取')}`);
  }
  try {
    return JSON.parse(source);
  } catch {
    // (the parser's message would quote the file's content)
    throw new CliError(`--meta-file ${path}：不是有效的 JSON`);
  }
}

/** The same file, following links; false when `output` does not exist yet. */
function sameFile(input: string, output: string): boolean {
  try {
    return realpathSync(input) === realpathSync(output);
  } catch {
    return false;
  }
}

/** redact -o: written atomically (io/atomic.ts); a failure is a message saying why. */
function writeOutput(target: string, content: string): void {
  try {
    writeFileAtomic(target, content);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '所在目录不存在' : code === 'EACCES' || code === 'EPERM' ? '没有权限' : code === 'EISDIR' ? '是目录' : `写入失败${code ? `（${code}）` : ''}`;
    throw new CliError(`无法写入 ${target}：${why}`);
  }
}

/** Whether a metadata problem leaves the requester's or the handler's details unknown. */
async function runRedact(file: string, opts: RedactCliOptions): Promise<number> {
  const label = file === '-' ? '标准输入' : file;
  if (opts.output !== undefined && file !== '-' && sameFile(resolve(file), resolve(opts.output))) {
    throw new CliError(`输出文件不能是输入文件本身（${opts.output}）：原件要留档备查，请另取文件名，如 -o ${basename(file).replace(/(\.[^.]*)?$/, '.公开$1')}`);
  }
  const input = await readInput(file);
  const meta = opts.metaFile !== undefined ? readMetaFile(opts.metaFile) : undefined;
  const core = await loadCore();
  const result = core.redact(input.text, { ...(meta !== undefined ? { meta: meta as Record<string, unknown> } : {}), keepPhones: opts.keepPhone ?? [] });

  const problems = result.metaProblems ?? [];
  const blocking = core.blockingProblem(result);
  if (blocking) {
    throw new CliError(`${label}：${blocking.message}，无法确定诉求人、承办人信息，未生成公开版本：请修正后重试`);
  }

  const output = opts.format === 'json' ? `${JSON.stringify({ text: result.text, redactions: result.redactions }, null, 2)}\n` : result.text;
  if (opts.output !== undefined) writeOutput(resolve(opts.output), (input.bom && opts.format === 'text' ? '\uFEFF' : '') + output);
  else process.stdout.write(output);

  if (!opts.quiet) {
    const lines: string[] = [];
    for (const p of problems) lines.push(`${label}：提示：${p.message}`);
    if (input.encoding === 'gb18030') lines.push(`${label}：文件为 GBK/GB18030 编码，公开版本按 UTF-8 输出`);
    const r = result.redactions;
    if (!r.length) lines.push(`${label}：未发现需打码的个人信息`);
    else {
      const counts = new Map<string, number>();
      for (const x of r) counts.set(x.kind, (counts.get(x.kind) ?? 0) + 1);
      const summary = [...counts].map(([k, n]) => `${core.REDACTION_KIND_NAMES[k as keyof typeof core.REDACTION_KIND_NAMES] ?? k} ${n}`).join('、');
      lines.push(`${label}：已打码 ${r.length} 处（${summary}）${opts.output !== undefined ? `，已写入 ${opts.output}` : ''}`);
      for (const x of r) lines.push(`  第 ${x.line} 行第 ${x.column} 列  ${core.REDACTION_KIND_NAMES[x.kind]} → ${x.masked}`);
    }
    process.stderr.write(`${lines.join('\n')}\n`);
  }
  return 0;
}
