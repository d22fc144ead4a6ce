// Regenerates docs/rules/<id>.md from rules/core/*.yaml. Run after `npm run build`.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBuiltinRules, listProfiles, optionsWithListReferences, severitiesByProfile } from '../packages/lint-core/dist/index.js';
import { renderRuleDoc } from './rule-docs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'docs', 'rules');
mkdirSync(dir, { recursive: true });
const profiles = listProfiles();
let n = 0;
const rules = loadBuiltinRules();
for (const rule of rules.values()) {
  writeFileSync(join(dir, `${rule.id}.md`), renderRuleDoc(rule, severitiesByProfile(rule.id, profiles), optionsWithListReferences(rule), rules));
  n++;
}
console.log(`已生成 ${n} 个规则文档页：docs/rules/`);
