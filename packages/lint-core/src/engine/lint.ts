// lint(): parse → metadata → text views → rules → directives. Pure: no I/O after the
// rule pack and profiles are loaded (once per process).
import { parseMarkdown } from '../parse/markdown.js';
import { parseMetadata } from '../parse/metadata.js';
import { buildView, type DocumentView } from '../parse/views.js';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../config/load.js';
import { normalizeSetting, type RuleSetting } from '../config/settings.js';
import type { RuleSettingInput } from '../pack/schema.js';
import type { AppliesTo } from '../pack/schema.js';
import { getSegmenter } from '../segment/index.js';
import type { Segmenter } from '../segment/types.js';
import type { KindContext, KindReport, LintSettings, Visitors } from '../kinds/define.js';
import type { Diagnostic, TicketMeta } from '../types.js';
import { formatMessage, formatSuggestions } from './messages.js';
import { resolveRules, type ActiveRule } from './resolve.js';
import { applyDirectives, parseDirectives } from './directives.js';
import { verifyExamples } from './examples.js';
import { loadBuiltinRules } from '../pack/load.js';
import { listProfiles } from '../config/profiles.js';

export interface LintOptions {
  /** For messages and config discovery by callers; lint() itself does no I/O. */
  filePath?: string;
  /** From loadConfig(); default: the `recommended` profile. */
  config?: ResolvedConfig;
  /** Profile that overrides front matter `profile` and config `extends`. */
  profile?: string;
  /** Per-rule overrides (CLI `--rule id:severity`). */
  rules?: Record<string, RuleSettingInput | RuleSetting>;
  /** Evaluation instant (default: new Date()). */
  now?: Date;
  /** Run only these rules (used by example verification and tests). */
  only?: string[];
}

export const META_RULE_ID = 'front-matter';
export const DIRECTIVE_RULE_ID = 'unused-directive';

const META_MESSAGES: Record<string, string> = {
  yamlSyntax: '文件头（front matter）不是有效的 YAML（{{detail}}）：请检查缩进、冒号后的空格和引号是否配对。',
  notMapping: '文件头应为「键: 值」形式的元数据，如 `type: complaint`。',
  invalidValue: '元数据 `{{key}}` 的值「{{actual}}」无效：应为{{expected}}。',
  duplicateKey: '元数据 `{{key}}` 重复（第 {{line}} 行已有 `{{first}}`），现以此处的值为准：请删去多余的一处。',
};

export interface LintResult {
  diagnostics: Diagnostic[];
  meta: TicketMeta;
  profile: string;
}

export function lint(text: string, options: LintOptions = {}): Diagnostic[] {
  return lintDocument(text, options).diagnostics;
}

export function lintDocument(text: string, options: LintOptions = {}): LintResult {
  const config = options.config ?? DEFAULT_CONFIG;
  const parsed = parseMarkdown(text);
  const diagnostics: Diagnostic[] = [];

  let meta: TicketMeta = { extra: {} };
  let metaRanges: KindContext['metaRanges'] = {};
  if (parsed.frontMatter) {
    const fm = parsed.frontMatter;
    const result = parseMetadata(fm.value, fm.valueStart, [fm.start, fm.end]);
    meta = result.meta;
    metaRanges = result.keyRanges;
    for (const p of result.problems) {
      diagnostics.push({
        ruleId: META_RULE_ID,
        severity: 2,
        messageId: p.messageId,
        message: formatMessage(META_MESSAGES[p.messageId]!, p.data),
        data: p.data,
        range: p.range,
        ...(p.fatal ? { fatal: true } : {}),
      });
    }
  }

  const cliRules: Record<string, RuleSetting> = {};
  if (options.rules) {
    for (const [id, s] of Object.entries(options.rules)) {
      cliRules[id] = typeof s === 'object' && s !== null && !Array.isArray(s) ? (s as RuleSetting) : normalizeSetting(s as RuleSettingInput);
    }
  }
  let profileOverride = options.profile;
  if (!profileOverride && meta.profile !== undefined) {
    if (listProfiles().includes(meta.profile)) profileOverride = meta.profile;
    else {
      const data = { key: 'profile', actual: meta.profile, expected: `规则配置名称之一：${listProfiles().join('、')}` };
      diagnostics.push({
        ruleId: META_RULE_ID,
        severity: 2,
        messageId: 'invalidValue',
        message: formatMessage(META_MESSAGES.invalidValue!, data),
        data,
        range: metaRanges.profile ?? [0, 0],
      });
    }
  }
  const resolved = resolveRules(config, profileOverride, cliRules);
  const active = options.only ? resolved.rules.filter((r) => options.only!.includes(r.rule.id)) : resolved.rules;

  const view = buildView(parsed.root, text);
  const now = options.now ?? new Date();
  runRules(active, view, meta, metaRanges, now, resolved.profile, config.settings, config.segmenter, diagnostics);

  const directives = parseDirectives(parsed.comments, text);
  const { kept, used } = applyDirectives(diagnostics, directives);
  if (config.reportUnusedDisableDirectives !== 'off' && !options.only) {
    const known = loadBuiltinRules();
    for (const d of directives) {
      if (d.type === 'enable') continue;
      const hits = used.get(d)!;
      const unknown = d.ruleIds.filter((id) => !known.has(id) && id !== META_RULE_ID);
      const unused = d.ruleIds.length === 0 ? (hits.size ? [] : ['*']) : d.ruleIds.filter((id) => !hits.has(id) && !unknown.includes(id));
      const sev = config.reportUnusedDisableDirectives === 'error' ? 2 : 1;
      if (unknown.length) {
        kept.push({
          ruleId: DIRECTIVE_RULE_ID,
          severity: sev,
          messageId: 'unknownRule',
          message: `指令中的规则「${unknown.join('、')}」不存在：请检查拼写（运行 replylint rules 查看全部规则）。`,
          data: { rules: unknown.join(',') },
          range: d.range,
        });
      }
      if (unused.length) {
        const allUnused = unused.length === d.ruleIds.length || unused[0] === '*';
        kept.push({
          ruleId: DIRECTIVE_RULE_ID,
          severity: sev,
          messageId: 'unused',
          message: unused[0] === '*' ? '该禁用指令没有屏蔽任何问题：可删除。' : `该禁用指令中的「${unused.join('、')}」没有屏蔽任何问题：可删除。`,
          data: { rules: unused.join(',') },
          range: d.range,
          ...(allUnused && unknown.length === 0 ? { fix: { range: removalRange(text, d.range), text: '' } } : {}),
        });
      }
    }
  }
  kept.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { diagnostics: kept, meta, profile: resolved.profile };
}

