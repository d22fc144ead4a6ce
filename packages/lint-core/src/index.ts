// Public API of @replylint/core (docs/api.md).
import './util/zod-setup.js';
export type * from './types.js';
export { REQUEST_TYPES, RESULT_FORMAT_VERSION } from './types.js';

// load once, lint purely
export { createLinter, checkExamples, type Linter, type CreateLinterOptions, type DeadlineInput } from './linter/create.js';
export { loadResources, builtinResources, type Resources } from './linter/resources.js';
export { lint, lintDocument, fix, type LintOptions } from './linter/default.js';
export { severitiesByProfile } from './linter/severities.js';
export { EXAMPLE_NOW, type ExampleFailure, type ExampleRunner } from './linter/examples.js';
export { META_RULE_ID, DIRECTIVE_RULE_ID, INTERNAL_RULE_ID, DEFAULT_TIME_BUDGET_MS, internalDiagnostic, formatDuration, type InternalMessageId, type LintCall, type LintResult } from './engine/lint.js';
export { applyFixes, type FixResult } from './engine/fix.js';
export { resolveRules, type ActiveRule, type ResolvedRules } from './engine/resolve.js';

// many replies over worker threads (check, batch, serve)
export { runTexts, checkItem, lintersFromSpec, startRunnerPool, DEFAULT_WORKER_MEMORY_MB, type RunnerPool, type PoolOptions, type TextItem, type TextResult, type LinterSpec, type RunOptions } from './runner/index.js';

// configuration and rule data
export { loadConfig, createConfig, configFromText, findConfigFile, clearConfigCache, configSchema, DEFAULT_CONFIG, CONFIG_FILENAMES, type ResolvedConfig, type LoadConfigOptions, type CreateConfigOptions } from './config/load.js';
export { loadProfile, listProfiles, profileChain, type Profile } from './config/profiles.js';
export { normalizeSetting, type RuleSetting } from './config/settings.js';
export { ruleSettingSchema, ruleSchema, profileSchema, listSchema } from './pack/schema.js';
export { loadBuiltinRules, readList, listSources, optionsWithListReferences, type RuleDefinition, type RuleListUse, type LoadedList, type ListEntry } from './pack/load.js';
export { listKinds } from './kinds/index.js';
export { ReplylintError, ConfigError, isReplylintError } from './util/errors.js';
export { rulesDir } from './util/paths.js';

// ticket metadata
export { META_KEYS, canonicalMetaKey, requestTypeOf, TYPE_NAMES, NESTED_ALIASES, type MetaKey, type MetaKeySpec } from './meta/keys.js';
export { readMetaObject, mergeMeta, type MetaObjectProblem, type MetaObjectResult } from './meta/object.js';

// text and time helpers for front ends
export { parseBeijingTime, formatBeijing, formatBeijingHuman } from './time.js';
export { toLineColumn, lineStarts } from './util/lines.js';
export { getSegmenter, isSegmenterAvailable, SegmenterUnavailableError, SEGMENTER_NAMES, setJiebaWasmLoader, setJiebaDataFiles } from './segment/index.js';
export type { Segmenter, SegmenterName } from './segment/types.js';
export { toSimplified, hasTraditional } from './parse/t2s.js';
export { maskPersonalText } from './detect/mask.js';

// the public version of a reply (masked personal details)
export { redact, blockingProblem, REDACTION_KIND_NAMES, type RedactOptions, type RedactResult, type Redaction, type RedactionKind, type RedactProblem } from './redact/index.js';

// deadlines
export * from './deadline/index.js';
export { computeDeadlines, requireTable, deadlineTableFor } from './config/deadlines.js';
