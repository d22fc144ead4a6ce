// Renders docs/rules/<id>.md from a loaded rule definition (pure; shared by the generator and the staleness test).
// Lists are shown as written: the options show `{ "$list": name }` where a list went (the caller
// passes optionsWithListReferences(rule) from the core), and each list gets its own section with
// its phrases as a plain list and its patterns apart, never the escaped regexes of the phrases.
const CATEGORY = { elements: '办理要素', citations: '政策与文书引用', invalid: '无效与推诿内容', approval: '审批、隐私与时效' };
const SEVERITY = { error: '错误', warn: '警告', off: '关闭' };

function exampleText(ex) {
  return typeof ex === 'string' ? ex : ex.text;
}

function fence(text) {
  return '```markdown\n' + text.replace(/\n+$/, '') + '\n```';
}

/** Inline code that survives backticks inside. */
function code(text) {
  const ticks = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  return ticks.length > 1 ? `${ticks} ${text} ${ticks}` : `\`${text}\``;
}

function listSection(use) {
  const lines = [`### ${use.name}`, ''];
  const file = `rules/lists/${use.name}.yaml`;
  if (use.description) lines.push(use.description, '');
  lines.push(`文件：[${file}](../../${file})`, '');
  if (use.phrases.length) {
    lines.push(`词语（${use.literal ? '逐词比较' : '按原文匹配'}，${use.phrases.length} 条）：`, '');
    lines.push(use.phrases.map((p) => p.text).join('、'), '');
  }
  if (use.patterns.length) {
    lines.push(`正则表达式（${use.patterns.length} 条，由开发人员维护）：`, '');
    for (const p of use.patterns) lines.push(`- ${code(p.text)}${p.examples?.length ? `（例：${p.examples.join('；')}）` : ''}`);
    lines.push('');
  }
  return lines;
}

const ids = (list) => list.map((m) => `\`${m}\``).join('、');

/** The pairs of reports this rule shares with others (its `yieldsTo`, and theirs naming it). */
function overlapSection(rule, allRules) {
  const lines = [];
  const place = (y) => (y.samePlace ? '，落在同一处文字上时' : '，在同一份答复中');
  for (const y of rule.yieldsTo ?? []) {
    lines.push(`- 本规则的 ${ids(y.ours)} 与 [${y.rule}](${y.rule}.md) 的 ${ids(y.messageIds)}${place(y)}只报告一次：级别高的一条保留；级别相同时由 ${y.rule} 报告。`);
  }
  for (const other of allRules.values()) {
    for (const y of other.yieldsTo ?? []) {
      if (y.rule !== rule.id) continue;
      lines.push(`- [${other.id}](${other.id}.md) 的 ${ids(y.ours)} 与本规则的 ${ids(y.messageIds)}${place(y)}只报告一次：级别高的一条保留；级别相同时由本规则报告。`);
    }
  }
  if (!lines.length) return [];
  return ['## 与其他规则重叠', '', '同一个问题两条规则都能查出时，只报告一次；保留的那条在 `covers` 中列出另一条规则，并在相关位置（`related`）指出它查出的文字。', '', ...lines, ''];
}

export function renderRuleDoc(rule, severities, shownOptions, allRules = new Map()) {
  const lines = [];
  lines.push(`<!-- 本页由 scripts/gen-rule-docs.mjs 根据 rules/core/${rule.id}.yaml 生成，请勿手工修改。 -->`);
  lines.push(`# ${rule.id}（${rule.title}）`, '');
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
  lines.push(...overlapSection(rule, allRules));
  lines.push('## 示例', '', '不符合要求：', '');
  for (const ex of rule.examples.invalid) lines.push(fence(exampleText(ex)), '');
  lines.push('符合要求：', '');
  for (const ex of rule.examples.valid) lines.push(fence(exampleText(ex)), '');
  lines.push('## 选项', '', '默认选项（可在 `.replylintrc.yaml` 的 `rules:` 中覆盖）：', '');
  lines.push('```json', JSON.stringify(shownOptions, null, 2), '```', '');
  const lists = [...new Map(rule.lists.map((u) => [u.name, u])).values()];
  if (lists.length) {
    lines.push('## 词表', '', '选项中的 `{ "$list": 名称 }` 指下列词表。增加一个词语：在词表文件的 `phrases:` 下加一行（见[添加词语](../dev/adding-a-rule.md#添加词语)）。', '');
    for (const use of lists) lines.push(...listSection(use));
  }
  lines.push('## 关闭方式', '', `- 单行：\`<!-- replylint-disable-next-line ${rule.id} -- 理由 -->\``, `- 配置：\`rules: { ${rule.id}: off }\``, '');
  return lines.join('\n');
}
