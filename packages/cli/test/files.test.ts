// The directory walk for `replylint check <dir>` lists exactly the files tinyglobby lists for
// "**/*.{md,txt}" (dot: false, node_modules ignored, case-insensitive, symbolic links left out),
// in the same order, and names the directories it cannot read.
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { afterAll, describe, expect, it } from 'vitest';
import { replyFilesIn } from '../src/io/files.js';
import { removeDir, tempDir } from './helpers.js';

const tree: Record<string, string> = {
  'a.md': 'x',
  'b.txt': 'x',
  'c.json': 'x',
  'D.MD': 'x',
  'e.Txt': 'x',
  'md': 'x',
  '.hidden.md': 'x',
  'f.md.bak': 'x',
  '答复 一.md': 'x',
  'sub/g.md': 'x',
  'sub/deeper/h.txt': 'x',
  'sub/deeper/even/i.md': 'x',
  'sub/.git/j.md': 'x',
  'sub/node_modules/k.md': 'x',
  'sub/Node_Modules/l.md': 'x',
  'node_modules/m.md': 'x',
  '.dot/n.md': 'x',
  'z-last/o.md': 'x',
  'A-upper/p.md': 'x',
  'sub-x/q.md': 'x',
  'sub.y/r.md': 'x',
};
const dir = tempDir(tree);
symlinkSync(join(dir, 'a.md'), join(dir, 'link-to-file.md'));
symlinkSync(join(dir, 'sub'), join(dir, 'link-to-dir'));
symlinkSync(join(dir, 'sub'), join(dir, 'link-to-dir.md'));
symlinkSync(join(dir, 'missing.md'), join(dir, 'dangling.md'));
mkdirSync(join(dir, 'empty-dir.md'));
afterAll(() => removeDir(dir));

async function byTinyglobby(cwd: string): Promise<string[]> {
  const found = await glob(['**/*.{md,txt}'], {
    cwd,
    absolute: true,
    dot: false,
    ignore: ['**/node_modules/**'],
    caseSensitiveMatch: false,
    followSymbolicLinks: false,
    onlyFiles: true,
    expandDirectories: false,
  });
  return found.sort();
}

describe('replyFilesIn', () => {
  it('lists what tinyglobby lists, in the same order', async () => {
    const walked = replyFilesIn(dir);
    expect(walked).toEqual(await byTinyglobby(dir));
    const rel = walked.map((f) => f.slice(dir.length + 1).split(sep).join('/'));
    expect(rel).toContain('sub/deeper/even/i.md');
    expect(rel).not.toContain('link-to-file.md');
    expect(rel).not.toContain('sub/Node_Modules/l.md');
    expect(rel).not.toContain('.dot/n.md');
  });

  it('lists the same for a directory given with a trailing separator', () => {
    expect(replyFilesIn(dir + sep)).toEqual(replyFilesIn(dir));
  });

  it('names a directory it cannot read and lists the rest', () => {
    const unreadable: { dir: string; code: string }[] = [];
    const denied = join(dir, 'sub', 'deeper');
    const files = replyFilesIn(dir, unreadable, (d) => {
      if (d === denied + sep) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      return readdirSync(d, { withFileTypes: true });
    });
    expect(unreadable).toEqual([{ dir: denied, code: 'EACCES' }]);
    expect(files).toContain(join(dir, 'sub', 'g.md'));
    expect(files.some((f) => f.startsWith(denied + sep))).toBe(false);
  });

  it('lists a large tree like tinyglobby', async () => {
    const big: Record<string, string> = {};
    for (let i = 0; i < 300; i++) big[`u${i % 7}/${i % 3 ? 'x' : 'y'}/${i}.${i % 5 ? 'md' : 'txt'}`] = 'x';
    const d = tempDir(big);
    writeFileSync(join(d, 'u0', 'note.json'), '{}');
    try {
      const walked = replyFilesIn(d);
      expect(walked).toHaveLength(300);
      expect(walked).toEqual(await byTinyglobby(d));
    } finally {
      removeDir(d);
    }
  });
});
