// Worker thread of large `replylint check` runs (tinypool): processes a chunk of files with the
// same settings as the main thread and returns the outcomes in order.
import { FileProcessor, type Job, type JobOutcome, type ProcessSettings } from './process.js';

let processor: FileProcessor | undefined;

export interface WorkerTask {
  settings: ProcessSettings;
  jobs: Job[];
}

export default async function checkChunk(task: WorkerTask): Promise<JobOutcome[]> {
  if (!processor) {
    const core = await import('@replylint/core');
    try {
      processor = new FileProcessor(core, task.settings);
    } catch (e) {
      if (e instanceof Error && (e.name === 'ConfigError' || e.name === 'ReplylintError')) return [{ fatal: e.message }];
      throw e;
    }
  }
  const out: JobOutcome[] = [];
  for (const job of task.jobs) {
    const r = await processor.process(job);
    out.push(r);
    if ('fatal' in r) break;
  }
  return out;
}
