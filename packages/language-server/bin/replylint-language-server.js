#!/usr/bin/env node
// replylint language server. Transports: --stdio (any editor), --node-ipc (VS Code), --socket=<port>.
import { startServer } from '../dist/server.js';

if (!process.argv.slice(2).some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('用法：replylint-language-server --stdio（也支持 --node-ipc、--socket=端口）\n');
  process.exit(2);
}
startServer();
