#!/usr/bin/env node
// replylint language server. Transports: --stdio (any editor), --node-ipc (VS Code), --socket=<port>.
// Runs the bundle built by `npm run build` (scripts/bundle.mjs), else the tsc output.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

if (!process.argv.slice(2).some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('用法：replylint-language-server --stdio（也支持 --node-ipc、--socket=端口）\n');
  process.exit(2);
}
const bundle = new URL('../dist/bundle/server.cjs', import.meta.url);
const { startServer } = existsSync(bundle) ? createRequire(import.meta.url)(fileURLToPath(bundle)) : await import('../dist/server.js');
startServer();
