// Worker thread of large `replylint check` runs (check/pool.ts): processes the chunks of files it
// is sent, one after another, with the same settings as the main thread, and replies with the
// outcomes in order.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCore } from '../core-loader.js';
import { FileProcessor, type Job, type JobOutcome, type ProcessSettings } from './process.js';
import { isUserFacing } from '../errors.js';

let processor: FileProcessor | undefined;

export interface WorkerTask {
  settings: ProcessSettings;
  jobs: Job[];
  /** Load the engine and check a sample reply, so the first real chunk runs warm. */
  warmUp?: boolean;
}

export interface WorkerRequest {
  id: number;
  task: WorkerTask;
}

export type WorkerReply = { id: number; outcomes: JobOutcome[] } | { id: number; error: string };

// a made-up reply that touches most rules (no personal data)
const SAMPLE = [
  '---',
  'type: complaint',
  'channel: "12345"',
  'dispatchedAt: 2024-03-12 09:30',
  'handler: { name: 王磊, unit: 区城管局, phone: "0527-84361234" }',
  '---',
  '',
  '您好！2024年3月12日10时，承办人王磊与您电话联系，了解了幸福路夜间施工噪音的情况，并约定次日到现场核实。',
  '3月13日上午，工作人员到现场核查，依据《中华人民共和国噪声污染防治法》第四十三条责令施工单位整改。我局高度重视。',
  '',
  '承办人：王磊　区城管局　联系电话：0527-84361234',
  '',
].join('\n');

export async function checkChunk(task: WorkerTask): Promise<JobOutcome[]> {
  if (!processor) {
    const core = await loadCore();
    try {
      processor = new FileProcessor(core, task.settings);
    } catch (e) {
      if (isUserFacing(e)) return [{ fatal: e.message }];
      throw e;
    }
  }
  if (task.warmUp) {
    try {
      await processor.process({ filePath: '<warm-up>', display: '<warm-up>', configFrom: task.settings.cwd }, { text: SAMPLE, encoding: 'utf-8', bom: false });
    } catch {
      // a config problem shows up again (and is reported) with the first real file
    }
    return [];
  }
  const out: JobOutcome[] = [];
  for (const job of task.jobs) {
    const r = await processor.process(job);
    out.push(r);
    if ('fatal' in r) break;
  }
  return out;
}

// started by check/pool.ts (the same literal as POOL_WORKER there: importing pool.ts here would
// load it into every worker for nothing)
if (parentPort && workerData === 'replylint-check-pool') {
  const port = parentPort;
  let queue: Promise<void> = Promise.resolve();
  port.on('message', ({ id, task }: WorkerRequest) => {
    queue = queue.then(async () => {
      let reply: WorkerReply;
      try {
        reply = { id, outcomes: await checkChunk(task) };
      } catch (e) {
        reply = { id, error: e instanceof Error ? e.message : String(e) };
      }
      port.postMessage(reply);
    });
  });
}
