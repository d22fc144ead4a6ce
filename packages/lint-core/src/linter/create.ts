// createLinter: load once, then lint purely. Reading happens here (config, rules, lists, profiles,
// deadline tables, calendars, policy registry, the segmenter and the `yaml` package; rule examples
// verified); the linter's lint() and fix() read no file and no environment variable (with
// `deferModules`, the segmenter and `yaml` are loaded when a reply first needs them instead).
// Caches live on the linter; a new configuration means a new linter.
import { DEFAULT_CONFIG, loadConfig, type ResolvedConfig } from '../config/load.js';
import { normalizeSetting, type RuleSetting } from '../config/settings.js';
import type { RuleSettingInput } from '../pack/schema.js';
import { buildCalendar, readCalendarFile, type Calendar } from '../deadline/calendar.js';
import { computeWithTable, DeadlineInputError, type ComputeDeadlinesInput, type DeadlineResult } from '../deadline/compute.js';
import { fixWith, type FixResult } from '../engine/fix.js';
import { DEFAULT_TIME_BUDGET_MS, INTERNAL_RULE_ID, lintText, type LintCall, type LintEnv, type LintResult } from '../engine/lint.js';
import { resolveRules, type ResolvedRules } from '../engine/resolve.js';
import { getSegmenter, SEGMENTER_NAMES } from '../segment/index.js';
import type { Segmenter, SegmenterName } from '../segment/types.js';
import type { Diagnostic } from '../types.js';
import { ConfigError, isReplylintError } from '../util/errors.js';
import { yaml } from '../util/lazy-yaml.js';
import { builtinResources, type Resources } from './resources.js';
import { noTableError } from '../config/deadlines.js';
import { checkExamplesWith, EXAMPLE_NOW, ExamplesUnverifiable, verifyExamples, type ExampleFailure, type ExampleRunner } from './examples.js';
import type { RuleDefinition } from '../pack/load.js';

export interface CreateLinterOptions {
  /** A config from loadConfig() or createConfig(). Default: discovered from `cwd` when given, else `recommended`. */
  config?: ResolvedConfig;
  /** A `.replylintrc.yaml` to load (no discovery). */
  configFile?: string;
  /** Directory (or file) to discover `.replylintrc.yaml` from, upward. */
  cwd?: string;
  /** Profile for every document; overrides front matter `profile` and the config's `extends`. */
  profile?: string;
  /** Per-rule settings over the config (`{ 'signature-block': 'error' }`, CLI `--rule`). */
  rules?: Record<string, RuleSettingInput | RuleSetting>;
  /** Word segmenter: a backend name (default: the config's, else node-rs), an instance, or a loader called on first need. */
  segmenter?: SegmenterName | Segmenter | (() => Segmenter);
  /** Rule data (default: the bundled `rules/`, loaded once per process). */
  resources?: Resources;
  /** Verify every rule's examples on first use of `resources` (default true). */
  verifyExamples?: boolean;
  /**
   * Load the word segmenter and the `yaml` package (source ranges of metadata) only when a reply
   * first needs them, once per process: a short-lived CLI run starts faster. Default false:
   * createLinter loads them, and lint() reads no file at all.
   */
  deferModules?: boolean;
  /**
   * Milliseconds one document may take (default: the config's `timeBudget`, else
   * DEFAULT_TIME_BUDGET_MS, 10 s); 0: no limit. A call's own `timeBudget` overrides it.
   */
  timeBudget?: number;
}

export type DeadlineInput = Omit<ComputeDeadlinesInput, 'calendar' | 'calendarFile' | 'profile'> & { profile?: string };

export interface Linter {
  readonly config: ResolvedConfig;
  readonly resources: Resources;
  /** The working-day calendar (shipped, with the config's `calendar:`), e.g. for timeLeft(). */
  readonly calendar: Calendar;
  /** Milliseconds one document may take by default (0: no limit). */
  readonly timeBudget: number;
  /** Diagnostics for one reply. `meta` is the ticket's metadata as data; front matter merges under it. */
  lint(text: string, call?: LintCall): Diagnostic[];
  /** lint() with the metadata and profile that applied and the suppressed diagnostics. */
  lintDocument(text: string, call?: LintCall): LintResult;
  /** Applies every safe fix (repeatedly, until none is left) and lints the result. */
  fix(text: string, call?: LintCall): FixResult;
  /** The deadlines of a ticket under a profile (default: the linter's), with the linter's calendar. */
  deadlines(input: DeadlineInput): DeadlineResult;
  /** The rules that run under a profile (default: the linter's own). */
  rulesFor(profile?: string): ResolvedRules;
  /** Loads the word segmenter now (a language server does this at start, off the first keystroke). */
  loadSegmenter(): Segmenter;
}

function toSetting(s: RuleSettingInput | RuleSetting): RuleSetting {
  return typeof s === 'object' && s !== null && !Array.isArray(s) ? (s as RuleSetting) : normalizeSetting(s as RuleSettingInput);
}

/** The linter's calendar: the shipped one, with the config's `calendar:` file and `strictCalendar`. */
function calendarFor(config: ResolvedConfig, resources: Resources): Calendar {
  const file = config.settings.calendarFile;
  const strict = config.settings.strictCalendar === true;
  if (!file && !strict) return resources.calendar;
  return buildCalendar(file ? [resources.calendarSource, { file, data: readCalendarFile(file) }] : [resources.calendarSource], { strict });
}

