// Everything the rule data directory holds, loaded and validated once: rules (with their lists),
// profiles, each profile's deadline table, and the shipped working-day calendar. Immutable after
// loading; linters share it. The built-in directory's resources are loaded once per process.
//
// Validated profiles, tables and calendar data are kept in the on-disk cache (util/disk-cache.ts)
// keyed on the content of every file under rules/ and on the build, like the rule pack: a CLI run
// then reads one JSON file instead of parsing and validating seven YAML files (~25 ms).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBuiltinRules, loadRulePack, type RuleDefinition } from '../pack/load.js';
import { chainOf, listProfiles, readProfile, type Profile } from '../config/profiles.js';
import { tableUnder } from '../config/deadlines.js';
import { buildCalendar, readCalendarFile, type Calendar, type CalendarFile } from '../deadline/calendar.js';
import type { DeadlineTable } from '../deadline/table.js';
import { ConfigError } from '../util/errors.js';
import { rulesDir } from '../util/paths.js';
import { cacheEnabled, codeIdentity, readCache, writeCache } from '../util/disk-cache.js';

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
  /** The shipped working-day calendar, and the validated data it was built from. */
  readonly calendar: Calendar;
  readonly calendarSource: { file: string; data: CalendarFile };
}

const CACHE = 'resources.json';

interface CachedResources {
  key: string;
  profiles: Profile[];
  tables: [string, DeadlineTable | null][];
  calendar: CalendarFile;
}

/** Hash of every data file under `dir` (name and content) and of the build. */
function resourcesKey(dir: string): string {
  const h = createHash('sha1').update(`${codeIdentity()}\0${dir}\n`);
  for (const sub of ['core', 'lists', 'profiles', 'calendar']) {
    let names: string[];
    try {
      names = readdirSync(join(dir, sub)).filter((f) => f.endsWith('.yaml')).sort();
    } catch {
      continue;
    }
    for (const name of names) h.update(`${sub}/${name}\0${readFileSync(join(dir, sub, name), 'utf8')}\0`);
  }
  return h.digest('hex');
}

function assemble(dir: string, rules: ReadonlyMap<string, RuleDefinition>, profiles: Map<string, Profile>, tables: Map<string, DeadlineTable | undefined>, calendarSource: Resources['calendarSource']): Resources {
  const profileNames = [...profiles.keys()].sort();
  const get = (name: string): Profile => {
    const p = profiles.get(name);
    if (!p) throw new ConfigError(`未知的规则配置「${name}」，可用：${profileNames.join('、')}`);
    return p;
  };
  const calendar = buildCalendar([calendarSource]);
  return { dir, rules, profileNames, profiles, profileChain: (names) => chainOf(names, get), deadlineTables: tables, calendar, calendarSource };
}

/** Reads and validates the rule data directory (default: the bundled `rules/`). Throws ConfigError. */
export function loadResources(dir = rulesDir(), rules: ReadonlyMap<string, RuleDefinition> = loadRulePack(dir)): Resources {
  const calendarFile = join(dir, 'calendar', 'cn.yaml');
  const key = cacheEnabled() ? resourcesKey(dir) : '';
  const cached = key ? readCache<CachedResources>(CACHE) : undefined;
  if (cached?.key === key && Array.isArray(cached.profiles) && Array.isArray(cached.tables) && cached.calendar) {
    const tables = new Map(cached.tables.map(([name, t]) => [name, t ?? undefined] as const));
    return assemble(dir, rules, new Map(cached.profiles.map((p) => [p.id, p])), tables, { file: calendarFile, data: cached.calendar });
  }
  const profiles = new Map<string, Profile>();
  for (const name of listProfiles(dir)) profiles.set(name, readProfile(name, dir, rules));
  const calendarData = readCalendarFile(calendarFile);
  const chain = assemble(dir, rules, profiles, new Map(), { file: calendarFile, data: calendarData }).profileChain;
  const memo = new Map<string, DeadlineTable | null>();
  const tables = new Map<string, DeadlineTable | undefined>();
  for (const name of profiles.keys()) tables.set(name, tableUnder(name, chain, memo));
  const resources = assemble(dir, rules, profiles, tables, { file: calendarFile, data: calendarData });
  if (key) writeCache(CACHE, { key, profiles: [...profiles.values()], tables: [...tables].map(([n, t]) => [n, t ?? null]), calendar: calendarData } satisfies CachedResources);
  return resources;
}

let builtin: Resources | undefined;

/** The bundled rule data, loaded on first call and then shared by every linter of the process. */
export function builtinResources(): Resources {
  return (builtin ??= loadResources(rulesDir(), loadBuiltinRules()));
}
