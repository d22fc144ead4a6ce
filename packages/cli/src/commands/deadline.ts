// `replylint deadline`: the working-day deadlines of a ticket under a profile's time-limit table
// (SPEC §5). @replylint/core is imported only when the command runs.
import { type Command, InvalidArgumentError, Option } from 'commander';
import { colors, shouldColor } from '../color.js';
import { CliError } from '../errors.js';
import { displayWidth, padEnd } from '../width.js';
import { loadCore } from '../core-loader.js';
import { dirname, resolve } from 'node:path';
import { InputError, readReplyFile } from '../io/read.js';

interface DeadlineOptions {
  profile?: string;
  type?: string;
  dispatched?: string;
  at?: string;
  extensionApproved?: string;
  extensionUntil?: string;
  config?: string;
  strictCalendar?: boolean;
  format: 'table' | 'json';
  color?: boolean;
}

export function registerDeadlineCommand(program: Command): Command {
  return program
    .command('deadline')
    .description('按规则配置的时限表和法定工作日历计算办理时限（签收、退回、办结、延期…）')
    .argument('[答复文件]', '从答复的文件头读取派单时间、诉求类型、延期、规则配置和答复时间（命令行选项优先）')
    .option('--profile <name>', '规则配置（时限表），如 suzhou-jkq、xiaoxian、suqian、changshu、anning；默认取配置文件 extends 中带时限表的配置')
    .option('-t, --type <type>', '诉求类型：consultation 咨询、complex-consultation 复杂咨询、help 求助、complaint 投诉、report 举报、suggestion 建议、emergency 应急、incident 突发（中文名亦可）')
    .option('-d, --dispatched <time>', '派单时间（北京时间），如 2024-09-27T10:00:00+08:00 或 "2024-09-27 10:00"')
    .option('--at <time>', '按此时刻显示各时限的剩余时间或逾期时间')
    .option('--extension-approved <time>', '延期批准时间')
    .option('--extension-until <time>', '批准延期至（新的办结截止时间）')
    .option('-c, --config <file>', '使用指定配置文件（其 calendar: 补充日历生效；不再向上查找 .replylintrc.yaml）')
    .option('--strict-calendar', '日历缺少某年数据时报错，不按法定节假日推算（同配置 strictCalendar: true）')
    .addOption(
      new Option('-f, --format <name>', '输出格式：table（表格）或 json').default('table', 'table').argParser((v: string) => {
        if (v !== 'table' && v !== 'json') throw new InvalidArgumentError('应为 table 或 json');
        return v;
      }),
    )
    .option('--no-color', '不使用颜色')
    .addHelpText(
      'after',
      '\n示例：\n  replylint deadline --profile suzhou-jkq --type complaint --dispatched 2024-09-27T10:00:00+08:00\n  replylint deadline --profile suzhou-jkq --type 投诉 --dispatched "2024-09-27 10:00" --at "2024-10-14 09:00"\n\n尚无节假日安排通知的年份暂按法定节假日推算（未含调休），结果中注明；--strict-calendar 则报错。\n工作日历、约定和各配置的时限表见 docs/deadlines.md。',
    )
    .action(async (file: string | undefined, opts: DeadlineOptions) => {
      process.exitCode = await runDeadline(opts, file);
    });
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

async function runDeadline(opts: DeadlineOptions, file?: string): Promise<number> {
  const core = await loadCore();
  try {
    // the ticket from the reply's own front matter; options given on the command line win
    let meta: import('@replylint/core').TicketMeta | undefined;
    if (file !== undefined) {
      let text: string;
      try {
        text = readReplyFile(resolve(file), 20 * 1024 * 1024).text;
      } catch (e) {
        if (e instanceof InputError) throw new CliError(`${file}：${e.message}`);
        throw e;
      }
      const read = core.createLinter({ deferModules: true }).lintDocument(text, { only: [] });
      const bad = read.diagnostics.find((d) => d.ruleId === core.META_RULE_ID);
      if (bad) throw new CliError(`${file}：${bad.message}`);
      meta = read.meta;
    }
    if (!opts.dispatched && !meta?.dispatchedAt) {
      throw new CliError(file !== undefined ? `${file}：文件头中没有派单时间（dispatchedAt / 派单时间）：请补上，或用 --dispatched 指定` : '缺少派单时间：请用 --dispatched 指定，如 --dispatched "2024-09-27 10:00"，或给出带文件头的答复文件');
    }
    const config = core.loadConfig(opts.config ? { configFile: opts.config } : file !== undefined ? { from: dirname(resolve(file)) } : {});
    const profile = opts.profile ?? meta?.profile ?? defaultProfile(core, config.extends);
    const dispatchedAt = opts.dispatched ? core.parseDispatch(opts.dispatched) : meta!.dispatchedAt!;
    // for a reply, time left is shown at its reply time (was it answered in time?)
    const at = opts.at !== undefined ? core.parseDispatch(opts.at, '时刻（--at）') : meta?.repliedAt;
    if (!opts.type && meta?.type) opts.type = meta.type;
    if (!opts.extensionApproved && !opts.extensionUntil && meta?.extension) {
      if (meta.extension.approvedAt) opts.extensionApproved = core.formatBeijing(meta.extension.approvedAt);
      if (meta.extension.until) opts.extensionUntil = core.formatBeijing(meta.extension.until);
    }
    const strict = opts.strictCalendar === true || config.settings.strictCalendar === true;
    const calendar = core.loadCalendar(config.settings.calendarFile, { strict });
    const extension = opts.extensionApproved || opts.extensionUntil ? { approvedAt: opts.extensionApproved, until: opts.extensionUntil } : undefined;
    const result = core.computeDeadlines({ dispatchedAt, type: opts.type, profile, extension, calendar });
    if (opts.format === 'json') {
      process.stdout.write(`${JSON.stringify(core.deadlinesToJson(result, at, calendar), null, 2)}\n`);
      return 0;
    }
    process.stdout.write(renderTable(core, result, calendar, at, shouldColor(opts.color)));
    return 0;
  } catch (e) {
    // core's errors (unknown profile, calendar gap, bad date…) carry Chinese messages: exit 2, no stack
    if (e instanceof core.ReplylintError) throw new CliError(e.message);
    throw e;
  }
}

type Core = typeof import('@replylint/core');

function defaultProfile(core: Core, names: readonly string[]): string {
  const chain = core.profileChain(names.length ? names : ['recommended']);
  for (let i = chain.length - 1; i >= 0; i--) if (core.deadlineTableFor(chain[i]!.id)) return chain[i]!.id;
  const withTables = core.listProfiles().filter((p) => core.deadlineTableFor(p) !== undefined);
  throw new CliError(`未指定规则配置，且配置文件中的规则配置（${names.join('、') || 'recommended'}）没有时限表：请用 --profile 指定，可用：${withTables.join('、')}`);
}

function human(core: Core, d: Date): string {
  const iso = core.formatBeijing(d); // 2024-10-12T17:30:00+08:00
  const weekday = WEEKDAYS[new Date(`${iso.slice(0, 10)}T00:00:00Z`).getUTCDay()];
  return `${iso.slice(0, 10)}（周${weekday}）${iso.slice(11, 16)}`;
}

function renderTable(core: Core, r: ReturnType<Core['computeDeadlines']>, cal: ReturnType<Core['loadCalendar']>, at: Date | undefined, color: boolean): string {
  const c = colors(color);
  const lines: string[] = [];
  lines.push(c.bold(`办理时限 · ${r.document}`));
  lines.push(`规则配置：${r.profile}${r.tableProfile !== r.profile ? `（时限表沿用 ${r.tableProfile}）` : ''}`);
  if (r.note) lines.push(`说明：${r.note}`);
  const receipt = r.receipt.shifted ? `非工作日派发，按 ${r.receipt.day} 上午收到计算` : `${r.receipt.afternoon ? '下午' : '上午'}派发`;
  lines.push(`派单时间：${human(core, r.dispatchedAt)}（${receipt}）`);
  lines.push(`诉求类型：${r.type ? `${r.type}（${core.TYPE_NAMES[r.type]}）` : '未指定'}`);
  if (at) lines.push(`计算时刻：${human(core, at)}`);
  if (r.provisional) lines.push(c.yellow(`注意：${core.provisionalText(r.provisional)}`));
  lines.push('');
  const header = ['事件', '截止时间', ...(at ? ['状态'] : []), '出处'];
  const rows = r.deadlines.map((d) => {
    const state = at && d.due ? core.timeLeft(cal, d.due, at) : undefined;
    return {
      cells: [d.name, d.due ? human(core, d.due) : '未规定', ...(at ? [state ? `${state.text}${state.provisional ? '※' : ''}` : '—'] : []), d.source],
      overdue: state?.overdue ?? false,
      detail: [d.rule, ...(d.note ? [`注：${d.note}`] : []), ...(d.provisional || state?.provisional ? [`※ ${core.PROVISIONAL_MARK}`] : [])],
    };
  });
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row.cells[i]!))));
  const fmt = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : padEnd(cell, widths[i]!))).join('  ').trimEnd();
  lines.push(c.bold(fmt(header)));
  const indent = ' '.repeat(widths[0]! + 2);
  for (const row of rows) {
    const text = fmt(row.cells);
    lines.push(row.overdue ? c.red(text) : text);
    for (const d of row.detail) lines.push(c.dim(`${indent}${d}`));
  }
  lines.push('');
  lines.push('计算约定：');
  for (const n of r.conventions.notes) lines.push(`  · ${n}`);
  const years = cal.years;
  lines.push(`  · 工作日历：${years[0]}–${years[years.length - 1]} 年（国务院办公厅节假日安排通知${cal.files.length > 1 ? '，含自定义日历' : ''}）。`);
  if (r.provisional) lines.push(`  · ${r.provisional.years.join('、')} 年${r.provisional.mark}：${core.STATUTORY_BASIS}规定的法定节假日和周末休息，未含调休上班日。`);
  else if (cal.strict) lines.push('  · 严格日历：缺少数据的年份不推算。');
  return `${lines.join('\n')}\n`;
}
