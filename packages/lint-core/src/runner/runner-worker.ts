// A worker thread of runTexts() (runner/pool.ts): builds the spec's linters, then checks each chunk
// of items it is sent and replies with the results in order. Before each item it writes, into the
// numbers it shares with the pool, which item it is on and when the pool should end it if it is
// still there (the item's time budget, hardLimitMs).
import { parentPort, workerData } from 'node:worker_threads';
import { checkItem, lintersFromSpec, type LinterSpec, type TextItem, type TextResult } from './index.js';
import { hardLimitMs, RUNNER_WORKER, SLOT_DEADLINE, SLOT_ITEM, SLOT_LIMIT, SLOT_MESSAGE, type WorkerMessage } from './pool.js';

const data = workerData as { marker?: string; spec?: LinterSpec; slot?: Float64Array } | undefined;
if (parentPort && data?.marker === RUNNER_WORKER) {
  const port = parentPort;
  const slot = data.slot ?? new Float64Array(4);
  let linterFor: ReturnType<typeof lintersFromSpec> | undefined;
  let setupError: string | undefined;
  try {
    linterFor = lintersFromSpec(data.spec ?? {});
    linterFor();
  } catch (e) {
    setupError = e instanceof Error ? e.message : String(e);
  }
  /** The time budget of an item's linter (0: none; an unknown config fails in checkItem). */
  const budgetOf = (item: TextItem): number => {
    try {
      return linterFor!(item?.config).timeBudget;
    } catch {
      return 0;
    }
  };
  port.on('message', ({ id, chunk }: { id: number; chunk: TextItem[] }) => {
    let reply: WorkerMessage;
    if (!linterFor || setupError) reply = { id, error: setupError ?? '无法建立检查器' };
    else {
      try {
        const results: TextResult[] = [];
        slot[SLOT_MESSAGE] = id;
        for (let k = 0; k < chunk.length; k++) {
          const item = chunk[k]!;
          const budget = budgetOf(item);
          const limit = budget > 0 ? hardLimitMs(budget) : 0;
          slot[SLOT_ITEM] = k;
          slot[SLOT_LIMIT] = limit;
          slot[SLOT_DEADLINE] = limit > 0 ? Date.now() + limit : 0;
          results.push(checkItem(linterFor, item));
        }
        reply = { id, results };
      } catch (e) {
        reply = { id, error: e instanceof Error ? e.message : String(e) };
      } finally {
        slot[SLOT_DEADLINE] = 0;
        slot[SLOT_ITEM] = -1;
      }
    }
    port.postMessage(reply);
  });
}
