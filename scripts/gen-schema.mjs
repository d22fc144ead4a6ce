// Generates rules/schema/replylintrc.schema.json (JSON Schema of .replylintrc.yaml, for editor
// completion) from `configSchema` in @replylint/core with zod v4's z.toJSONSchema, plus Chinese
// descriptions. Run after `npx tsc -b`:
//   node scripts/gen-schema.mjs           # write the file
//   node scripts/gen-schema.mjs --check   # exit 1 if the committed file is out of date
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'rules', 'schema', 'replylintrc.schema.json');
const coreDist = join(root, 'packages', 'lint-core', 'dist');

const { configSchema, listProfiles } = await import(pathToFileURL(join(coreDist, 'index.js')).href);
const { ruleSettingSchema } = await import(pathToFileURL(join(coreDist, 'pack', 'schema.js')).href);
// the same zod instance core uses (pnpm links both packages to one copy)
const requireFromCli = createRequire(join(root, 'packages', 'cli', 'package.json'));
const { z } = await import(pathToFileURL(join(dirname(requireFromCli.resolve('zod/package.json')), 'index.js')).href);

const toJson = (schema) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

const DESCRIPTIONS = {
  extends: '继承的规则配置（recommended、suqian 等）或另一个配置文件的相对路径；可写多个，后面的覆盖前面的。',
  rules: '逐条调整规则：error（错误）、warn（警告）、off（关闭）、on（规则默认级别），或 [级别, { 选项 }]。运行 replylint rules 查看全部规则。',
  phrases: '本单位补充的词语，追加到对应规则的词表（按原文匹配，不是正则表达式）。键为规则 id。',
  policies: '政策文件库（YAML）的相对路径，citation-registry 规则据此核对文号、标题以及是否已废止。',
  calendar: '补充节假日和调休上班日的 YAML 文件的相对路径，计算办理时限时使用。',
  handler: '承办人信息，用于答复模板中的署名。',
  segmenter: '分词后端：node-rs（默认，预编译）或 nodejieba（需本机编译）。',
  reportUnusedDisableDirectives: '没有屏蔽任何问题的 replylint-disable 指令按什么级别报告（默认 warn）。',
  root: '为 true 时不再继续向上查找配置文件。',
};
const HANDLER = { name: '承办人姓名', unit: '承办单位', phone: '联系电话' };

export function generate() {
  const schema = toJson(configSchema);
  const props = schema.properties;
  for (const [key, text] of Object.entries(DESCRIPTIONS)) if (props[key]) props[key].description = text;
  for (const [key, text] of Object.entries(HANDLER)) if (props.handler?.properties?.[key]) props.handler.properties[key].description = text;
  // rule settings: the value schema core validates with (severity word, 0/1/2, or [severity, options])
  const setting = toJson(ruleSettingSchema);
  delete setting.$schema;
  props.rules.additionalProperties = setting;
  props.extends.examples = listProfiles();
  return {
    $schema: schema.$schema,
    $id: 'https://replylint.invalid/schema/replylintrc.schema.json',
    title: 'replylint 配置文件（.replylintrc.yaml）',
    description: 'replylint（答复质检）的项目配置。本文件由 scripts/gen-schema.mjs 生成，请勿手改。',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

const text = `${JSON.stringify(generate(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error('rules/schema/replylintrc.schema.json 不是最新的：请运行 node scripts/gen-schema.mjs 重新生成。');
    process.exit(1);
  }
  console.log('rules/schema/replylintrc.schema.json 是最新的。');
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log('已生成 rules/schema/replylintrc.schema.json');
}
