// The explicit registry of rule kinds. Add a kind: write src/kinds/<kind>.ts, add one line here.
import type { KindDefinition } from './define.js';
import { phraseKind } from './phrase.js';
import { conditionalKind } from './conditional.js';
import { countKind } from './count.js';
import { substanceKind } from './substance.js';
import { onTopicKind } from './on-topic.js';
import { personalInfoKind } from './personal-info.js';
import { approvalRequiredKind, finalAnswerKind } from './approval.js';
import { enumerationKind } from './enumeration.js';
import { citationFormatKind } from './citation-format.js';
import { citationRegistryKind } from './citation-registry.js';
import { handlerNameKind } from './handler-name.js';
import { elementsKind } from './elements.js';
import { contactTimeKind } from './contact-time.js';
import { communicationDetailsKind } from './communication-details.js';
import { statementKind } from './statement.js';
import { signatureKind } from './signature.js';
import { overdueKind } from './overdue.js';

const KINDS: KindDefinition<any>[] = [
  overdueKind,
  phraseKind,
  conditionalKind,
  countKind,
  substanceKind,
  onTopicKind,
  personalInfoKind,
  finalAnswerKind, approvalRequiredKind, enumerationKind, citationFormatKind, citationRegistryKind,
  handlerNameKind, elementsKind, contactTimeKind, communicationDetailsKind, statementKind, signatureKind,
];

const byName = new Map<string, KindDefinition>(KINDS.map((k) => [k.kind, k as KindDefinition]));

export function getKind(name: string): KindDefinition | undefined {
  return byName.get(name);
}

export function listKinds(): KindDefinition[] {
  return [...byName.values()];
}
