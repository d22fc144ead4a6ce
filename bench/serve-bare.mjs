// The yardstick of bench/serve.mjs: a bare node:http handler that parses the JSON body and calls the
// same lint() as the service (built core, same configuration), answering with the diagnostics.
import { createServer } from 'node:http';
import { createLinter } from '../packages/lint-core/dist/index.js';

const linter = createLinter({ cwd: process.cwd() });
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const r = linter.lintDocument(body.text, { meta: body.meta, format: body.format });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ accept: !r.diagnostics.some((d) => d.severity === 2), diagnostics: r.diagnostics }));
    } catch {
      res.writeHead(400);
      res.end();
    }
  });
});
server.listen(0, '127.0.0.1', () => process.stderr.write(`listening http://127.0.0.1:${server.address().port}/\n`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
