// Public API of @replylint/core.
export type * from './types.js';
export { REQUEST_TYPES } from './types.js';
export { lint, lintDocument, META_RULE_ID, DIRECTIVE_RULE_ID, type LintOptions, type LintResult } from './engine/lint.js';
export { fix, applyFixes, type FixResult } from './engine/fix.js';
export { checkExamples, type ExampleFailure } from './engine/examples.js';
export { loadConfig, findConfigFile, clearConfigCache, configSchema, DEFAULT_CONFIG, CONFIG_FILENAMES, type ResolvedConfig, type LoadConfigOptions } from './config/load.js';
export { loadProfile, listProfiles, profileChain, type Profile } from './config/profiles.js';
export { normalizeSetting, type RuleSetting } from './config/settings.js';
export { loadBuiltinRules, type RuleDefinition } from './pack/load.js';
export { resolveRules, severitiesByProfile, type ActiveRule } from './engine/resolve.js';
export { listKinds } from './kinds/index.js';
export { ReplylintError, ConfigError } from './util/errors.js';
export { rulesDir } from './util/paths.js';
export { parseBeijingTime, formatBeijing, formatBeijingHuman } from './time.js';
export { toLineColumn, lineStarts } from './util/lines.js';
export { getSegmenter, isSegmenterAvailable, SegmenterUnavailableError, SEGMENTER_NAMES } from './segment/index.js';
export type { Segmenter, SegmenterName } from './segment/types.js';
export { toSimplified, hasTraditional } from './parse/t2s.js';
