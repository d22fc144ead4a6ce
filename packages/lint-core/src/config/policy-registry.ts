// Loading a policy registry file (`policies:` in config) for `citation-registry`.
import { z } from 'zod';
import { readYamlSource, validateSource } from '../util/yaml-source.js';
import { normalizeDocNumber } from '../detect/citation.js';
import type { PolicyEntry, PolicyRegistry } from './policies.js';

export const policyRegistrySchema = z.strictObject({
  description: z.string().optional(),
  policies: z.array(
    z.strictObject({
      number: z.string().min(1),
      title: z.string().min(1),
      status: z.enum(['active', 'abolished', 'expired', 'amended']).default('active'),
      replacedBy: z.string().optional(),
      note: z.string().optional(),
    }),
  ),
});

const cache = new Map<string, PolicyRegistry>();

export function loadPolicyRegistry(file: string): PolicyRegistry {
  const hit = cache.get(file);
  if (hit) return hit;
  const { source, data } = readYamlSource(file);
  const parsed = validateSource(policyRegistrySchema, data, source);
  const entries: PolicyEntry[] = parsed.policies;
  const registry: PolicyRegistry = {
    file,
    entries,
    byNumber: new Map(entries.map((e) => [normalizeDocNumber(e.number), e])),
    byTitle: new Map(entries.map((e) => [e.title.replace(/[《》\s]/g, ''), e])),
  };
  cache.set(file, registry);
  return registry;
}
