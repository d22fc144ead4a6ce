// Registration of `replylint batch` (the implementation and @replylint/core load when it runs).
import { timeBudgetOption } from './time-budget.js';
import { type Command, InvalidArgumentError, Option } from 'commander';

function parseWorkers(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('应为不小于 0 的整数（0 表示不用工作线程）');
  return Number(value);
}

export function registerBatchCommand(program: Command): Command {
  return program
    .command('batch')
    .description('批量检查平台导出的答复（Excel .xlsx、CSV、JSONL），按承办单位和规则统计')
    .argument('<files...>', '导出文件：.xlsx（第一个工作表）、.csv（UTF-8 或 GBK）、.jsonl')
    .option('-o, --output <file>', '逐行结果写入 JSONL 文件（每行：行号、工单编号、承办单位、是否通过、问题）')
    .option('--xlsx <file>', '结果写入 Excel 工作簿：逐条结果（保留原有列）、按承办单位、按规则三个工作表')
    .option('--html <file>', '生成离线 HTML 报告：通过率、常见问题、单位×问题热力图、按周趋势图和未通过答复一览')
    .option('--profile <name>', '使用指定规则配置')
    .option('-c, --config <file>', '使用指定配置文件（不再向上查找 .replylintrc.yaml）')
    .option('--text-column <列>', '答复内容所在的列（表头或从 1 起的列号），默认按表头识别：答复内容、答复意见、回复内容、办理结果…')
    .option('--id-column <列>', '工单编号所在的列（默认：工单编号、留言编号…）')
    .option('--unit-column <列>', '承办单位所在的列（默认：承办单位、办理单位、责任单位…）')
    .option('--type-column <列>', '诉求类型所在的列（默认：诉求类型…；投诉、咨询类等写法都可识别）')
    .option('--request-column <列>', '诉求内容所在的列（默认：诉求内容、留言详情、来电内容…）')
    .option('--dispatched-column <列>', '派单时间所在的列（默认：派单时间、受理时间、留言时间…）')
    .option('--replied-column <列>', '答复时间所在的列（默认：答复时间、办结时间、回复时间…）')
    .addOption(new Option('--workers <n>', '工作线程数（默认：核数 − 1；小文件不用）').argParser(parseWorkers))
    .option('--no-progress', '不显示进度（终端上默认显示）')
    .addOption(timeBudgetOption('10000'))
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const { runBatch } = await import('../batch/run.js');
      process.exitCode = await runBatch(files, opts);
    });
}
