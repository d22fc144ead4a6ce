// Renders docs/rules/<id>.md from a loaded rule definition (pure; shared by the generator and the staleness test).
const CATEGORY = { elements: '办理要素', citations: '政策与文书引用', invalid: '无效与推诿内容', approval: '审批、隐私与时效' };
const SEVERITY = { error: '错误', warn: '警告', off: '关闭' };

function exampleText(ex) {
  return typeof ex === 'string' ? ex : ex.text;
}

function fence(text) {
  return '```markdown\n' + text.replace(/\n+$/, '') + '\n```';
}

export function renderRuleDoc(rule, severities) {
  const lines = [];
  lines.push(`<!-- 本页由 scripts/gen-rule-docs.mjs 根据 rules/core/${rule.id}.yaml 生成，请勿手工修改。 -->`);
  lines.push(`# ${rule.id}`, '');
  lines.push(rule.description, '');
  lines.push(`- 类别：${CATEGORY[rule.category] ?? rule.category}`);
  lines.push(`- 默认级别：${SEVERITY[rule.severity]}`);
  lines.push(`- 依据：${rule.source}`);
  lines.push(`- 可自动修复：${rule.fixable ? '是（`replylint check --fix`）' : '否'}`);
  if (rule.appliesTo) lines.push(`- 适用条件：\`${JSON.stringify(rule.appliesTo)}\``);
  lines.push('');
  const profiles = Object.entries(severities);
  if (profiles.length) {
    lines.push('## 各规则配置中的级别', '', '| 规则配置 | 级别 |', '|---|---|');
    for (const [p, s] of profiles) lines.push(`| ${p} | ${SEVERITY[s]} |`);
    lines.push('');
  }
  if (rule.rationale) lines.push('## 为什么', '', rule.rationale.trim(), '');
  lines.push('## 提示信息', '');
  for (const [id, m] of Object.entries(rule.messages)) lines.push(`- \`${id}\`：${m}`);
  lines.push('');
  lines.push('## 示例', '', '不符合要求：', '');
  for (const ex of rule.examples.invalid) lines.push(fence(exampleText(ex)), '');
  lines.push('符合要求：', '');
  for (const ex of rule.examples.valid) lines.push(fence(exampleText(ex)), '');
  lines.push('## 选项', '', '默认选项（可在 `.replylintrc.yaml` 的 `rules:` 中覆盖）：', '');
  lines.push('```json', JSON.stringify(rule.defaultOptions, null, 2), '```', '');
  lines.push('## 关闭方式', '', `- 单行：\`<!-- replylint-disable-next-line ${rule.id} -- 理由 -->\``, `- 配置：\`rules: { ${rule.id}: off }\``, '');
  return lines.join('\n');
}
