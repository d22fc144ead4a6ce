// Implementation of `replylint rules` (loads @replylint/core).
import { colors, shouldColor } from '../color.js';
import { displayWidth, padEnd } from '../width.js';
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

export async function runRules(opts: { format: 'table' | 'json'; color?: boolean }): Promise<number> {
  const { rows, profiles } = await ruleRows();
  if (opts.format === 'json') {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const c = colors(shouldColor(opts.color));
  const header = ['规则', '分类', '默认', ...profiles, '可修复', '出处'];
  const table = rows.map((r) => [r.id, r.categoryName, SEV[r.defaultSeverity]!, ...profiles.map((p) => SEV[r.severities[p] ?? 'off']!), r.fixable ? '是' : '—', r.source]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...table.map((row) => displayWidth(row[i]!))));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : padEnd(cell, widths[i]!))).join('  ').trimEnd();
  let out = `${c.bold(line(header))}\n`;
  for (const row of table) out += `${line(row)}\n`;
  out += `\n共 ${rows.length} 条规则。级别：错误 / 警告 / 关闭；各列为该规则配置（--profile）下的级别。\n`;
  process.stdout.write(out);
  return 0;
}
