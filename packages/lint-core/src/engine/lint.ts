// One lint: parse → metadata (front matter, merged under the metadata passed as data) → text
// views → rules → directives. Pure: everything it needs (rules resolved per profile, deadline
// tables, calendar, settings, segmenter) comes in `LintEnv`, built once by createLinter
// (linter/create.ts). It throws nothing for any text: a text that cannot be parsed, or a rule that
// fails on it, becomes a diagnostic.
import { parseMarkdown, ParseDeadlineError, type ParsedMarkdown } from '../parse/markdown.js';
import type { PlainSpan } from '../parse/guard.js';
import { parseMetadata } from '../meta/front-matter.js';
import { mergeMeta, readMetaObject } from '../meta/object.js';
import type { MetaKey } from '../meta/keys.js';
import { buildView, type DocumentView } from '../parse/views.js';
import type { AppliesTo } from '../pack/schema.js';
import type { Segmenter } from '../segment/types.js';
import type { KindContext, KindDeadlines, KindReport, LintSettings, Visitors } from '../kinds/define.js';
import type { Diagnostic, Range, Severity, SuppressedDiagnostic, TicketMeta } from '../types.js';
import type { ActiveRule, ResolvedRules } from './resolve.js';
import { formatMessage, formatSuggestions } from './messages.js';
import { isReplylintError } from '../util/errors.js';
import { applyDirectives, parseDirectives } from './directives.js';
import { mergeOverlaps } from './overlaps.js';

export const META_RULE_ID = 'front-matter';
export const DIRECTIVE_RULE_ID = 'unused-directive';
/** Reported when the text cannot be parsed or a rule fails on it (the other rules still run). */
export const INTERNAL_RULE_ID = 'internal-error';

const META_MESSAGES: Record<string, string> = {
  yamlSyntax: '文件头（front matter）不是有效的 YAML（{{detail}}）：请检查缩进、冒号后的空格和引号是否配对。',
  notMapping: '文件头应为「键: 值」形式的元数据，如 `type: complaint`。',
  invalidValue: '元数据 `{{key}}` 的值「{{actual}}」无效：应为{{expected}}。',
  duplicateKey: '元数据 `{{key}}` 重复（第 {{line}} 行已有 `{{first}}`），现以此处的值为准：请删去多余的一处。',
  unclosed: '文件头以 --- 开始，但没有结束的 --- 行，其中的元数据没有读取：请在元数据之后单独加一行 ---。',
  fullWidthColon: '文件头中「{{key}}」后用了全角冒号“：”：已按「{{key}}: 值」读取，请改为半角冒号加空格（可自动修复）。',
  // metadata passed as data (lint(text, { meta }))
  metaNotMapping: '工单元数据应为「键: 值」对象，如 { type: "complaint" }。',
  metaDuplicateKey: '工单元数据中 `{{key}}` 与 `{{first}}` 是同一字段，现以 `{{key}}` 的值为准：请只给出其中一个。',
};

const INTERNAL_MESSAGES: Record<string, string> = {
  parseFailed: '无法解析这份答复（{{detail}}）：文本的嵌套层次过深或结构异常，请检查是否误粘贴了大量符号；其他文件不受影响。',
  ruleFailed: '规则 {{rule}} 在这份答复上运行出错（{{detail}}），该规则的结果缺失；其他规则照常检查。请把这份答复（去掉个人信息后）报告给维护者。',
  segmenterUnavailable: '{{detail}}（规则 {{rule}} 因此未能检查这份答复，其他规则照常检查）',
  markdownFallback: '有 {{count}} 段文字的 Markdown 标记异常（{{reason}}），为免解析过慢已按纯文本检查，其中的符号按原样读取：如非有意，请删去多余的符号。',
  timeBudget: '检查这份答复超过了 {{budget}}的时限，{{rules}}未检查完，结果不完整；其他文件不受影响。请检查文本是否异常（如误粘贴了大量数据或符号）；如确需检查，可放宽时限（命令行 --time-budget，配置项 timeBudget）。',
  threadTimeout: '检查这份答复超过了 {{budget}}仍未结束（卡在某条规则或正则表达式中），检查线程已终止并换新，这份答复未能检查；其他文件不受影响。请检查文本是否异常，以及配置中自定义的正则表达式是否会大量回溯。',
  threadMemory: '检查这份答复时内存超过了检查线程的上限（{{limit}}），检查线程已终止并换新，这份答复未能检查；其他文件不受影响。请检查文本是否异常（如误粘贴了大量数据）；如确需检查，可放宽上限（环境变量 REPLYLINT_WORKER_MEMORY_MB）。',
  threadCrash: '检查这份答复时检查线程意外退出（{{detail}}），已换新线程，这份答复未能检查；其他文件不受影响。请把这份答复（去掉个人信息后）报告给维护者。',
};

