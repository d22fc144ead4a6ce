// Remembers which rules' examples were verified, so that a CLI run does not lint every rule's
// examples again (~120 ms of a ~400 ms cold start). An entry is the hash of the rule as loaded
// (options with lists resolved, messages, examples); the file is tied to the build's code
// identity, so editing a rule, a list or any kind invalidates it (see util/disk-cache.ts).
import { createHash } from 'node:crypto';
import type { RuleDefinition } from '../pack/load.js';
import { cacheEnabled, codeIdentity, readCache, writeCache } from '../util/disk-cache.js';

const FILE = 'examples-verified.json';
let keys: Set<string> | null | undefined;

function load(): Set<string> | null {
  if (keys !== undefined) return keys;
  if (!cacheEnabled()) return (keys = null);
  const data = readCache<{ codeId?: string; keys?: string[] }>(FILE);
  keys = new Set(data?.codeId === codeIdentity() && Array.isArray(data.keys) ? data.keys : []);
  return keys;
}

function ruleKey(rule: RuleDefinition): string {
  const { id, kind, defaultOptions, messages, examples, appliesTo } = rule;
  return createHash('sha1').update(JSON.stringify({ id, kind, defaultOptions, messages, examples, appliesTo })).digest('hex');
}

export function examplesKnownGood(rule: RuleDefinition): boolean {
  return load()?.has(ruleKey(rule)) ?? false;
}

export function rememberExamplesGood(rule: RuleDefinition): void {
  const s = load();
  if (!s) return;
  const key = ruleKey(rule);
  if (s.has(key)) return;
  s.add(key);
  writeCache(FILE, { codeId: codeIdentity(), keys: [...s] });
}
