// `replylint print-config <file>` (ESLint's --print-config): the configuration that applies to a
// reply — the config files found, the profiles, the profile its front matter selects, and every
// rule that runs with its severity and options — as JSON.
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { loadCore } from '../core-loader.js';
import { displayPath } from '../formatters/paths.js';
import { InputError, readReplyFile } from '../io/read.js';

export function registerPrintConfigCommand(program: Command): Command {
  return program
    .command('print-config')
    .description('打印对某份答复生效的配置（JSON）：配置文件、规则配置、文件头选定的配置，以及实际运行的每条规则的级别和选项')
    .argument('<答复文件>', '要查看的答复文件（按它所在目录向上查找 .replylintrc.yaml，并读取其文件头）')
    .option('--profile <name>', '同 check 的 --profile')
    .option('-c, --config <file>', '同 check 的 --config')
    .action(async (file: string, opts: { profile?: string; config?: string }) => {
      const core = await loadCore();
      const cwd = process.cwd();
      const path = resolve(cwd, file);
      let text: string;
      try {
        text = readReplyFile(path, 20 * 1024 * 1024).text;
      } catch (e) {
        if (e instanceof InputError) throw new CliError(`${file}：${e.message}`);
        throw e;
      }
      try {
        const config = core.loadConfig(opts.config !== undefined ? { configFile: resolve(cwd, opts.config) } : { from: dirname(path) });
        const linter = core.createLinter({ config, deferModules: true, ...(opts.profile !== undefined ? { profile: opts.profile } : {}) });
        const { profile } = linter.lintDocument(text, { only: [] });
        const rules: Record<string, { severity: string; options: Record<string, unknown>; source: string }> = {};
        for (const r of linter.rulesFor(opts.profile ?? profile).rules) rules[r.rule.id] = { severity: r.severity, options: r.options, source: r.rule.source };
        const out = {
          file: displayPath(path, cwd),
          configFiles: config.files.map((f) => displayPath(f, cwd)),
          extends: config.extends,
          profile,
          segmenter: config.segmenter,
          settings: config.settings,
          rules,
        };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } catch (e) {
        if (e instanceof core.ReplylintError) throw new CliError(e.message);
        throw e;
      }
    });
}