/** The default time budget of one document, in milliseconds (LintCall.timeBudget). */
export const DEFAULT_TIME_BUDGET_MS = 10_000;

/** A duration for a message: `800 毫秒`, `10 秒`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} 毫秒` : `${Number((ms / 1000).toFixed(1))} 秒`;
}

export type InternalMessageId = 'parseFailed' | 'ruleFailed' | 'segmenterUnavailable' | 'markdownFallback' | 'timeBudget' | 'threadTimeout' | 'threadMemory' | 'threadCrash';

const FALLBACK_REASONS: Record<PlainSpan['reason'], string> = {
  emphasis: '强调符号 * _ ~ 过多',
  html: '尖括号 < 过多或未闭合',
  brackets: '方括号过多',
  code: '反引号过多',
  nesting: '列表或引用嵌套过深',
  table: '表格过大',
  markup: '标记符号总量过多',
};

/** Everything a lint needs besides the text, loaded once (createLinter). */
export interface LintEnv {
  /** Rules that run under a profile override (undefined: the config's own profiles). */
  rulesFor(profile: string | undefined): ResolvedRules;
  profileNames: readonly string[];
  knownRuleIds: ReadonlySet<string>;
  settings: LintSettings;
  reportUnusedDisableDirectives: Severity;
  deadlines: KindDeadlines;
  /** The word segmenter (loaded on first need unless the linter was given one). */
  segmenter(): Segmenter;
  /** The profile chosen by the linter's options (it overrides front matter `profile`). */
  profile?: string;
  /** Default time budget of a document in milliseconds (0: none; undefined: DEFAULT_TIME_BUDGET_MS). */
  timeBudget?: number;
}

export interface LintCall {
  /** Ticket metadata as data (English keys or Chinese aliases); front matter is merged under it. */
  meta?: unknown;
  /** For callers and messages; lint() itself reads no file. */
  filename?: string;
  /** Evaluation instant (default: new Date()). */
  now?: Date;
  /** Run only these rules (example verification, fixtures). */
  only?: readonly string[];
  /**
   * `text` for a reply that is plain text, not Markdown (a spreadsheet cell, a web form): indentation,
   * `#`, `*` and `>` are then the writer's typing. Default `markdown`.
   */
  format?: 'markdown' | 'text';
  /**
   * Milliseconds this document may take (default: the linter's, else DEFAULT_TIME_BUDGET_MS);
   * 0: no limit. When it runs out, the rules not yet finished stop and an
   * `internal-error/timeBudget` error names them. Checked between rules and every few hundred
   * blocks or sentences: a single call that never returns (a regex that backtracks for ever) is
   * stopped only by the runner's worker threads (runner/pool.ts).
   */
  timeBudget?: number;
  /**
   * The performance.now() time the budget ends at, when several calls share one budget (fix() and
   * the lint after it); default: `timeBudget` from the start of this call.
   */
  deadline?: number;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  /** Diagnostics suppressed by inline directives, with the directive's reason. */
  suppressed: SuppressedDiagnostic[];
  /** The ticket metadata that applied (front matter merged under `meta`). */
  meta: TicketMeta;
  /** The profile that applied. */
  profile: string;
}

type MetaRanges = Partial<Record<keyof TicketMeta, Range>>;

