// Everything the rule data directory holds, loaded and validated once: rules (with their lists),
// profiles, each profile's deadline table, and the shipped working-day calendar. Immutable after
// loading; linters share it. The built-in directory's resources are loaded once per process.
import { loadRulePack, type RuleDefinition } from '../pack/load.js';
import { chainOf, listProfiles, loadProfile, type Profile } from '../config/profiles.js';
import { tableUnder } from '../config/deadlines.js';
import { loadCalendar, type Calendar } from '../deadline/calendar.js';
import type { DeadlineTable } from '../deadline/table.js';
import { ConfigError } from '../util/errors.js';
import { rulesDir } from '../util/paths.js';

export interface Resources {
  /** The rules directory they were read from. */
  readonly dir: string;
  readonly rules: ReadonlyMap<string, RuleDefinition>;
  /** Profile names, sorted. */
  readonly profileNames: readonly string[];
  readonly profiles: ReadonlyMap<string, Profile>;
  /** A profile and its ancestors, base first, each once (throws ConfigError for an unknown name). */
  profileChain(names: readonly string[]): Profile[];
  /** The deadline table under each profile (undefined: its chain has none). */
  readonly deadlineTables: ReadonlyMap<string, DeadlineTable | undefined>;
  /** The shipped working-day calendar. */
  readonly calendar: Calendar;
}

/** Reads and validates the rule data directory (default: the bundled `rules/`). Throws ConfigError. */
export function loadResources(dir = rulesDir()): Resources {
  const rules = loadRulePack(dir);
  const profileNames = listProfiles(dir);
  const profiles = new Map<string, Profile>();
  for (const name of profileNames) profiles.set(name, loadProfile(name, dir, rules));
  const get = (name: string): Profile => {
    const p = profiles.get(name);
    if (!p) throw new ConfigError(`未知的规则配置「${name}」，可用：${profileNames.join('、')}`);
    return p;
  };
  const profileChain = (names: readonly string[]) => chainOf(names, get);
  const memo = new Map<string, DeadlineTable | null>();
  const deadlineTables = new Map<string, DeadlineTable | undefined>();
  for (const name of profileNames) deadlineTables.set(name, tableUnder(name, profileChain, memo));
  return { dir, rules, profileNames, profiles, profileChain, deadlineTables, calendar: loadCalendar() };
}

let builtin: Resources | undefined;

/** The bundled rule data, loaded on first call and then shared by every linter of the process. */
export function builtinResources(): Resources {
  return (builtin ??= loadResources());
}
