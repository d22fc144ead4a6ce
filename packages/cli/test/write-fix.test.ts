// --fix writes over the text that was checked and nothing else: a file changed meanwhile keeps the
// user's version, even when its size and mtime look unchanged; mode kept; symlinks followed.
import { chmodSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFix } from '../src/check/process.js';
import { readReplyFile } from '../src/io/read.js';
import { removeDir, tempDir } from './helpers.js';

const dir = tempDir({});
afterAll(() => removeDir(dir));

describe('writeFix', () => {
  it('writes the fix atomically, keeping the mode, through a symlink', async () => {
    const file = join(dir, 'a.md');
    writeFileSync(file, '依据宿政办秘[2021]32号文件办理。\n');
    chmodSync(file, 0o640);
    symlinkSync(file, join(dir, 'link.md'));
    const read = readReplyFile(join(dir, 'link.md'), 1 << 20, { stat: true });
    expect(await writeFix(join(dir, 'link.md'), read, '依据宿政办秘〔2021〕32号文件办理。\n')).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe('依据宿政办秘〔2021〕32号文件办理。\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the user’s version when the content changed after the size and mtime were compared', async () => {
    const file = join(dir, 'b.md');
    writeFileSync(file, '依据宿政办秘[2021]32号文件办理。\n');
    const read = readReplyFile(file, 1 << 20, { stat: true });
    writeFileSync(file, '依据宿政办秘[2021]33号文件办理。\n'); // same length
    // the race: the change lands after the size/mtime comparison, which therefore sees the new values
    const now = statSync(file);
    const err = await writeFix(file, { ...read, mtimeMs: now.mtimeMs, size: now.size }, '依据宿政办秘〔2021〕32号文件办理。\n');
    expect(err).toContain('文件在检查期间被修改');
    expect(readFileSync(file, 'utf8')).toBe('依据宿政办秘[2021]33号文件办理。\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
