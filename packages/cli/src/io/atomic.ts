// Every file the CLI writes (check --fix, redact -o, batch's results, workbook and report) is written
// beside its final name and renamed into place at the end: never half a file under that name, and
// never the user's file damaged by a write that failed. A device or a pipe given as the output
// (-o /dev/null, /dev/stdout, a named pipe) is written to directly: renaming over it would replace
// the device with a regular file (io/special.ts).
import { once } from 'node:events';
import { chownSync, closeSync, createWriteStream, fsyncSync, openSync, renameSync, rmSync, writeFileSync, writeSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isSpecialFile } from './special.js';

/** A hidden temporary name in the target's directory (a rename stays on one file system). */
export function tempBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.replylint-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
}

export interface WriteAtomicOptions {
  /** Mode of the new file (default 0644). */
  mode?: number;
  /** Owner to give the new file when permitted (the file it replaces keeps its owner). */
  owner?: { uid: number; gid: number };
  /**
   * Called after the new content is on disk, right before the rename: false leaves the target as it
   * is (check --fix: the file changed since it was read) and the temporary file is removed.
   */
  beforeRename?: () => boolean;
}

/**
 * Writes `content` to `target` atomically (temporary file, fsync, rename). Returns false when
 * `beforeRename` declined; throws the file system's error (with its `code`) when writing failed, after
 * removing the temporary file.
 */
export function writeFileAtomic(target: string, content: string, options: WriteAtomicOptions = {}): boolean {
  if (isSpecialFile(target)) {
    writeFileSync(target, content);
    return true;
  }
  const tmp = tempBeside(target);
  try {
    const fd = openSync(tmp, 'wx', options.mode ?? 0o644);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.owner) {
      try {
        chownSync(tmp, options.owner.uid, options.owner.gid);
      } catch {
        // not permitted (another user's file): the new file keeps the writer's owner
      }
    }
    if (options.beforeRename && !options.beforeRename()) {
      rmSync(tmp, { force: true });
      return false;
    }
    renameSync(tmp, target);
    return true;
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * A file written as a stream (batch outputs: a million result lines) beside its final name and
 * renamed at close(); abort() removes it.
 */
export class AtomicFile {
  readonly tmp: string;
  readonly stream: WriteStream;
  private readonly direct: boolean;
  constructor(readonly target: string) {
    this.direct = isSpecialFile(target);
    this.tmp = this.direct ? target : tempBeside(target);
    this.stream = createWriteStream(this.tmp);
    this.stream.on('error', () => undefined); // reported by close()
  }
  // lines are gathered into writes of ~32 KB: one stream write per result line costs more than
  // making the line
  private pending = '';
  async write(s: string): Promise<void> {
    this.pending += s;
    if (this.pending.length >= 32_768) await this.flush();
  }
  private async flush(): Promise<void> {
    const s = this.pending;
    this.pending = '';
    if (s && !this.stream.write(s)) await once(this.stream, 'drain');
  }
  /** Ends the stream (unless a writer piped into it has ended it) and renames the file into place. */
  async close(): Promise<void> {
    try {
      await this.flush();
      if (!this.stream.writableFinished) {
        this.stream.end();
        await once(this.stream, 'finish');
      }
      if (!this.direct) renameSync(this.tmp, this.target);
    } catch (e) {
      if (!this.direct) rmSync(this.tmp, { force: true });
      throw e;
    }
  }
  abort(): void {
    this.stream.destroy();
    if (!this.direct) rmSync(this.tmp, { force: true });
  }
}
