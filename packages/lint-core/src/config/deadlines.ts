// The deadline table that applies under a profile (SPEC §5): the `deadlines:` block of the most
// specific profile of its chain that has one (following `from:`), validated with file:line errors.
// Load-time code: the linter builds every profile's table once (linter/resources.ts); rule kinds
// receive tables, they never read profiles.
import { ConfigError } from '../util/errors.js';
import { readYamlSource, sourceError, validateSource } from '../util/yaml-source.js';
import { listProfiles, profileChain, type Profile } from './profiles.js';
import { deadlineTableSchema, type DeadlineTable, type DeadlineTableYaml } from '../deadline/table.js';
import { parseClock } from '../deadline/arith.js';
import { computeWithTable, DeadlineInputError, type ComputeDeadlinesInput, type DeadlineResult } from '../deadline/compute.js';

/** Validates a profile's raw `deadlines:` value, reporting errors at file:line. */
function readTable(file: string, raw: unknown): DeadlineTableYaml {
  const { source } = readYamlSource(file);
  const parsed = validateSource(deadlineTableSchema, raw, source, ['deadlines']);
  if ('events' in parsed) {
    parsed.events.forEach((e, i) => {
      if ((e.due?.kind === 'before-completion' || e.due?.kind === 'extension-max') && !parsed.events.some((x) => x.event === 'completion')) {
        throw sourceError(source, ['deadlines', 'events', i, 'due'], '该时限相对于 completion（办结）事件，但时限表中没有 completion');
      }
    });
    const c = parsed.conventions;
    if (!(parseClock(c.workdayStart) < parseClock(c.noon) && parseClock(c.noon) < parseClock(c.workdayEnd))) {
      throw sourceError(source, ['deadlines', 'conventions'], '应满足 workdayStart < noon < workdayEnd');
    }
  }
  return parsed;
}

/**
 * The table under `profile`: the most specific profile of its chain with a `deadlines:` block
 * (following `from:`), or undefined when none has one. `chain` gives a profile's chain.
 */
export function tableUnder(profile: string, chain: (names: readonly string[]) => Profile[], memo = new Map<string, DeadlineTable | null>()): DeadlineTable | undefined {
  const hit = memo.get(profile);
  if (hit !== undefined) return hit ?? undefined;
  const profiles = chain([profile]);
  let result: DeadlineTable | undefined;
  for (let i = profiles.length - 1; i >= 0 && !result; i--) {
    const p = profiles[i]!;
    if (p.deadlines === undefined || p.deadlines === null) continue;
    const parsed = readTable(p.file, p.deadlines);
    if ('from' in parsed) {
      if (parsed.from === p.id) throw new ConfigError(`${p.file}: deadlines.from: 不能引用自身`, p.file);
      const base = tableUnder(parsed.from, chain, memo);
      if (!base) throw new ConfigError(`${p.file}: deadlines.from: 规则配置「${parsed.from}」没有时限表`, p.file);
      result = { ...base, usedBy: profile, document: parsed.document, note: parsed.note ?? base.note };
    } else {
      result = { profile: p.id, usedBy: profile, document: parsed.document, note: parsed.note, conventions: parsed.conventions, events: parsed.events };
    }
  }
  memo.set(profile, result ?? null);
  return result;
}

const builtinTables = new Map<string, DeadlineTable | null>();

/** The table under a built-in profile (read on first use; the linter has its own, loaded up front). */
export function deadlineTableFor(profile: string): DeadlineTable | undefined {
  return tableUnder(profile, (names) => profileChain(names), builtinTables);
}

/** The error for a profile whose chain has no deadline table, naming the profiles that have one. */
export function noTableError(profile: string, withTables: readonly string[]): DeadlineInputError {
  return new DeadlineInputError(`规则配置「${profile}」（及其继承的配置）没有时限表（deadlines:），无法计算时限。有时限表的配置：${withTables.join('、')}`);
}

/** The deadline table that applies under a profile, or a clear error. */
export function requireTable(profile: string): DeadlineTable {
  const table = deadlineTableFor(profile);
  if (!table) throw noTableError(profile, listProfiles().filter((p) => deadlineTableFor(p)));
  return table;
}

/** Every deadline of a ticket under a profile (reads the profile and calendar files on first use). */
export function computeDeadlines(input: ComputeDeadlinesInput): DeadlineResult {
  return computeWithTable(requireTable(input.profile), input);
}
