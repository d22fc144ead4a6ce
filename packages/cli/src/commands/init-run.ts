// Implementation of `replylint init`.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from '../errors.js';
import { loadCore } from '../core-loader.js';

const PROFILE_NAMES: Record<string, string> = {
  recommended: '各文件通用的规则（默认）',
  suqian: '宿迁规定（市域治理一张网事件办理）',
  'suzhou-jkq': '宿州经开区方案（宿事速办）',
  xiaoxian: '萧县方案（12345 热线）',
  changshu: '常熟方案（办不成事）',
  anning: '安宁方案（局长坐诊接诉）',
};

// the metadata keys and their Chinese aliases (meta/keys.ts), for the template's closing comment
const META_KEY_LINES: [string, string][] = [
  ['id', '工单编号、编号、留言编号'],
  ['channel', '来源渠道、渠道'],
  ['type', '诉求类型、类型（投诉、咨询、求助、举报、建议……）'],
  ['anonymous', '匿名（true / false）'],
  ['dispatchedAt', '派单时间、受理时间（2024-09-23 09:30）'],
  ['repliedAt', '答复时间、回复时间、办结时间'],
  ['request', '诉求内容、留言详情、来电内容'],
  ['citizen', '诉求人（name 姓名、phone 电话）'],
  ['handler', '承办人（name、unit 单位、phone）'],
  ['approval', '审核、签批（by 签批人、role 职务、at 时间）'],
  ['extension', '延期（approvedAt 批准时间、until 延期至）'],
  ['profile', '规则配置'],
];
const metaKeyLines = (): string => META_KEY_LINES.map(([k, zh]) => `#   ${k.padEnd(13)}${zh}`).join('\n');

export function configTemplate(profile: string, profiles: readonly string[]): string {
  const list = profiles.map((p) => `#   ${p.padEnd(12)}${PROFILE_NAMES[p] ?? ''}`).join('\n');
  return `# replylint（答复质检）配置文件
# 检查某个答复文件时，replylint 从文件所在目录向上查找最近的 .replylintrc.yaml。
# 查看全部规则及其在各规则配置下的级别：replylint rules

# extends：继承的规则配置，可写多个，后面的覆盖前面的。可用：
${list}
#   也可以写另一个配置文件的相对路径，如 ../.replylintrc.yaml
extends: [${profile}]

# rules：逐条调整规则。取值 error（错误）、warn（警告）、off（关闭）、on（规则默认级别），
#   或 [级别, { 选项 }]。例如：
#   signature-block: error
#   no-bureaucratic-cliche: [warn, { max: 2 }]
#   on-topic: off
rules: {}

# phrases：本单位补充的词语，追加到对应规则的词表（按原文匹配，不是正则表达式）。
# phrases:
#   no-evasive-phrase: [已按程序处理]

# policies：政策文件库（YAML），citation-registry 规则据此核对文号、标题以及是否已废止。
# policies: ./policies.yaml

# calendar：补充的节假日和调休上班日（YAML），计算办理时限时使用。
# calendar: ./calendar.yaml

# strictCalendar：为 true 时，日历缺少某年数据即报错，不暂按法定节假日推算（默认 false）。
# strictCalendar: true

# handler：承办人信息，用于答复模板中的署名（姓名、单位、联系电话）。
# handler:
#   name: 张三
#   unit: 某某区某某局
#   phone: 0000-12345678

# segmenter：分词后端。node-rs（默认，预编译，无需本机编译）、js（纯 JavaScript，各平台通用，结果相同）、
#   wasm（WebAssembly，各平台通用，较慢）或 nodejieba（需本机编译，加载慢、占内存多）。
# segmenter: node-rs

# ——答复文件头（front matter）可用的键，写在每份答复开头的 --- 之间，中文键名亦可——
${metaKeyLines()}
#   冒号用半角加空格：诉求类型: 投诉
`;
}

export async function runInit(opts: { profile?: string; force?: boolean }, cwd = process.cwd()): Promise<number> {
  const core = await loadCore();
  const profiles = core.listProfiles();
  const profile = opts.profile ?? 'recommended';
  if (!profiles.includes(profile)) throw new CliError(`--profile: 未知的规则配置「${profile}」，可用：${profiles.join('、')}`);
  const target = join(cwd, core.CONFIG_FILENAMES[0]);
  const existing = core.CONFIG_FILENAMES.map((n) => join(cwd, n)).filter((f) => existsSync(f));
  if (existing.length && !opts.force) {
    throw new CliError(`当前目录已有配置文件 ${existing.map((f) => f.slice(cwd.length + 1)).join('、')}，未覆盖（确需覆盖请加 --force）`);
  }
  const ordered = ['recommended', ...profiles.filter((p) => p !== 'recommended')];
  try {
    await writeFile(target, configTemplate(profile, ordered), { flag: opts.force ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliError(`当前目录已有配置文件 ${core.CONFIG_FILENAMES[0]}，未覆盖（确需覆盖请加 --force）`);
    throw new CliError(`无法写入 ${core.CONFIG_FILENAMES[0]}${code ? `（${code}）` : ''}`);
  }
  process.stdout.write(`已生成 ${core.CONFIG_FILENAMES[0]}（规则配置：${profile}）。\n`);
  return 0;
}
