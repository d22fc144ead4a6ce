// Output paths that are not files: /dev/null, /dev/stdout, a named pipe. Writing beside such a path
// and renaming over it (how outputs are otherwise written, never half a file under the name) would
// replace the device with a regular file: the bytes go straight to it instead.
import { statSync } from 'node:fs';

/** Whether `path` exists and is neither a regular file nor a directory (a device, a pipe, a socket). */
export function isSpecialFile(path: string): boolean {
  try {
    const st = statSync(path);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}
