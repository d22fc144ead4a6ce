// collectGarbage: a full collection without --expose-gc, which frees garbage already promoted to
// the old generation (a scavenge would not), and leaves no `gc` in the main context.
// The buffer's release is observed through a WeakRef, not process.memoryUsage(): the test threads
// share one process, and another file's buffers would move a process-wide figure.
import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../src/gc.js';

describe('collectGarbage', () => {
  it('frees promoted garbage and does not expose gc', async () => {
    const MiB = 1024 * 1024;
    let big: Buffer | undefined = Buffer.alloc(16 * MiB, 1);
    const ref = new WeakRef(big);
    // survive a few scavenges (promoted to the old generation), as the dictionary's buffer does
    // while the segmenter is built
    for (let i = 0; i < 5; i++) {
      const a: object[] = [];
      for (let j = 0; j < 200_000; j++) a.push({ j });
    }
    expect(big.length).toBe(16 * MiB);
    big = undefined;
    await tick(); // a WeakRef's target is kept until the job that created it ends
    expect(collectGarbage()).toBe(true);
    expect(ref.deref()).toBeUndefined();
    expect('gc' in globalThis).toBe(false);
  });
});
