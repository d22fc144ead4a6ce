// The explicit registry of rule kinds. Add a kind: write src/kinds/<kind>.ts, add one line here.
import type { KindDefinition } from './define.js';
import { phraseKind } from './phrase.js';
import { conditionalKind } from './conditional.js';

const KINDS: KindDefinition<any>[] = [
  phraseKind,
  conditionalKind,
];

const byName = new Map<string, KindDefinition>(KINDS.map((k) => [k.kind, k as KindDefinition]));

export function getKind(name: string): KindDefinition | undefined {
  return byName.get(name);
}

export function listKinds(): KindDefinition[] {
  return [...byName.values()];
}
