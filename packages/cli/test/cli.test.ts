// Integration tests: the built CLI as a real process (build first: `npx tsc -b`).
// Only `no-harsh-language` (无理取闹) and the engine's own diagnostics (front-matter,
// unused-directive) are relied on, so the tests hold whatever other rules exist.
import { chmodSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { META_KEYS } from '@replylint/core';
import iconv from 'iconv-lite';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
// a CommonJS module: under NodeNext its default import is module.exports, whose `default` is the plugin
const addFormats = addFormatsModule.default;
import { CLEAN, CLI_ROOT, HARSH, ONLY_HARSH, parseJson, removeDir, run, tempDir } from './helpers.js';

const dirs: string[] = [];
const temp = (files: Record<string, string | Buffer> = {}, opts?: { bare?: boolean }) => {
  const d = tempDir(files, opts);
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach(removeDir));

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** An unused disable directive: a warning with a fix (removing it), from the engine itself. */
const UNUSED_DIRECTIVE = '<!-- replylint-disable-next-line no-harsh-language -->\n';

describe('check: results and exit codes', () => {
  it('exits 0 for a clean reply and says so in one line (nothing with --quiet or a machine format)', () => {
    const d = temp({ 'ok.md': `${CLEAN}\n` });
    const r = run(['check', 'ok.md'], { cwd: d });
    expect(r).toMatchObject({ code: 0, stdout: '✔ 1 个文件，未发现问题\n', stderr: '' });
    expect(run(['check', 'ok.md', '--quiet'], { cwd: d })).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(run(['check', 'ok.md', '-f', 'json'], { cwd: d }).stdout)[0].messages).toEqual([]);
  });

  it('exits 1 with stylish output for a lint error; `replylint a.md` is `check a.md`', () => {
    const d = temp({ 'a.md': `---\ntype: complaint\n---\n${HARSH}\n` });
    const r = run(['a.md'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('a.md\n');
    // at 80 columns (not a terminal): position, severity and rule id, the message wrapped below
    expect(r.stdout).toMatch(/ 4:8 {2}错误 {2}no-harsh-language\n {13}「无理取闹」/);
    expect(r.stdout).toContain('✖ 共 1 个问题（1 个错误，0 个警告）');
    expect(run(['check', 'a.md'], { cwd: d }).stdout).toBe(r.stdout);
  });

  it('reports positions as 1-based line/column in UTF-16 units (json)', () => {
    const d = temp({ 'a.md': `😀😀${HARSH}\n` });
    const [res] = parseJson(run(['--format', 'json', 'a.md'], { cwd: d }).stdout);
    const m = res!.messages.find((x) => x.ruleId === 'no-harsh-language')!;
    // two astral characters are four UTF-16 units: 「无理取闹」 starts after 😀😀经核实，该市民
    expect(m).toMatchObject({ line: 1, column: 12, endLine: 1, endColumn: 16, severity: 2, messageId: 'found' });
    expect(res!.filePath).toBe(join(d, 'a.md'));
    expect(res!).not.toHaveProperty('source');
  });

  it('reports broken front matter as a lint error (exit 1), not a crash', () => {
    const d = temp({ 'a.md': `---\ntype: [complaint\n---\n${CLEAN}\n` });
    const r = run(['--format', 'json', 'a.md'], { cwd: d });
    expect(r.code).toBe(1);
    const [res] = parseJson(r.stdout);
    expect(res!.messages.some((m) => m.ruleId === 'front-matter' && m.severity === 2)).toBe(true);
  });

  it('reports an unknown profile in the front matter at its line and checks the file with the config', () => {
    const d = temp({ 'a.md': `---\nprofile: nope\n---\n${HARSH}\n`, 'b.md': `${HARSH}\n` });
    const r = run(['--format', 'json', 'a.md', 'b.md'], { cwd: d });
    expect(r.code).toBe(1);
    const [a, b] = parseJson(r.stdout);
    expect(a!.messages.map((m) => [m.ruleId, m.line])).toEqual([['front-matter', 2], ['no-harsh-language', 4]]);
    expect(a!.messages[0]!.message).toContain('nope');
    expect(b!.messages.map((m) => m.ruleId)).toEqual(['no-harsh-language']);
  });
});

describe('check: targets', () => {
  it('recurses into directories for .md/.txt, skipping node_modules and dot-directories', () => {
    const d = temp({
      'r/a.md': `${HARSH}\n`,
      'r/b.txt': `${CLEAN}\n`,
      'r/c.json': '{}',
      'r/sub/d.MD': `${CLEAN}\n`,
      'r/node_modules/x.md': `${HARSH}\n`,
      'r/.hidden/y.md': `${HARSH}\n`,
      'r/.z.md': `${HARSH}\n`,
    });
    const r = run(['--format', 'json', 'r'], { cwd: d });
    expect(r.code).toBe(1);
    const files = parseJson(r.stdout).map((x) => x.filePath.slice(d.length + 1));
    expect(files.sort()).toEqual(['r/a.md', 'r/b.txt', 'r/sub/d.MD']);
  });

  it('expands globs', () => {
    const d = temp({ 'r/a.md': `${CLEAN}\n`, 'r/sub/b.md': `${CLEAN}\n`, 'r/c.txt': `${CLEAN}\n` });
    const r = run(['--format', 'json', 'r/**/*.md'], { cwd: d });
    expect(r.code).toBe(0);
    expect(parseJson(r.stdout).map((x) => x.filePath.slice(d.length + 1)).sort()).toEqual(['r/a.md', 'r/sub/b.md']);
  });

  it('exits 2 for a missing file, an empty directory or a glob that matches nothing, before checking', () => {
    const d = temp({ 'a.md': `${HARSH}\n`, 'empty/readme.json': '{}' });
    let r = run(['a.md', 'missing.md'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到文件或目录「missing.md」');
    expect(r.stdout).toBe('');
    r = run(['nothing/**/*.md'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有找到与「nothing/**/*.md」匹配的文件');
    r = run(['empty'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('目录「empty」中没有 .md 或 .txt 文件');
  });

  it('reads stdin with `-`, using --stdin-filename for output and config discovery', () => {
    const d = temp({ 'sub/.replylintrc.yaml': 'extends: []\nrules:\n  no-harsh-language: warn\n' });
    let r = run(['--format', 'json', '-'], { cwd: d, input: `${HARSH}\n` });
    expect(r.code).toBe(1);
    let [res] = parseJson(r.stdout);
    expect(res!.filePath).toBe('<text>');
    expect(res!.messages[0]!.severity).toBe(2);
    r = run(['--format', 'json', '--stdin-filename', 'sub/x.md', '-'], { cwd: d, input: `${HARSH}\n` });
    expect(r.code).toBe(0); // the config in sub/ makes it a warning
    [res] = parseJson(r.stdout);
    expect(res!.filePath).toBe(join(d, 'sub/x.md'));
    expect(res!.messages[0]).toMatchObject({ ruleId: 'no-harsh-language', severity: 1 });
    r = run(['-', 'x.md'], { cwd: d, input: '' });
    expect(r.code).toBe(2);
  });
});

describe('check: configuration', () => {
  it('discovers the config upward from each file', () => {
    const d = temp({
      'a/.replylintrc.yaml': 'extends: []\nrules:\n  no-harsh-language: off\n',
      'a/deep/x.md': `${HARSH}\n`,
      'b/y.md': `${HARSH}\n`,
    });
    const r = run(['--format', 'json', 'a', 'b'], { cwd: d });
    expect(r.code).toBe(1);
    const res = parseJson(r.stdout);
    expect(res.find((x) => x.filePath.endsWith('x.md'))!.messages).toEqual([]);
    expect(res.find((x) => x.filePath.endsWith('y.md'))!.errorCount).toBe(1);
  });

  it('uses only --config when given', () => {
    const d = temp({ 'off.yaml': 'extends: []\nrules:\n  no-harsh-language: off\n', 'a/.replylintrc.yaml': ONLY_HARSH, 'a/x.md': `${HARSH}\n` });
    expect(run(['a/x.md'], { cwd: d }).code).toBe(1);
    expect(run(['--config', 'off.yaml', 'a/x.md'], { cwd: d }).code).toBe(0);
    const r = run(['--config', 'missing.yaml', 'a/x.md'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到配置文件');
  });

  it('prints invalid configuration errors with file and line, exit 2', () => {
    const d = temp({ '.replylintrc.yaml': 'extends: [recommended]\nsegmenter: fast\n', 'x.md': `${CLEAN}\n` });
    let r = run(['x.md'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.replylintrc\.yaml:2.*segmenter/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    writeFileSync(join(d, '.replylintrc.yaml'), 'extends: [nope]\n');
    r = run(['x.md'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.replylintrc\.yaml:1.*nope.*recommended/);
  });

  it('says what to do when the configured segmenter cannot be loaded, and still checks the other files', () => {
    // a machine without nodejieba (no compiler): requiring it fails, as it would there
    const d = temp({
      'no-nodejieba.cjs': [
        "const Module = require('node:module');",
        'const resolve = Module._resolveFilename;',
        'Module._resolveFilename = function (request, ...rest) {',
        "  if (/^nodejieba(?:[\\\\/]|$)/.test(request)) throw Object.assign(new Error('Cannot find module ' + request), { code: 'MODULE_NOT_FOUND' });",
        '  return resolve.call(this, request, ...rest);',
        '};',
      ].join('\n'),
      '.replylintrc.yaml': 'extends: []\nsegmenter: nodejieba\nrules:\n  no-harsh-language: error\n  on-topic: warn\n',
      'asks.md': '---\nrequest: 小区门口夜市噪音扰民，希望整治。\n---\n该市民无理取闹。\n',
      'plain.md': `${HARSH}\n`,
    });
    const r = run(['check', 'asks.md', 'plain.md'], { cwd: d, env: { NODE_OPTIONS: `--require ${join(d, 'no-nodejieba.cjs')}` } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('asks.md：无法加载分词后端 nodejieba');
    expect(r.stderr).toContain('segmenter: nodejieba');
    expect(r.stderr).not.toContain('意外错误');
    expect(r.stdout).toContain('plain.md');
    expect(r.stdout).toContain('no-harsh-language');
  });

  it('--profile overrides config and front matter; an unknown profile lists the profiles (exit 2)', () => {
    const d = temp({ 'x.md': `---\nprofile: suqian\n---\n${HARSH}\n` });
    expect(run(['--profile', 'recommended', 'x.md'], { cwd: d }).code).toBe(1);
    const r = run(['--profile', 'nope', 'x.md'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知的规则配置「nope」');
    expect(r.stderr).toContain('recommended');
    expect(r.stderr).toContain('suqian');
  });

  it('--rule id:severity overrides rules; unknown ids and bad values exit 2', () => {
    const d = temp({ 'x.md': `${HARSH}\n` });
    expect(run(['--rule', 'no-harsh-language:off', 'x.md'], { cwd: d }).code).toBe(0);
    const r = run(['--rule', 'no-harsh-language:warn', '--format', 'json', 'x.md'], { cwd: d });
    expect(r.code).toBe(0);
    expect(parseJson(r.stdout)[0]!.messages[0]!.severity).toBe(1);
    // repeatable: the last one wins
    expect(run(['--rule', 'no-harsh-language:off', '--rule', 'no-harsh-language:error', 'x.md'], { cwd: d }).code).toBe(1);
    let bad = run(['--rule', 'no-such-rule:error', 'x.md'], { cwd: d });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('未知的规则「no-such-rule」');
    bad = run(['--rule', 'no-harsh-language', 'x.md'], { cwd: d });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('规则id:级别');
  });
});

describe('check: options', () => {
  const withWarning = `${UNUSED_DIRECTIVE}${CLEAN}\n`;

  it('--max-warnings turns too many warnings into exit 1', () => {
    const d = temp({ 'w.md': withWarning });
    expect(run(['w.md'], { cwd: d }).code).toBe(0);
    const r = run(['--max-warnings', '0', 'w.md'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('共 1 个警告，超过 --max-warnings 上限 0');
    expect(run(['--max-warnings', '1', 'w.md'], { cwd: d }).code).toBe(0);
    expect(run(['--max-warnings', 'x', 'w.md'], { cwd: d }).code).toBe(2);
  });

  it('--quiet reports errors only', () => {
    const d = temp({ 'w.md': withWarning, 'e.md': `${UNUSED_DIRECTIVE}${CLEAN}\n\n${HARSH}\n` });
    const r = run(['--quiet', '--format', 'json', 'w.md', 'e.md'], { cwd: d });
    expect(r.code).toBe(1);
    const res = parseJson(r.stdout);
    expect(res.flatMap((x) => x.messages.map((m) => m.severity))).toEqual([2]);
    expect(run(['--quiet', '--max-warnings', '0', 'w.md'], { cwd: d }).code).toBe(0);
  });

  it('--no-color removes colour that FORCE_COLOR would add', () => {
    const d = temp({ 'x.md': `${HARSH}\n` });
    expect(run(['x.md'], { cwd: d, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(run(['--no-color', 'x.md'], { cwd: d, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('--output-file writes the report to a file', () => {
    const d = temp({ 'x.md': `${HARSH}\n` });
    const r = run(['--format', 'json', '--output-file', 'out/report.json', 'x.md'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(parseJson(readFileSync(join(d, 'out/report.json'), 'utf8'))[0]!.errorCount).toBe(1);
  });

  it('--output-file makes missing folders, and names the file it cannot write', () => {
    const d = temp({ 'x.md': `${HARSH}\n`, 'a-file': 'x' });
    expect(run(['--format', 'json', '--output-file', 'out/deep/er/report.json', 'x.md'], { cwd: d }).code).toBe(1);
    expect(parseJson(readFileSync(join(d, 'out/deep/er/report.json'), 'utf8'))[0]!.errorCount).toBe(1);
    const blocked = run(['--output-file', 'a-file/report.txt', 'x.md'], { cwd: d });
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toContain('无法写入输出文件「a-file/report.txt」（ENOTDIR）');
  });

  // recursive mkdir of Node 20 never returns for a folder /proc refuses
  it.runIf(existsSync('/proc/self'))('--output-file in a folder that cannot be made is an error, not a hang', () => {
    const d = temp({ 'x.md': `${HARSH}\n` });
    const r = run(['--output-file', '/proc/replylint-no-such/report.txt', 'x.md'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法写入输出文件「/proc/replylint-no-such/report.txt」（ENOENT）');
  });

  it('--format sarif validates against the SARIF 2.1.0 schema', () => {
    const d = temp({ 'x.md': `${UNUSED_DIRECTIVE}${CLEAN}\n\n${HARSH}\n`, 'y.md': `${CLEAN}\n` });
    const r = run(['--format', 'sarif', 'x.md', 'y.md'], { cwd: d });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(CLI_ROOT, 'test/schemas/sarif-schema-2.1.0.json'), 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0].results;
    const rules = log.runs[0].tool.driver.rules;
    expect(results.map((x: { ruleIndex: number }) => rules[x.ruleIndex].id).sort()).toEqual(['no-harsh-language', 'unused-directive']);
    expect(rules.find((x: { id: string }) => x.id === 'no-harsh-language').properties.source).toMatch(/宿迁规定/);
    // docs links resolve: the installed docs page of each built-in rule, or REPLYLINT_DOCS_URL
    for (const rule of rules.filter((x: { id: string }) => x.id === 'no-harsh-language')) {
      expect(rule.helpUri).toMatch(/^file:/);
      expect(readFileSync(fileURLToPath(rule.helpUri), 'utf8')).toContain('no-harsh-language');
    }
    const published = JSON.parse(run(['--format', 'sarif', 'x.md'], { cwd: d, env: { REPLYLINT_DOCS_URL: 'https://git.example.gov.cn/replylint/blob/main/docs/rules' } }).stdout);
    expect(published.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === 'no-harsh-language').helpUri).toBe('https://git.example.gov.cn/replylint/blob/main/docs/rules/no-harsh-language.md');
  });

  it('--format junit and github', () => {
    const d = temp({ 'x.md': `${HARSH}\n`, 'y.md': `${CLEAN}\n` });
    const j = run(['--format', 'junit', 'x.md', 'y.md'], { cwd: d });
    expect(j.code).toBe(1);
    expect(j.stdout).toContain('<testsuite name="x.md"');
    expect(j.stdout).toContain('<testcase name="replylint" classname="y.md" time="0" />');
    const g = run(['--format', 'github', 'x.md', 'y.md'], { cwd: d });
    expect(g.code).toBe(1);
    expect(g.stdout).toMatch(/^::error file=x\.md,line=1,col=8,endLine=1,endColumn=12,title=no-harsh-language::「无理取闹」/);
    expect(g.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('rejects an unknown format and unknown options with exit 2 in Chinese', () => {
    const d = temp({ 'x.md': `${CLEAN}\n` });
    let r = run(['--format', 'xml', 'x.md'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('的取值「xml」无效');
    r = run(['--frobnicate', 'x.md'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知的选项 --frobnicate');
  });
});

describe('check --fix', () => {
  it('writes fixes atomically, keeps mode and BOM, re-lints and reports what remains', () => {
    const text = `${UNUSED_DIRECTIVE}${CLEAN}\n\n${HARSH}\n`;
    const d = temp({ 'x.md': Buffer.concat([BOM, Buffer.from(text)]) });
    const file = join(d, 'x.md');
    chmodSync(file, 0o640);
    const r = run(['--fix', '--format', 'json', 'x.md'], { cwd: d });
    expect(r.code).toBe(1);
    const [res] = parseJson(r.stdout);
    expect(res!.messages.map((m) => m.ruleId)).toEqual(['no-harsh-language']); // the directive is gone
    expect(res!.messages[0]).toMatchObject({ line: 3, column: 8 });
    expect(res).not.toHaveProperty('output');
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 3)).toEqual(BOM);
    expect(bytes.subarray(3).toString()).toBe(`${CLEAN}\n\n${HARSH}\n`); // the directive line removed
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(d).sort()).toEqual(['.replylintrc.yaml', 'x.md']); // no temp files left
  });

  it('leaves a file untouched when nothing is fixable', () => {
    const d = temp({ 'x.md': `${HARSH}\n` });
    const before = statSync(join(d, 'x.md')).mtimeMs;
    expect(run(['--fix', 'x.md'], { cwd: d }).code).toBe(1);
    expect(readFileSync(join(d, 'x.md'), 'utf8')).toBe(`${HARSH}\n`);
    expect(statSync(join(d, 'x.md')).mtimeMs).toBe(before);
  });

  it('--fix-dry-run does not write and puts the fixed text in `output`', () => {
    const text = `${UNUSED_DIRECTIVE}${CLEAN}\n`;
    const d = temp({ 'x.md': text });
    const r = run(['--fix-dry-run', '--format', 'json', 'x.md'], { cwd: d });
    expect(r.code).toBe(0);
    const [res] = parseJson(r.stdout);
    expect(res!.output).toBe(`${CLEAN}\n`);
    expect(res!.messages).toEqual([]);
    expect(readFileSync(join(d, 'x.md'), 'utf8')).toBe(text);
    // stdin: dry run works, --fix is refused
    const s = run(['--fix-dry-run', '--format', 'json', '-'], { cwd: d, input: text });
    expect(parseJson(s.stdout)[0]!.output).toBe(`${CLEAN}\n`);
    const f = run(['--fix', '-'], { cwd: d, input: text });
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('--fix-dry-run');
    expect(run(['--fix', '--fix-dry-run', 'x.md'], { cwd: d }).code).toBe(2);
  });
});

describe('check: bad input', () => {
  const gbk = iconv.encode(`${UNUSED_DIRECTIVE}${CLEAN}\n\n${HARSH}\n`, 'gbk');

  it('decodes GBK files, says so with an `encoding` warning, and checks them', () => {
    const d = temp({ 'g.md': gbk });
    const r = run(['--format', 'json', 'g.md'], { cwd: d });
    expect(r.code).toBe(1);
    const [res] = parseJson(r.stdout);
    expect(res!.messages[0]).toMatchObject({ ruleId: 'encoding', severity: 1, messageId: 'gb18030', line: 1, column: 1 });
    expect(res!.messages.find((m) => m.ruleId === 'no-harsh-language')).toMatchObject({ line: 4, column: 8 });
    expect(res!.messages.find((m) => m.ruleId === 'unused-directive')).toMatchObject({ line: 1, severity: 1 });
  });

  it('--fix does not rewrite a GBK file and says why', () => {
    const d = temp({ 'g.md': gbk });
    const r = run(['--fix', 'g.md'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('--fix 不修改此文件');
    expect(readFileSync(join(d, 'g.md'))).toEqual(gbk);
  });

  it('checks text after a UTF-8 BOM with columns that do not count the BOM', () => {
    const d = temp({ 'b.md': Buffer.concat([BOM, Buffer.from(`${HARSH}\n`)]) });
    const [res] = parseJson(run(['--format', 'json', 'b.md'], { cwd: d }).stdout);
    expect(res!.messages[0]).toMatchObject({ line: 1, column: 8 });
  });

  it('refuses binary and undecodable files by name (exit 2) and still checks the others', () => {
    const d = temp({
      'bin.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
      'utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('您好', 'utf16le')]),
      'latin.txt': Buffer.from('caf\xe9 r\xe9sum\xe9 secret-body-text\n', 'latin1'),
      'ok.md': `${HARSH}\n`,
    });
    const r = run(['--format', 'json', 'bin.md', 'utf16.md', 'latin.txt', 'ok.md'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bin.md：不是文本文件');
    expect(r.stderr).toContain('utf16.md：是 UTF-16');
    expect(r.stderr).toMatch(/latin\.txt：.*UTF-8/);
    expect(r.stderr).not.toContain('secret-body-text');
    expect(parseJson(r.stdout).map((x) => x.filePath)).toEqual([join(d, 'ok.md')]);
  });

  it('reports an empty file with a notice, not as clean text', () => {
    const d = temp({ 'e.md': '', 'ws.md': ' \n\n' });
    const r = run(['--format', 'json', 'e.md', 'ws.md'], { cwd: d });
    expect(r.code).toBe(0);
    for (const res of parseJson(r.stdout)) expect(res.messages).toEqual([expect.objectContaining({ ruleId: 'empty-file', severity: 1 })]);
  });

  it('refuses files over --max-file-size with a clear message', () => {
    const d = temp({ 'big.md': `${CLEAN}\n`.repeat(100), 'small.md': `${CLEAN}\n` });
    const r = run(['--max-file-size', '1KB', 'big.md', 'small.md'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/big\.md：文件大小 .* KB，超过上限 1 KB/);
    expect(run(['--max-file-size', 'lots', 'small.md'], { cwd: d }).code).toBe(2);
  });

  it('checks a 5 MB reply', () => {
    const para = `${CLEAN}承办人已于2024年3月12日电话联系诉求人，说明了整改安排。\n\n`;
    const body = para.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(para)));
    const d = temp({ 'big.md': `${body}${HARSH}\n` });
    const t0 = Date.now();
    const r = run(['--format', 'json', 'big.md'], { cwd: d });
    const ms = Date.now() - t0;
    expect(r.code).toBe(1);
    const [res] = parseJson(r.stdout);
    expect(res!.errorCount).toBe(1);
    expect(res!.messages[0]!.line).toBe(body.split('\n').length);
    expect(ms).toBeLessThan(60_000);
  }, 90_000);

  it('checks a 5 MB reply written as one paragraph with bold spans (parsed in pieces)', () => {
    // micromark's emphasis resolution is quadratic per paragraph: whole, this took 140 s
    const line = `9月23日上午10时，承办人电话联系了您，告知**检查结果**。${CLEAN}\n`;
    const body = line.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(line)));
    const d = temp({ 'big.md': `${body}${HARSH}\n` });
    const t0 = Date.now();
    const r = run(['--format', 'json', 'big.md'], { cwd: d });
    const ms = Date.now() - t0;
    const [res] = parseJson(r.stdout);
    // beyond the guard's budget of Markdown work (parse/guard.ts) the rest is read as plain text, with a warning
    expect(res!.messages.map((m) => [m.ruleId, m.messageId, m.line, m.column])).toEqual([
      ['internal-error', 'markdownFallback', expect.any(Number), 1],
      ['no-harsh-language', 'found', body.split('\n').length, 8],
    ]);
    expect(ms).toBeLessThan(60_000);
  }, 90_000);
});

describe('errors', () => {
  it('prints one Chinese line for unexpected errors, the stack only with REPLYLINT_DEBUG=1', () => {
    // rules directory whose core/ is a file: reading the rule pack fails with ENOTDIR
    const rulesDir = temp({ core: 'not a directory', 'profiles/recommended.yaml': 'id: recommended\n' });
    const d = temp({ 'x.md': `${CLEAN}\n` });
    const r = run(['x.md'], { cwd: d, env: { REPLYLINT_RULES_DIR: rulesDir } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^replylint：意外错误.*REPLYLINT_DEBUG=1/);
    const dbg = run(['x.md'], { cwd: d, env: { REPLYLINT_RULES_DIR: rulesDir, REPLYLINT_DEBUG: '1' } });
    expect(dbg.code).toBe(2);
    expect(dbg.stderr).toMatch(/\n\s+at /);
  });

  it('shows help in Chinese; no arguments is a usage error', () => {
    const h = run(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('用法：');
    expect(h.stdout).toContain('check');
    expect(run(['check', '--help']).stdout).toContain('--max-warnings');
    const none = run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('用法：');
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('rules', () => {
  it('lists rules as a table and as JSON with severities per profile', () => {
    // wide enough: one table
    const t = run(['rules', '--no-color'], { env: { COLUMNS: '220' } });
    expect(t.code).toBe(0);
    expect(t.stdout.split('\n')[0]).toMatch(/^规则\s+问题\s+分类\s+默认\s+recommended/);
    expect(t.stdout).toMatch(/no-harsh-language\s+措辞不当\s+无效回复\s+错误/);
    // at 80 columns: a block per rule, no line wider than the terminal
    const n = run(['rules', '--no-color'], { env: { COLUMNS: '80' } });
    expect(n.stdout).toMatch(/no-harsh-language +措辞不当 +无效回复 +默认错误\n +出处：宿迁规定/);
    for (const l of n.stdout.split('\n')) expect([...l].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0), l).toBeLessThanOrEqual(80);
    // one profile: its rules with descriptions, and what differs from recommended
    const p = run(['rules', '--profile', 'suqian', '--no-color']);
    expect(p.code).toBe(0);
    expect(p.stdout).toMatch(/^规则配置 suqian：启用 \d+ 条规则，\d+ 条与 recommended 不同/);
    expect(p.stdout).toMatch(/no-harsh-language +措辞不当 +错误\n {4}\S/);
    expect(run(['rules', '--profile', 'nope']).code).toBe(2);
    const j = run(['rules', '--format', 'json']);
    expect(j.code).toBe(0);
    const rows = JSON.parse(j.stdout) as Array<{ id: string; title: string; severities: Record<string, string>; fixable: boolean; source: string; category: string; defaultSeverity: string }>;
    const harsh = rows.find((x) => x.id === 'no-harsh-language')!;
    expect(harsh).toMatchObject({ title: '措辞不当', category: 'invalid', defaultSeverity: 'error', fixable: false });
    expect(harsh.source).toMatch(/宿迁规定/);
    expect(Object.keys(harsh.severities)).toEqual(expect.arrayContaining(['recommended', 'suqian', 'changshu']));
    expect(run(['rules', '--format', 'csv']).code).toBe(2);
  });
});

describe('print-config', () => {
  it('prints the configuration that applies to a reply: config file, profile from its front matter, each rule with severity and options', () => {
    const d = temp({ '.replylintrc.yaml': 'extends: [recommended]\nrules:\n  signature-block: error\n', 'sub/a.md': '---\nprofile: suqian\n---\n您好！\n', 'b.md': '您好！\n' }, { bare: true });
    const a = run(['print-config', 'sub/a.md'], { cwd: d });
    expect(a.code).toBe(0);
    const cfg = JSON.parse(a.stdout) as { file: string; configFiles: string[]; extends: string[]; profile: string; rules: Record<string, { severity: string; options: unknown; source: string }> };
    expect(cfg).toMatchObject({ file: 'sub/a.md', configFiles: ['.replylintrc.yaml'], extends: ['recommended'], profile: 'suqian' });
    expect(cfg.rules['signature-block']!.severity).toBe('error');
    expect(cfg.rules['no-harsh-language']!.source).toMatch(/宿迁规定/);
    expect(typeof cfg.rules['on-topic']!.options).toBe('object');
    // the rules are those of the profile that applies: suqian differs from recommended
    const b = JSON.parse(run(['print-config', 'b.md'], { cwd: d }).stdout) as typeof cfg;
    expect(b.profile).toBe('recommended');
    const severities = (c: typeof cfg) => Object.fromEntries(Object.entries(c.rules).map(([id, r]) => [id, r.severity]));
    expect(severities(b)).not.toEqual(severities(cfg));
    const missing = run(['print-config', 'nope.md'], { cwd: d });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.md');
  });
});

describe('init', () => {
  it('writes a commented config that loads, and refuses to overwrite without --force', () => {
    const d = temp({ 'x.md': `${HARSH}\n` }, { bare: true });
    let r = run(['init', '--profile', 'suqian'], { cwd: d });
    expect(r.code).toBe(0);
    const text = readFileSync(join(d, '.replylintrc.yaml'), 'utf8');
    expect(text).toContain('extends: [suqian]');
    for (const key of ['extends', 'rules', 'phrases', 'policies', 'calendar', 'handler', 'segmenter']) expect(text).toMatch(new RegExp(`^# ${key}：`, 'm'));
    // every front-matter key with its Chinese aliases, as the engine reads them (meta/keys.ts)
    for (const k of META_KEYS) expect(text).toMatch(new RegExp(`^#   ${k.key} +${k.aliases.join('、')}`, 'm'));
    // the generated config is valid: the check runs with it
    r = run(['x.md'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    // refuse, then force
    writeFileSync(join(d, '.replylintrc.yaml'), 'rules: {}\n');
    r = run(['init'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--force');
    expect(readFileSync(join(d, '.replylintrc.yaml'), 'utf8')).toBe('rules: {}\n');
    expect(run(['init', '--force'], { cwd: d }).code).toBe(0);
    expect(readFileSync(join(d, '.replylintrc.yaml'), 'utf8')).toContain('extends: [recommended]');
    expect(run(['init', '--force', '--profile', 'nope'], { cwd: d }).code).toBe(2);
    expect(existsSync(join(d, '.replylintrc.yaml'))).toBe(true);
  });
});
