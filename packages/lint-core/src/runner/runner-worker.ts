// A worker thread of runTexts() (runner/pool.ts): builds the spec's linters, then checks each chunk
// of items it is sent and replies with the results in order.
import { parentPort, workerData } from 'node:worker_threads';
import { checkItem, lintersFromSpec, type LinterSpec, type TextItem } from './index.js';
import { RUNNER_WORKER, type WorkerMessage } from './pool.js';

const data = workerData as { marker?: string; spec?: LinterSpec } | undefined;
if (parentPort && data?.marker === RUNNER_WORKER) {
  const port = parentPort;
  let linterFor: ReturnType<typeof lintersFromSpec> | undefined;
  let setupError: string | undefined;
  try {
    linterFor = lintersFromSpec(data.spec ?? {});
    linterFor();
  } catch (e) {
    setupError = e instanceof Error ? e.message : String(e);
  }
  port.on('message', ({ id, chunk }: { id: number; chunk: TextItem[] }) => {
    let reply: WorkerMessage;
    if (!linterFor || setupError) reply = { id, error: setupError ?? '无法建立检查器' };
    else {
      try {
        reply = { id, results: chunk.map((item) => checkItem(linterFor!, item)) };
      } catch (e) {
        reply = { id, error: e instanceof Error ? e.message : String(e) };
      }
    }
    port.postMessage(reply);
  });
}
