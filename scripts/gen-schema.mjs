// Generates the JSON Schemas in rules/schema/ (for editor completion and checks) from the zod
// schemas in @replylint/core with zod v4's z.toJSONSchema, plus Chinese descriptions:
//   replylintrc.schema.json   .replylintrc.yaml            (configSchema)
//   rule.schema.json          rules/core/<id>.yaml         (ruleSchema; option keys per kind)
//   list.schema.json          rules/lists/<name>.yaml      (listSchema)
//   segment-dict.schema.json  rules/lists/segment-dict.yaml (segmentDictSchema)
//   profile.schema.json       rules/profiles/<name>.yaml   (profileSchema, deadline tables)
// The YAML data files point at theirs with a `# yaml-language-server: $schema=…` first line.
// Run after `npx tsc -b`:
//   node scripts/gen-schema.mjs           # write the files
//   node scripts/gen-schema.mjs --check   # exit 1 if a committed file is out of date
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = join(root, 'rules', 'schema');
const coreDist = join(root, 'packages', 'lint-core', 'dist');

const core = await import(pathToFileURL(join(coreDist, 'index.js')).href);
const { configSchema, listProfiles, loadBuiltinRules, listKinds, ruleSchema, profileSchema, listSchema, deadlineTableSchema } = core;
const { ruleSettingSchema } = await import(pathToFileURL(join(coreDist, 'pack', 'schema.js')).href);
const { segmentDictSchema } = await import(pathToFileURL(join(coreDist, 'segment', 'dict.js')).href);
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
  strictCalendar: '为 true 时，遇到尚无国务院办公厅节假日安排数据的年份即报错，不按法定节假日推算（默认 false：暂按法定节假日推算并标注“未含调休”）。',
  handler: '承办人信息，用于答复模板中的署名。',
  segmenter: '分词后端：node-rs（默认，预编译）、js（纯 JavaScript，不依赖平台，分词结果与 node-rs 相同）、wasm（WebAssembly，不依赖平台，约为 node-rs 速度的三分之一）或 nodejieba（需本机编译）。',
  reportUnusedDisableDirectives: '没有屏蔽任何问题的 replylint-disable 指令按什么级别报告（默认 warn）。',
  root: '为 true 时不再继续向上查找配置文件。',
};
const HANDLER = { name: '承办人姓名', unit: '承办单位', phone: '联系电话' };

function replylintrc() {
  const schema = toJson(configSchema);
  const props = schema.properties;
  for (const [key, text] of Object.entries(DESCRIPTIONS)) if (props[key]) props[key].description = text;
  for (const [key, text] of Object.entries(HANDLER)) if (props.handler?.properties?.[key]) props.handler.properties[key].description = text;
  // rule settings: the value schema core validates with (severity word, 0/1/2, or [severity, options])
  const setting = toJson(ruleSettingSchema);
  delete setting.$schema;
  props.rules.additionalProperties = setting;
  props.extends.examples = listProfiles();
  return wrap(schema, 'replylintrc', 'replylint 配置文件（.replylintrc.yaml）', 'replylint（答复质检）的项目配置。');
}

const RULE_DESCRIPTIONS = {
  id: '规则 id（小写字母、数字和连字符），与文件名相同。',
  kind: '规则类型：由哪段程序执行本规则（见 packages/lint-core/src/kinds/）。',
  severity: '默认级别：error（错误）或 warn（警告）；规则配置可以调整。',
  category: '类别：elements 办理要素、citations 政策与文书引用、invalid 无效与推诿内容、approval 审批、隐私与时效。',
  source: '依据的文件条款，如“宿迁规定 四(五)3”。',
  description: '一句话说明本规则检查什么。',
  rationale: '为什么要这样写（用于规则文档和悬停提示）。',
  messages: '提示信息：键为 messageId，值为中文提示，说明错在哪、应怎样写；可用 {{占位符}}。',
  options: '规则类型的选项；{ $list: 名称 } 插入 rules/lists/ 中的词表（literal: true 时按原文逐词比较）。',
  appliesTo: '只对符合条件的答复生效（诉求类型、渠道、是否匿名、必须有的文件头字段）。',
  yieldsTo: '与另一条规则查出的是同一问题时只报一次：rule 为另一条规则，messageIds 为它的提示，ours 为本规则说同一件事的提示；两者都报时保留级别较高的一条，级别相同时保留另一条规则的；samePlace: true 时只合并落在同一处文字上的报告。',
  examples: '示例：valid 不应报告，invalid 应报告；加载规则时逐条运行。',
};

