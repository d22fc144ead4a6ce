// Entry point (bin/replylint.js imports this module). Everything ends in an exit code; nothing
// escapes as a stack trace (REPLYLINT_DEBUG=1 shows stacks).
import { reportError } from './errors.js';
import { run } from './cli.js';

process.on('uncaughtException', (e) => {
  process.exitCode = reportError(e);
});
process.on('unhandledRejection', (e) => {
  process.exitCode = reportError(e);
});
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    // reader went away (e.g. `replylint … | head`): stop quietly
    if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

process.exitCode = await run(process.argv);