function matchesAppliesTo(a: AppliesTo | undefined, meta: TicketMeta): boolean {
  if (!a) return true;
  if (a.type && (!meta.type || !a.type.includes(meta.type))) return false;
  if (a.notType && meta.type && a.notType.includes(meta.type)) return false;
  if (a.channel && (!meta.channel || !a.channel.includes(meta.channel))) return false;
  if (a.anonymous !== undefined && (meta.anonymous ?? false) !== a.anonymous) return false;
  if (a.has && !a.has.every((k) => (meta as unknown as Record<string, unknown>)[k] !== undefined)) return false;
  return true;
}

export function runRules(
  active: readonly ActiveRule[],
  doc: DocumentView,
  meta: TicketMeta,
  metaRanges: KindContext['metaRanges'],
  now: Date,
  profile: string,
  settings: LintSettings,
  segmenterName: 'node-rs' | 'nodejieba',
  out: Diagnostic[],
): void {
  const visitors: Visitors[] = [];
  let segmenter: Segmenter | undefined;
  for (const { rule, severity, options } of active) {
    if (!matchesAppliesTo(rule.appliesTo, meta)) continue;
    // a rule's own examples are checked on its first use in the process (the rule catalogue
    // test checks them all): a rule that does not behave as labelled fails instead of running
    verifyExamples(rule);
    const report = (r: KindReport) => {
      const data = r.data ?? {};
      const template = rule.messages[r.messageId];
      out.push({
        ruleId: rule.id,
        severity: severity === 'error' && !r.downgrade ? 2 : 1,
        messageId: r.messageId,
        message: template ? formatMessage(template, data) : r.messageId,
        data,
        range: r.at ? doc.toSource(r.at[0], r.at[1]) : (r.range ?? [0, 0]),
        ...(r.fix ? { fix: r.fix } : {}),
        ...(r.suggestions?.length ? { suggestions: formatSuggestions(rule.messages, r.suggestions) } : {}),
      });
    };
    const ctx: KindContext = {
      ruleId: rule.id,
      doc,
      meta,
      metaRanges,
      now,
      profile,
      settings,
      segmenter: () => (segmenter ??= getSegmenter(segmenterName)),
      report,
    };
    visitors.push(rule.kindDef.create(ctx, options));
  }
  for (const v of visitors) v.document?.();
  const withBlock = visitors.filter((v) => v.block);
  if (withBlock.length) for (const b of doc.blocks) for (const v of withBlock) v.block!(b);
  const withSentence = visitors.filter((v) => v.sentence);
  if (withSentence.length) for (const s of doc.sentences) for (const v of withSentence) v.sentence!(s);
}

/** The comment's range, widened to its whole line (with the line break) when it stands alone on it. */
function removalRange(text: string, [start, end]: readonly [number, number]): [number, number] {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  if (/^[ \t]*$/.test(before) && /^[ \t\r]*$/.test(after)) return [lineStart, Math.min(text.length, lineEnd + 1)];
  return [start, end];
}
