// Implementation of `replylint rules` (loads @replylint/core).
import { colors, shouldColor } from '../color.js';
import { displayWidth, outputColumns, padEnd, wrapText } from '../width.js';
import { CliError } from '../errors.js';
import { loadCore } from '../core-loader.js';

export const CATEGORY_NAMES: Record<string, string> = {
  elements: '办理要素',
  citations: '政策引用',
  invalid: '无效回复',
  approval: '审批·隐私·时效',
};

const SEV: Record<string, string> = { error: '错误', warn: '警告', off: '关闭' };

export interface RuleRow {
  id: string;
  /** The problem in a few words (结尾署名不全). */
  title: string;
  category: string;
  categoryName: string;
  defaultSeverity: 'warn' | 'error';
  severities: Record<string, 'off' | 'warn' | 'error'>;
  fixable: boolean;
  source: string;
  description: string;
}

export async function ruleRows(): Promise<{ rows: RuleRow[]; profiles: string[] }> {
  const core = await loadCore();
  const profiles = core.listProfiles();
  const ordered = ['recommended', ...profiles.filter((p) => p !== 'recommended')].filter((p) => profiles.includes(p));
  const rows = [...core.loadBuiltinRules().values()]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((r) => ({
      id: r.id,
      title: r.title,
      category: r.category,
      categoryName: CATEGORY_NAMES[r.category] ?? r.category,
      defaultSeverity: r.severity,
      severities: core.severitiesByProfile(r.id, ordered),
      fixable: r.fixable,
      source: r.source,
      description: r.description,
    }));
  return { rows, profiles: ordered };
}

export async function runRules(opts: { format: 'table' | 'json'; color?: boolean; profile?: string }): Promise<number> {
  const { rows, profiles } = await ruleRows();
  const c = colors(shouldColor(opts.color));
  const width = outputColumns();
  if (opts.profile !== undefined) {
    if (!profiles.includes(opts.profile)) throw new CliError(`--profile: 未知的规则配置「${opts.profile}」，可用：${profiles.join('、')}`);
    return profileRules(rows, opts.profile, opts.format, c, width);
  }
  if (opts.format === 'json') {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const header = ['规则', '问题', '分类', '默认', ...profiles, '可修复', '出处'];
  const table = rows.map((r) => [r.id, r.title, r.categoryName, SEV[r.defaultSeverity]!, ...profiles.map((p) => SEV[r.severities[p] ?? 'off']!), r.fixable ? '是' : '—', r.source]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...table.map((row) => displayWidth(row[i]!))));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : padEnd(cell, widths[i]!))).join('  ').trimEnd();
  let out = '';
  if (widths.reduce((a, b) => a + b + 2, 0) <= width) {
    out += `${c.bold(line(header))}\n`;
    for (const row of table) out += `${line(row)}\n`;
  } else {
    // narrower than the table: one block per rule, each line within the width
    const wId = Math.max(...rows.map((r) => r.id.length));
    for (const r of rows) {
      out += `${c.bold(padEnd(r.id, wId))}  ${r.title}  ${r.categoryName}  默认${SEV[r.defaultSeverity]}${r.fixable ? '  可修复' : ''}\n`;
      const levels = profiles.map((p) => `${p} ${SEV[r.severities[p] ?? 'off']}`).join(' · ');
      for (const l of wrapText(`出处：${r.source}`, width - 4)) out += `    ${c.dim(l)}\n`;
      for (const l of wrapText(`各配置：${levels}`, width - 4)) out += `    ${l}\n`;
    }
  }
  out += '\n';
  const notes = [
    `共 ${rows.length} 条规则。级别：错误 / 警告 / 关闭；各列为该规则配置（--profile）下的级别。`,
    '规则说明：docs/rules/<规则>.md。某个规则配置启用哪些规则、与 recommended 有何不同：replylint rules --profile <配置>',
  ];
  for (const n of notes) for (const l of wrapText(n, width)) out += `${l}\n`;
  process.stdout.write(out);
  return 0;
}

function profileRules(rows: RuleRow[], profile: string, format: 'table' | 'json', c: ReturnType<typeof colors>, width: number): number {
  const active = rows.filter((r) => (r.severities[profile] ?? 'off') !== 'off');
  const changed = (r: RuleRow) => profile !== 'recommended' && (r.severities[profile] ?? 'off') !== (r.severities.recommended ?? 'off');
  if (format === 'json') {
    const list = rows.map((r) => ({ id: r.id, title: r.title, severity: r.severities[profile] ?? 'off', recommended: r.severities.recommended ?? 'off', fixable: r.fixable, source: r.source, description: r.description }));
    process.stdout.write(`${JSON.stringify({ profile, rules: list }, null, 2)}\n`);
    return 0;
  }
  let out = `${c.bold(`规则配置 ${profile}`)}：启用 ${active.length} 条规则${profile !== 'recommended' ? `，${rows.filter(changed).length} 条与 recommended 不同（标 ※）` : ''}\n\n`;
  const wId = Math.max(...active.map((r) => r.id.length));
  for (const r of active) {
    const sev = SEV[r.severities[profile]!]!;
    const diff = changed(r) ? c.yellow(`  ※ recommended 中为${SEV[r.severities.recommended ?? 'off']}`) : '';
    out += `${c.bold(padEnd(r.id, wId))}  ${r.title}  ${sev}${r.fixable ? '  可修复' : ''}${diff}\n`;
    for (const l of wrapText(r.description, width - 4)) out += `    ${l}\n`;
    for (const l of wrapText(`出处：${r.source}`, width - 4)) out += `    ${c.dim(l)}\n`;
  }
  const off = rows.filter((r) => (r.severities[profile] ?? 'off') === 'off');
  if (off.length) {
    out += `\n未启用：\n`;
    for (const l of wrapText(off.map((r) => `${r.id}${changed(r) ? '※' : ''}`).join('、'), width - 4)) out += `    ${l}\n`;
  }
  process.stdout.write(out);
  return 0;
}
