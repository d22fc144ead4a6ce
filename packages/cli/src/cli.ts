// replylint command line (program definition; main.ts runs it). Only commander and the (small) command definitions load at start;
// each command imports its implementation and @replylint/core when it runs.
import { Command, CommanderError, Help } from 'commander';
import { registerCheckCommand } from './commands/check.js';
import { registerInitCommand } from './commands/init.js';
import { registerRulesCommand } from './commands/rules.js';
import { registerDeadlineCommand } from './commands/deadline.js';
import { registerBatchCommand } from './commands/batch.js';
import { registerServeCommand } from './commands/serve.js';
import { registerPrintConfigCommand } from './commands/print-config.js';
import { registerRedactCommand } from './commands/redact.js';
import { EXIT_USAGE, reportError } from './errors.js';
import { cliVersion } from './version.js';
import { displayWidth, wrapText } from './width.js';

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

class ChineseHelp extends Help {
  override styleTitle(str: string): string {
    return TITLES[str] ?? str;
  }
  override optionDescription(option: Parameters<Help['optionDescription']>[0]): string {
    const extra: string[] = [];
    if (option.defaultValue !== undefined && (option.required || option.optional)) {
      extra.push(`默认：${option.defaultValueDescription ?? JSON.stringify(option.defaultValue)}`);
    }
    return extra.length ? `${option.description}（${extra.join('，')}）` : option.description;
  }
  override commandUsage(cmd: Parameters<Help['commandUsage']>[0]): string {
    return super.commandUsage(cmd).replace('[options]', '[选项]').replace('[command]', '[命令]');
  }
  override subcommandTerm(cmd: Parameters<Help['subcommandTerm']>[0]): string {
    return super.subcommandTerm(cmd).replace('[options]', '[选项]');
  }
  override argumentDescription(argument: Parameters<Help['argumentDescription']>[0]): string {
    return argument.description;
  }
  // a Chinese character takes two terminal columns, and Chinese text wraps between characters
  override displayWidth(str: string): number {
    // eslint-disable-next-line no-control-regex
    return displayWidth(str.replace(/\x1b\[\d*(?:;\d+)*m/g, ''));
  }
  override boxWrap(str: string, width: number): string {
    if (width < this.minWidthToWrap) return str;
    return str
      .split(/\r?\n/)
      .flatMap((line) => wrapText(line, width))
      .join('\n');
  }
}

/** Commander's own (English) error messages, in Chinese. */
export function translateCommanderError(err: CommanderError): string {
  const msg = err.message.replace(/^error: /, '');
  let m: RegExpExecArray | null;
  switch (err.code) {
    case 'commander.unknownOption':
      m = /unknown option '([^']*)'(?:\s*\(Did you mean (.*)\?\))?/.exec(msg);
      if (m) return `未知的选项 ${m[1]}${m[2] ? `（是否想用 ${m[2]}？）` : ''}`;
      break;
    case 'commander.optionMissingArgument':
      m = /option '([^']*)' argument missing/.exec(msg);
      if (m) return `选项 ${m[1]} 缺少取值`;
      break;
    case 'commander.missingArgument':
      m = /missing required argument '([^']*)'/.exec(msg);
      if (m) return `缺少参数 ${m[1]}`;
      break;
    case 'commander.invalidArgument':
      m = /option '([^']*)' argument '([^']*)' is invalid\.\s*(.*)/s.exec(msg);
      if (m) return `选项 ${m[1]} 的取值「${m[2]}」无效：${m[3]}`;
      m = /command-argument value '([^']*)' is invalid for argument '([^']*)'\.\s*(.*)/s.exec(msg);
      if (m) return `参数 ${m[2]} 的取值「${m[1]}」无效：${m[3]}`;
      break;
    case 'commander.excessArguments':
      m = /too many arguments(?: for '([^']*)')?/.exec(msg);
      if (m) return `${m[1] ? `命令 ${m[1]} 的` : ''}参数过多`;
      break;
    case 'commander.unknownCommand':
      m = /unknown command '([^']*)'/.exec(msg);
      if (m) return `未知的命令 ${m[1]}`;
      break;
    case 'commander.conflictingOption':
      return '选项互相冲突';
  }
  return msg;
}

export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('replylint');
  program
    .description('答复质检：按相关工作规定检查政务答复，计算办理时限')
    .version(cliVersion(), '-v, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示命令的帮助')
    .configureHelp({})
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      // commander's error text is replaced by a Chinese one in run()
      outputError: () => undefined,
    });
  program.createHelp = () => Object.assign(new ChineseHelp(), program.configureHelp());
  registerCheckCommand(program);
  registerRulesCommand(program);
  registerInitCommand(program);
  registerDeadlineCommand(program);
  registerBatchCommand(program);
  registerServeCommand(program);
  registerPrintConfigCommand(program);
  registerRedactCommand(program);
  for (const cmd of program.commands) {
    cmd.exitOverride();
    cmd.helpOption('-h, --help', '显示帮助');
    cmd.configureOutput({ outputError: () => undefined });
    cmd.createHelp = () => Object.assign(new ChineseHelp(), cmd.configureHelp());
  }
  return program;
}

export async function run(argv: readonly string[] = process.argv): Promise<number> {
  try {
    const program = await buildProgram(argv);
    if (argv.length <= 2) {
      process.stderr.write(program.helpInformation());
      return EXIT_USAGE;
    }
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      if (e.code === 'commander.executeSubCommandAsync') return e.exitCode;
      process.stderr.write(`replylint：${translateCommanderError(e)}（运行 replylint --help 查看用法）\n`);
      return EXIT_USAGE;
    }
    return reportError(e);
  }
}
