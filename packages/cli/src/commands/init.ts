// `replylint init [--profile NAME] [--force]`: writes a commented .replylintrc.yaml in the cwd.
import type { Command } from 'commander';

export function registerInitCommand(program: Command): Command {
  return program
    .command('init')
    .description('在当前目录生成带注释的配置文件 .replylintrc.yaml')
    .option('--profile <name>', '基于的规则配置（如 suqian、changshu；默认 recommended）')
    .option('--force', '覆盖已有的配置文件')
    .action(async (opts: { profile?: string; force?: boolean }) => {
      const { runInit } = await import('./init-run.js');
      process.exitCode = await runInit(opts);
    });
}
