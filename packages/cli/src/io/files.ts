// Turning command-line targets (files, directories, globs, `-`) into a list of files.
// Directories recurse into *.md / *.txt, skipping node_modules and dot-directories.
// A missing file or a pattern that matches nothing is a usage error (exit 2), reported before
// anything is checked.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from '../errors.js';

export const REPLY_EXTENSIONS = ['md', 'txt'] as const;

export interface Targets {
  files: string[];
  stdin: boolean;
}

const IGNORE = ['**/node_modules/**'];

// tinyglobby is loaded only for directories and patterns (not for `check one.md`)
let globber: typeof import('tinyglobby') | undefined;
async function tinyglobby(): Promise<typeof import('tinyglobby')> {
  return (globber ??= await import('tinyglobby'));
}

export async function expandTargets(patterns: readonly string[], cwd = process.cwd()): Promise<Targets> {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  let stdin = false;
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  for (const pattern of patterns) {
    if (pattern === '-') {
      stdin = true;
      continue;
    }
    if (pattern.trim() === '') {
      problems.push('文件参数为空字符串');
      continue;
    }
    const abs = resolve(cwd, pattern);
    let st;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const { glob } = await tinyglobby();
      const found = await glob([`**/*.{${REPLY_EXTENSIONS.join(',')}}`], {
        cwd: abs,
        absolute: true,
        dot: false,
        ignore: IGNORE,
        caseSensitiveMatch: false,
        followSymbolicLinks: false,
        onlyFiles: true,
        expandDirectories: false,
      });
      if (found.length === 0) problems.push(`目录「${pattern}」中没有 .md 或 .txt 文件`);
      for (const f of found.sort()) add(resolve(f));
    } else if (st) {
      add(abs);
    } else if ((await tinyglobby()).isDynamicPattern(pattern)) {
      const found = await (await tinyglobby()).glob([pattern], {
        cwd,
        absolute: true,
        dot: false,
        ignore: IGNORE,
        onlyFiles: true,
        expandDirectories: false,
      });
      if (found.length === 0) problems.push(`没有找到与「${pattern}」匹配的文件`);
      for (const f of found.sort()) add(resolve(f));
    } else {
      problems.push(`找不到文件或目录「${pattern}」`);
    }
  }
  if (stdin && files.length) problems.push('「-」（从标准输入读取）不能与文件参数同时使用');
  if (problems.length) throw new CliError(problems.join('\nreplylint：'));
  return { files, stdin };
}
