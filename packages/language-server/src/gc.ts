// One full garbage collection after the server's large one-off jobs (loading the segmenter,
// verifying the rules' examples). Their garbage — the 5 MB dictionary file, its 6 MB text, the
// examples' results — has mostly been promoted to the old generation by then, and V8's next major
// collection may not come for hundreds of edits: until then it is ~11 MiB of the server's memory
// (bench/README.md, "语言服务器的内存"). Node has no API for it without --expose-gc, so the flag is
// set for a moment and `gc` taken from a fresh context (the main context never gets it).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Collects garbage now (a full, blocking collection: ~10–50 ms); false if it could not. */
export function collectGarbage(): boolean {
  let gc: unknown;
  try {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc');
  } catch {
    return false;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
  if (typeof gc !== 'function') return false;
  gc();
  return true;
}