function rule() {
  const schema = toJson(ruleSchema);
  const props = schema.properties;
  for (const [key, text] of Object.entries(RULE_DESCRIPTIONS)) props[key].description = text;
  const kinds = listKinds().map((k) => k.kind).sort();
  props.kind.enum = kinds;
  // option values stay loose (they may hold { $list } references); option keys are exact per kind
  schema.allOf = [];
  for (const k of listKinds().sort((a, b) => (a.kind < b.kind ? -1 : 1))) {
    const keys = Object.keys(toJson(k.options).properties ?? {});
    if (!keys.length) continue;
    schema.allOf.push({
      if: { properties: { kind: { const: k.kind } }, required: ['kind'] },
      then: { properties: { options: { propertyNames: { enum: keys } } } },
    });
  }
  return wrap(schema, 'rule', 'replylint 规则（rules/core/<id>.yaml）', '一条规则：规则类型、级别、依据、提示信息、选项和示例。');
}

function list() {
  const schema = toJson(listSchema);
  // at least one of the two (the schema's refinement, which JSON Schema cannot take from zod)
  schema.anyOf = [{ required: ['phrases'], properties: { phrases: { minItems: 1 } } }, { required: ['patterns'], properties: { patterns: { minItems: 1 } } }];
  return wrap(schema, 'list', 'replylint 词表（rules/lists/<name>.yaml）', '规则用 { $list: 名称 } 引用的词表：phrases 是按原文匹配的词语，patterns 是正则表达式。');
}

function segmentDict() {
  return wrap(toJson(segmentDictSchema), 'segment-dict', 'replylint 分词词典（rules/lists/segment-dict.yaml）', '两个分词后端共用的领域词典。');
}

const PROFILE_DESCRIPTIONS = {
  id: '规则配置名称，与文件名相同。',
  description: '依据的文件全称。',
  extends: '继承的规则配置，如 [recommended]。',
  rules: '本配置启用或调整的规则：error、warn、off、on（规则默认级别），或 [级别, { 选项 }]。',
  deadlines: '办理时限表（见 docs/deadlines.md）。',
};

function profile() {
  const schema = toJson(profileSchema);
  const props = schema.properties;
  for (const [key, text] of Object.entries(PROFILE_DESCRIPTIONS)) props[key].description = text;
  props.extends.items.enum = listProfiles();
  const setting = toJson(ruleSettingSchema);
  delete setting.$schema;
  const ruleIds = [...loadBuiltinRules().keys()].sort();
  props.rules = { anyOf: [{ type: 'object', propertyNames: { enum: ruleIds }, additionalProperties: setting }, { type: 'null' }], description: props.rules.description };
  const deadlines = toJson(deadlineTableSchema);
  delete deadlines.$schema;
  props.deadlines = { ...deadlines, description: props.deadlines.description };
  return wrap(schema, 'profile', 'replylint 规则配置（rules/profiles/<name>.yaml）', '一组规则的级别和选项，以及办理时限表。');
}

function wrap(schema, name, title, description) {
  return {
    $schema: schema.$schema,
    $id: `https://replylint.invalid/schema/${name}.schema.json`,
    title,
    description: `${description}本文件由 scripts/gen-schema.mjs 生成，请勿手改。`,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

/** File name → schema, in the order written. */
export function generate() {
  return {
    'replylintrc.schema.json': replylintrc(),
    'rule.schema.json': rule(),
    'list.schema.json': list(),
    'segment-dict.schema.json': segmentDict(),
    'profile.schema.json': profile(),
  };
}

const files = Object.entries(generate()).map(([name, schema]) => [name, `${JSON.stringify(schema, null, 2)}\n`]);
if (process.argv.includes('--check')) {
  const stale = files.filter(([name, text]) => {
    const target = join(schemaDir, name);
    return (existsSync(target) ? readFileSync(target, 'utf8') : '') !== text;
  });
  for (const [name] of stale) console.error(`rules/schema/${name} 不是最新的：请运行 node scripts/gen-schema.mjs 重新生成。`);
  if (stale.length) process.exit(1);
  console.log('rules/schema/ 中的 JSON Schema 都是最新的。');
} else {
  mkdirSync(schemaDir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(schemaDir, name), text);
  console.log(`已生成 ${files.map(([name]) => `rules/schema/${name}`).join('、')}`);
}
