// io/atomic.ts: every output the CLI writes goes through it. A write that fails or is declined leaves
// the target as it was and no temporary file behind; a device is written to, not replaced.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AtomicFile, writeFileAtomic } from '../src/io/atomic.js';
import { removeDir, tempDir } from './helpers.js';

const dir = tempDir({});
afterAll(() => removeDir(dir));
const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('writeFileAtomic', () => {
  it('replaces the target with the new content, mode as asked', () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, '旧');
    expect(writeFileAtomic(file, '新内容', { mode: 0o600 })).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('新内容');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(leftovers()).toEqual([]);
  });

  it('leaves the target untouched when beforeRename declines', () => {
    const file = join(dir, 'b.txt');
    writeFileSync(file, '用户的版本');
    expect(writeFileAtomic(file, '新内容', { beforeRename: () => false })).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('用户的版本');
    expect(leftovers()).toEqual([]);
  });

  it('throws the file system error and leaves nothing when the directory does not exist', () => {
    const file = join(dir, 'missing', 'c.txt');
    expect(() => writeFileAtomic(file, 'x')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('writes to a device instead of replacing it', () => {
    expect(writeFileAtomic('/dev/null', '丢弃')).toBe(true);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

describe('AtomicFile', () => {
  it('shows nothing under the name until close(), and nothing at all after abort()', async () => {
    const file = join(dir, 'd.jsonl');
    const a = new AtomicFile(file);
    await a.write('{"row":1}\n');
    expect(existsSync(file)).toBe(false);
    await a.close();
    expect(readFileSync(file, 'utf8')).toBe('{"row":1}\n');

    const b = new AtomicFile(join(dir, 'e.jsonl'));
    await b.write('{"row":1}\n');
    b.abort();
    expect(existsSync(join(dir, 'e.jsonl'))).toBe(false);
    expect(leftovers()).toEqual([]);
  });
});