function metaDiagnostic(messageId: string, data: Record<string, string>, range: Range, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { ruleId: META_RULE_ID, severity: 2, messageId, message: formatMessage(META_MESSAGES[messageId]!, data), data, range, ...extra };
}

export function internalDiagnostic(messageId: InternalMessageId, data: Record<string, string>, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { ruleId: INTERNAL_RULE_ID, severity: 2, messageId, message: formatMessage(INTERNAL_MESSAGES[messageId]!, data), data, range: [0, 0], ...extra };
}

/** What went wrong, for a message: the error's kind, never its text (which may quote the reply). */
function errorKind(e: unknown): string {
  if (e instanceof RangeError) return '递归过深';
  return e instanceof Error ? e.name : typeof e;
}

/** The diagnostic for a rule that threw: a segmenter that cannot load says how to set it up. */
function ruleFailure(rule: string, e: unknown): Diagnostic {
  if (isReplylintError(e) && e.code === 'segmenter-unavailable') return internalDiagnostic('segmenterUnavailable', { rule, detail: e.message });
  return internalDiagnostic('ruleFailed', { rule, detail: errorKind(e) });
}

/** The `timeBudget` diagnostic: which rules did not finish (none ran: `every`). */
function budgetDiagnostic(budget: number, unfinished: readonly string[] | 'every'): Diagnostic {
  const rules = unfinished === 'every' ? '所有规则均' : `规则 ${unfinished.join('、')} `;
  return internalDiagnostic('timeBudget', { budget: formatDuration(budget), rules, unfinished: unfinished === 'every' ? '*' : unfinished.join(',') });
}

