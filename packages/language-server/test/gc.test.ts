// collectGarbage: a full collection without --expose-gc, which frees garbage already promoted to
// the old generation (a scavenge would not), and leaves no `gc` in the main context.
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../src/gc.js';

describe('collectGarbage', () => {
  it('frees promoted garbage and does not expose gc', () => {
    const MiB = 1024 * 1024;
    let big: Buffer | undefined = Buffer.alloc(16 * MiB, 1);
    // survive a few scavenges, as the dictionary's buffer does while the segmenter is built
    for (let i = 0; i < 5; i++) {
      const a: object[] = [];
      for (let j = 0; j < 200_000; j++) a.push({ j });
    }
    const before = process.memoryUsage().arrayBuffers;
    expect(big.length).toBe(16 * MiB);
    big = undefined;
    expect(collectGarbage()).toBe(true);
    expect(before - process.memoryUsage().arrayBuffers).toBeGreaterThanOrEqual(15 * MiB);
    expect('gc' in globalThis).toBe(false);
  });
});
