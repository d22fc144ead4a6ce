// Registration of `replylint check` (the default command). The implementation (and @replylint/core)
// is imported only when the command runs.
import { timeBudgetOption } from './time-budget.js';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { FORMATS, isFormatName } from '../formatters/names.js';
import { parseSize } from '../io/read.js';

function parseFormat(value: string): string {
  if (!isFormatName(value)) throw new InvalidArgumentError(`应为 ${FORMATS.join('、')} 之一`);
  return value;
}

function parseMaxWarnings(value: string): number {
  if (!/^-?\d+$/.test(value.trim()) || Number(value) < -1) throw new InvalidArgumentError('应为不小于 -1 的整数（-1 表示不限）');
  return Number(value);
}

function parseMaxFileSize(value: string): number {
  const n = parseSize(value);
  if (n === undefined) throw new InvalidArgumentError('应为正数，可带单位 KB、MB、GB，如 20MB');
  return n;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function registerCheckCommand(program: Command): Command {
  return program
    .command('check', { isDefault: true })
    .description('检查答复文件（默认命令：replylint a.md 等同于 replylint check a.md）')
    .argument('[files...]', '文件、目录（递归查找 .md/.txt）、通配符，或「-」表示从标准输入读取')
    .option('--profile <name>', '使用指定规则配置（优先于配置文件和文件头）')
    .option('-c, --config <file>', '使用指定配置文件（不再向上查找 .replylintrc.yaml）')
    .addOption(new Option('-f, --format <name>', `输出格式：${FORMATS.join('、')}`).default('stylish', 'stylish').argParser(parseFormat))
    .option('--fix', '自动修复可修复的问题并写回文件')
    .option('--fix-dry-run', '计算修复但不写回（JSON 输出带 output 字段）')
    .addOption(new Option('--max-warnings <n>', '警告数超过 n 时以代码 1 退出').argParser(parseMaxWarnings))
    .option('--quiet', '只报告错误，不报告警告')
    .addOption(new Option('--rule <id:severity>', '临时调整规则级别，可重复，如 --rule signature-block:error').argParser(collect))
    .option('--no-color', '不使用颜色')
    .option('-o, --output-file <file>', '把结果写入文件而不是标准输出')
    .option('--stdin-filename <file>', '标准输入内容对应的文件名（用于查找配置和输出）')
    .addOption(new Option('--max-file-size <size>', '单个文件大小上限，超过则拒绝检查').default(20 * 1024 * 1024, '20MB').argParser(parseMaxFileSize))
    .addOption(timeBudgetOption('10000'))
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const { runCheck } = await import('../check/run.js');
      process.exitCode = await runCheck(files, opts);
    });
}