export function createLinter(options: CreateLinterOptions = {}): Linter {
  const resources = options.resources ?? builtinResources();
  const config =
    options.config ??
    (options.configFile !== undefined
      ? loadConfig({ configFile: options.configFile, pack: { rules: resources.rules, profiles: resources.profileNames } })
      : options.cwd !== undefined
        ? loadConfig({ from: options.cwd, pack: { rules: resources.rules, profiles: resources.profileNames } })
        : DEFAULT_CONFIG);
  if (options.profile !== undefined && !resources.profileNames.includes(options.profile)) {
    throw new ConfigError(`未知的规则配置「${options.profile}」，可用：${resources.profileNames.join('、')}`);
  }
  const overrides: Record<string, RuleSetting> = {};
  for (const [id, s] of Object.entries(options.rules ?? {})) overrides[id] = toSetting(s);

  // the segmenter: an instance, a loader, or a backend loaded on first need. A backend that cannot
  // load (nodejieba on a machine without a compiler) is a diagnostic on the replies that need it
  // (engine/lint.ts), and the other replies are checked as usual.
  const given = options.segmenter;
  let segmenter = typeof given === 'object' ? given : undefined;
  const backend: SegmenterName = typeof given === 'string' ? given : config.segmenter;
  if (!(SEGMENTER_NAMES as readonly string[]).includes(backend)) throw new ConfigError(`未知的分词后端「${backend}」：应为 ${SEGMENTER_NAMES.join(' 或 ')}`);
  const loadSegmenter = (): Segmenter => (segmenter ??= typeof given === 'function' ? given() : getSegmenter(backend));
  if (!options.deferModules) {
    yaml();
    try {
      loadSegmenter();
    } catch (e) {
      // a backend that cannot load here is reported on the replies that need it
      if (!isReplylintError(e)) throw e;
    }
  }

  const calendar = calendarFor(config, resources);
  const timeBudget = options.timeBudget ?? config.timeBudget ?? DEFAULT_TIME_BUDGET_MS;
  if (!(timeBudget >= 0)) throw new ConfigError(`检查时限应为不小于 0 的毫秒数（0 为不限），而不是「${timeBudget}」`);
  const resolved = new Map<string, ResolvedRules>(); // one entry per profile at most
  const rulesFor = (profile: string | undefined): ResolvedRules => {
    const key = profile ?? '';
    let r = resolved.get(key);
    if (!r) resolved.set(key, (r = resolveRules(resources, config, profile, overrides)));
    return r;
  };
  // rule options and overrides are checked now, not at the first lint
  rulesFor(options.profile);

  const env: LintEnv = {
    rulesFor,
    profileNames: resources.profileNames,
    knownRuleIds: new Set(resources.rules.keys()),
    settings: config.settings,
    reportUnusedDisableDirectives: config.reportUnusedDisableDirectives,
    deadlines: { tableFor: (p) => resources.deadlineTables.get(p), calendar },
    segmenter: loadSegmenter,
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
    timeBudget,
  };

  // examples run with a real segmenter even when the caller's loader is not ready yet (an editor
  // that loads it after the first diagnostics): an example must never fail for want of one
  const exampleSegmenter = typeof given === 'object' ? () => given : () => getSegmenter(backend);
  if (options.verifyExamples !== false) verifyExamples(resources, (rule) => exampleRunner(rule, resources, exampleSegmenter));

  const lintDocument = (text: string, call?: LintCall) => lintText(env, text, call);
  const lint = (text: string, call?: LintCall) => lintText(env, text, call).diagnostics;
  return {
    config,
    resources,
    calendar,
    lint,
    lintDocument,
    timeBudget,
    // every pass of fix() shares the document's one budget
    fix: (text, call) => {
      const budget = call?.timeBudget ?? timeBudget;
      const deadline = call?.deadline ?? (budget > 0 ? performance.now() + budget : undefined);
      return fixWith((t) => lint(t, deadline === undefined ? call : { ...call, deadline }), text);
    },
    deadlines(input) {
      const profile = input.profile ?? options.profile ?? rulesFor(undefined).profile;
      if (!resources.profileNames.includes(profile)) throw new DeadlineInputError(`未知的规则配置「${profile}」，可用：${resources.profileNames.join('、')}`);
      const table = resources.deadlineTables.get(profile);
      if (!table) throw noTableError(profile, resources.profileNames.filter((p) => resources.deadlineTables.get(p)));
      return computeWithTable(table, { ...input, profile, calendar });
    },
    rulesFor: (profile) => rulesFor(profile ?? options.profile),
    loadSegmenter,
  };
}

/** Runs one rule alone on its examples' texts (each options set gets its own linter). */
export function exampleRunner(rule: RuleDefinition, resources: Resources, segmenter?: () => Segmenter): ExampleRunner {
  const linters = new Map<string, Linter>();
  return (text, opts) => {
    const key = opts ? JSON.stringify(opts) : '';
    let l = linters.get(key);
    if (!l) {
      l = createLinter({
        config: { ...DEFAULT_CONFIG, key: `examples:${rule.id}`, reportUnusedDisableDirectives: 'off' },
        rules: { [rule.id]: opts ? ['on', opts] : 'on' },
        resources,
        ...(segmenter ? { segmenter } : {}),
        verifyExamples: false,
        deferModules: true,
      });
      linters.set(key, l);
    }
    const found = l.lint(text, { only: [rule.id], now: EXAMPLE_NOW });
    // no segmenter here: the example cannot be judged (the replies say why, engine/lint.ts)
    if (found.some((d) => d.ruleId === INTERNAL_RULE_ID && d.messageId === 'segmenterUnavailable')) throw new ExamplesUnverifiable(rule.id);
    return found.filter((d) => d.ruleId === rule.id);
  };
}

/** How a rule's YAML examples fail to behave as labelled (none: they all do). */
export function checkExamples(rule: RuleDefinition, resources: Resources = builtinResources()): ExampleFailure[] {
  return checkExamplesWith(rule, exampleRunner(rule, resources));
}
