// Creating the folder of an output file.
//
// Not `mkdir(dir, { recursive: true })`: on Node 20 it loops for ever when the kernel answers
// ENOENT for a folder whose parent exists, as in /proc (`--output-file /proc/x/out.json` hung the
// CLI at full CPU). The missing folders are found with stat and made one at a time, so every
// failure is an error.
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Makes `dir` and its missing parents. Throws the file-system error (with its `code`) on failure. */
export async function ensureDirectory(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    try {
      await stat(d);
      break; // exists (a file in the way fails at the write, with ENOTDIR)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      missing.push(d);
      if (dirname(d) === d) break;
    }
  }
  for (const d of missing.reverse()) {
    try {
      await mkdir(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}