export function lintText(env: LintEnv, text: string, call: LintCall = {}): LintResult {
  const diagnostics: Diagnostic[] = [];
  const budget = call.timeBudget ?? env.timeBudget ?? DEFAULT_TIME_BUDGET_MS;
  const deadline = budget > 0 ? (call.deadline ?? performance.now() + budget) : Infinity;
  let parsed: ParsedMarkdown;
  try {
    parsed = parseMarkdown(text, call.format === 'text' ? { format: 'text', deadline } : { deadline });
  } catch (e) {
    const profile = env.profile ?? 'recommended';
    if (e instanceof ParseDeadlineError) return { diagnostics: [budgetDiagnostic(budget, 'every')], suppressed: [], meta: { extra: {} }, profile };
    return { diagnostics: [internalDiagnostic('parseFailed', { detail: errorKind(e) }, { fatal: true })], suppressed: [], meta: { extra: {} }, profile };
  }

  if (parsed.plain.length) {
    // sections read as plain text (parse/guard.ts): a warning at the first line of the first one
    const first = parsed.plain[0]!;
    const nl = text.indexOf('\n', first.start);
    const end = Math.min(first.end, nl < 0 ? text.length : nl);
    const data = { count: String(parsed.plain.length), reason: FALLBACK_REASONS[first.reason] };
    diagnostics.push(internalDiagnostic('markdownFallback', data, { severity: 1, range: [first.start, Math.max(first.start, end)] }));
  }

  // metadata: front matter, then the data passed in over it
  let meta: TicketMeta = { extra: {} };
  let metaRanges: MetaRanges = {};
  if (parsed.frontMatter) {
    const fm = parsed.frontMatter;
    const result = parseMetadata(fm.value, fm.valueStart, [fm.start, fm.end]);
    meta = result.meta;
    metaRanges = result.keyRanges;
    for (const p of result.problems) diagnostics.push(metaDiagnostic(p.messageId, p.data, p.range, { ...(p.fatal ? { fatal: true } : {}), ...(p.fix ? { fix: p.fix } : {}), ...(p.severity ? { severity: p.severity } : {}) }));
  } else if (/^\uFEFF?---[ \t]*\r?\n/.test(text) && !/\n---[ \t]*(?:\r?\n|$)/.test(text)) {
    // `---` opens front matter that never closes: the metadata would be silently ignored
    diagnostics.push(metaDiagnostic('unclosed', {}, [0, 3]));
  }
  let fromData: ReadonlySet<MetaKey> | undefined;
  if (call.meta !== undefined && call.meta !== null) {
    const given = readMetaObject(call.meta);
    fromData = given.keys;
    meta = mergeMeta(meta, given.meta);
    for (const p of given.problems) {
      const id = p.messageId === 'notMapping' ? 'metaNotMapping' : p.messageId === 'duplicateKey' ? 'metaDuplicateKey' : p.messageId;
      diagnostics.push(metaDiagnostic(id, p.data, [0, 0], { metaKey: p.key, inText: false }));
    }
  }
  /** Where a finding about a metadata key is: its front matter value, or nowhere in the text. */
  const metaLocation = (key: MetaKey): Pick<Diagnostic, 'range' | 'metaKey' | 'inText'> => {
    if (fromData?.has(key)) return { range: [0, 0], metaKey: key, inText: false };
    return { range: metaRanges[key] ?? [0, 0], metaKey: key };
  };

  let profileOverride = env.profile;
  if (!profileOverride && meta.profile !== undefined) {
    if (env.profileNames.includes(meta.profile)) profileOverride = meta.profile;
    else {
      const data = { key: 'profile', actual: meta.profile, expected: `规则配置名称之一：${env.profileNames.join('、')}` };
      diagnostics.push({ ...metaDiagnostic('invalidValue', data, [0, 0]), ...metaLocation('profile') });
    }
  }
  const resolved = env.rulesFor(profileOverride);
  const only = call.only;
  const active = only ? resolved.rules.filter((r) => only.includes(r.rule.id)) : resolved.rules;

  const comments = parsed.comments;
  let view: DocumentView;
  try {
    const root = parsed.root;
    // the syntax tree is not kept while the rules run (a document of a million paragraphs: ~300 MB)
    parsed = undefined as unknown as ParsedMarkdown;
    view = buildView(root, text);
  } catch (e) {
    diagnostics.push(internalDiagnostic('parseFailed', { detail: errorKind(e) }, { fatal: true }));
    return { diagnostics, suppressed: [], meta, profile: resolved.profile };
  }
  const unfinished = text.length >= TIMED_MIN_CHARS && performance.now() > deadline ? 'every' : runRules(active, { doc: view, meta, metaLocation, now: call.now ?? new Date(), profile: resolved.profile, env }, diagnostics, deadline);

  const directives = parseDirectives(comments, text);
  const applied = applyDirectives(diagnostics, directives);
  const { suppressed, used } = applied;
  const kept = mergeOverlaps(applied.kept, active);
  // out of time: said after the directives (the text cannot hide it), and no directive is called
  // unused (its rule may not have run)
  if (unfinished) kept.push(budgetDiagnostic(budget, unfinished));
  else if (env.reportUnusedDisableDirectives !== 'off' && !only) {
    const sev = env.reportUnusedDisableDirectives === 'error' ? 2 : 1;
    for (const d of directives) {
      if (d.type === 'enable') continue;
      const hits = used.get(d)!;
      const unknown = d.ruleIds.filter((id) => !env.knownRuleIds.has(id) && id !== META_RULE_ID);
      const unused = d.ruleIds.length === 0 ? (hits.size ? [] : ['*']) : d.ruleIds.filter((id) => !hits.has(id) && !unknown.includes(id));
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
  kept.sort(byPosition);
  return { diagnostics: kept, suppressed, meta, profile: resolved.profile };
}

const byPosition = (a: Diagnostic, b: Diagnostic) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);

function matchesAppliesTo(a: AppliesTo | undefined, meta: TicketMeta): boolean {
  if (!a) return true;
  if (a.type && (!meta.type || !a.type.includes(meta.type))) return false;
  if (a.notType && meta.type && a.notType.includes(meta.type)) return false;
  if (a.channel && (!meta.channel || !a.channel.includes(meta.channel))) return false;
  if (a.anonymous !== undefined && (meta.anonymous ?? false) !== a.anonymous) return false;
  if (a.has && !a.has.every((k) => (meta as unknown as Record<string, unknown>)[k] !== undefined)) return false;
  return true;
}

export interface RunContext {
  doc: DocumentView;
  meta: TicketMeta;
  metaLocation(key: MetaKey): Pick<Diagnostic, 'range' | 'metaKey' | 'inText'>;
  now: Date;
  profile: string;
  env: LintEnv;
}

/**
 * Runs the rules over the document. With a `deadline` (performance.now() time), the clock is read
 * after the rules are created, between document visitors and every TIME_CHECK_EVERY blocks or
 * sentences (not every sentence: that would cost more than the rules of a short reply); past it,
 * the rest stops and the rules that did not finish are returned.
 */
export function runRules(active: readonly ActiveRule[], run: RunContext, out: Diagnostic[], deadline = Infinity): string[] | undefined {
  const { doc, meta, env } = run;
  const visitors: { v: Visitors; rule: string; failed?: boolean }[] = [];
  // a finding about the whole reply is shown on its first sentence (or at the start of the text)
  const first = doc.sentences[0];
  const documentRange: Range = first ? doc.toSource(first.start, first.end) : [0, 0];
  for (const { rule, severity, options } of active) {
    if (!matchesAppliesTo(rule.appliesTo, meta)) continue;
    const report = (r: KindReport) => {
      const data = r.data ?? {};
      const template = rule.messages[r.messageId];
      const d: Diagnostic = {
        ruleId: rule.id,
        severity: severity === 'error' && !r.downgrade ? 2 : 1,
        messageId: r.messageId,
        message: template ? formatMessage(template, data) : r.messageId,
        data,
        range: r.at ? doc.toSource(r.at[0], r.at[1]) : (r.range ?? documentRange),
      };
      if (!r.at && !r.range && r.metaKey !== undefined) {
        const keys = typeof r.metaKey === 'string' ? [r.metaKey] : r.metaKey;
        const key = keys.find((k) => (meta as unknown as Record<string, unknown>)[k] !== undefined) ?? keys[0]!;
        Object.assign(d, run.metaLocation(key));
      }
      d.range = wholeCharacters(doc.source, d.range);
      const suggestions = r.suggestions?.length ? formatSuggestions(rule.messages, r.suggestions) : [];
      if (r.fix) {
        // a fix is applied unseen: only where its range is exactly the text the rule saw (no markup,
        // character reference or escape inside) and whole characters; otherwise it is offered
        const exact = !r.at || r.fix.range[0] !== d.range[0] || r.fix.range[1] !== d.range[1] || sameText(doc.source.slice(d.range[0], d.range[1]), doc.text.slice(r.at[0], r.at[1]));
        if (exact && !splitsPair(doc.source, r.fix.range)) d.fix = r.fix;
        else suggestions.unshift({ messageId: 'reviewFix', desc: REVIEW_FIX, data: {}, fix: wholeFix(doc.source, r.fix) });
      }
      if (suggestions.length) d.suggestions = suggestions;
      if (r.related?.length) d.related = r.related;
      out.push(d);
    };
    const ctx: KindContext = {
      ruleId: rule.id,
      doc,
      meta,
      now: run.now,
      profile: run.profile,
      settings: env.settings,
      deadlines: env.deadlines,
      segmenter: env.segmenter,
      report,
    };
    try {
      visitors.push({ v: rule.kindDef.create(ctx, options), rule: rule.id });
    } catch (e) {
      out.push(ruleFailure(rule.id, e));
    }
  }
  // a rule that throws loses its own results, never the document's
  const fail = (x: (typeof visitors)[number], e: unknown) => {
    x.failed = true;
    out.push(ruleFailure(x.rule, e));
  };
  /** Rules with work left when the time ran out in `phase` (document visitors: from index `from`). */
  const unfinished = (phase: 'document' | 'block' | 'sentence', from = 0): string[] => {
    const ids = new Set<string>();
    visitors.forEach((x, k) => {
      if (x.failed) return;
      if (x.v.sentence || (x.v.block && phase !== 'sentence') || (x.v.document && phase === 'document' && k >= from)) ids.add(x.rule);
    });
    return [...ids];
  };
  // a short text is done long before any budget: its clock is never read (per-reply cost)
  const timed = deadline !== Infinity && doc.source.length >= TIMED_MIN_CHARS;
  if (timed && performance.now() > deadline) return unfinished('document');
  for (let k = 0; k < visitors.length; k++) {
    const x = visitors[k]!;
    if (!x.v.document) continue;
    if (timed && k > 0 && performance.now() > deadline) return unfinished('document', k);
    try {
      x.v.document();
    } catch (e) {
      fail(x, e);
    }
  }
  if (timed && performance.now() > deadline) return unfinished('block');
  // each block, then each sentence, to every visitor that wants it. The try/catch stands outside
  // the loops (a handler inside the hot loop cost ~40% of runRules' own time): after a failure the
  // loops resume with the next visitor. The two loops are written out: one generic loop over
  // `x.v[kind]` made the calls megamorphic and cost more than it saved in lines.
  const blockVisitors = visitors.filter((x) => x.v.block && !x.failed);
  if (blockVisitors.length) {
    const blocks = doc.blocks;
    let i = 0;
    let j = 0;
    for (;;) {
      try {
        for (; i < blocks.length; i++, j = 0) {
          if ((i & TIME_CHECK_MASK) === TIME_CHECK_MASK && performance.now() > deadline) return unfinished('block');
          const b = blocks[i]!;
          for (; j < blockVisitors.length; j++) {
            const x = blockVisitors[j]!;
            if (!x.failed) x.v.block!(b);
          }
        }
        break;
      } catch (e) {
        fail(blockVisitors[j]!, e);
        j++;
      }
    }
  }
  const sentenceVisitors = visitors.filter((x) => x.v.sentence && !x.failed);
  if (sentenceVisitors.length) {
    if (timed && performance.now() > deadline) return unfinished('sentence');
    const sentences = doc.sentences;
    let i = 0;
    let j = 0;
    for (;;) {
      try {
        for (; i < sentences.length; i++, j = 0) {
          if ((i & TIME_CHECK_MASK) === TIME_CHECK_MASK && performance.now() > deadline) return unfinished('sentence');
          const s = sentences[i]!;
          for (; j < sentenceVisitors.length; j++) {
            const x = sentenceVisitors[j]!;
            if (!x.failed) x.v.sentence!(s);
          }
        }
        break;
      } catch (e) {
        fail(sentenceVisitors[j]!, e);
        j++;
      }
    }
  }
  return undefined;
}

/** The clock is read before every 256th block and sentence (TIME_CHECK_MASK + 1). */
const TIME_CHECK_MASK = 255;
/**
 * Texts shorter than this (a long reply has ~5,000) are checked in milliseconds: the clock is not
 * read between their rules (30 reads cost ~4 % of a reply's lint in instructions, bench/instructions.mjs).
 */
const TIMED_MIN_CHARS = 20_000;

const REVIEW_FIX = '按规则的修复改写此处（原文在此处含 Markdown 标记或转义，请核对后应用）';

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
/** Whether offset i falls between the two halves of a surrogate pair. */
const inPair = (text: string, i: number): boolean => i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
const splitsPair = (text: string, [s, e]: readonly [number, number]): boolean => inPair(text, s) || inPair(text, e);

/** The range widened to whole characters (never half a surrogate pair). */
function wholeCharacters(text: string, range: Range): Range {
  if (!splitsPair(text, range)) return range;
  return [inPair(text, range[0]) ? range[0] - 1 : range[0], inPair(text, range[1]) ? range[1] + 1 : range[1]];
}

/** A fix widened to whole characters, keeping the halves it did not mean to replace. */
function wholeFix(text: string, fix: { range: Range; text: string }): { range: Range; text: string } {
  const [s, e] = fix.range;
  const range = wholeCharacters(text, fix.range);
  return { range, text: text.slice(range[0], s) + fix.text + text.slice(e, range[1]) };
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
/** Source text equals the view's (which leaves zero-width characters out). */
const sameText = (source: string, view: string): boolean => source === view || source.replace(ZERO_WIDTH, '') === view;

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
