// Prints replies of the development set by id, from ../shared/corpora/ (the project keeps labels,
// not texts): node eval/real/show.mjs w012 t2555 …   or   node eval/real/show.mjs --labeller h1
// (held-out set: node eval/real/show.mjs --set holdout --labeller g1)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const corpora = join(here, '..', '..', '..', 'shared', 'corpora');
const byId = new Map();
for (const f of ['web-replies.jsonl', 'tipdm-2020-replies.jsonl']) {
  for (const line of readFileSync(join(corpora, f), 'utf8').split('\n')) if (line.trim()) {
    const r = JSON.parse(line);
    byId.set(r.id, r);
  }
}
const args = process.argv.slice(2);
// --labeller h1 (eval/real/sample.json) or --labeller g1 --set holdout (eval/holdout/sample.json)
const setAt = args.indexOf('--set');
const sampleFile = setAt >= 0 ? join(here, '..', args.splice(setAt, 2)[1], 'sample.json') : join(here, 'sample.json');
const ids = args[0] === '--labeller' ? JSON.parse(readFileSync(sampleFile, 'utf8')).assignments[args[1]] : args;
for (const id of ids) {
  const r = byId.get(id);
  if (!r) {
    console.log(`## ${id}：找不到`);
    continue;
  }
  console.log(`## ${id}${r.platform ? `（${r.platform}）` : ''}\n### 诉求\n${r.request ?? '（无）'}\n### 答复\n${r.reply}\n`);
}
