// `replylint rules [--format table|json]`: every rule with category, default severity, severity per
// profile, fixability and source clause.
import { type Command, InvalidArgumentError, Option } from 'commander';

export function registerRulesCommand(program: Command): Command {
  return program
    .command('rules')
    .description('列出全部规则：分类、默认级别、各规则配置下的级别、能否自动修复、出处')
    .addOption(
      new Option('-f, --format <name>', '输出格式：table（表格）或 json').default('table', 'table').argParser((v: string) => {
        if (v !== 'table' && v !== 'json') throw new InvalidArgumentError('应为 table 或 json');
        return v;
      }),
    )
    .option('--profile <name>', '只列这个规则配置启用的规则，附说明，并标出与 recommended 不同的级别')
    .option('--no-color', '不使用颜色')
    .action(async (opts: { format: 'table' | 'json'; color: boolean; profile?: string }) => {
      const { runRules } = await import('./rules-run.js');
      process.exitCode = await runRules(opts);
    });
}
