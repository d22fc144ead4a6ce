// Unit tests of the output formatters (no process, no core).
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
// a CommonJS module: under NodeNext its default import is module.exports, whose `default` is the plugin
const addFormats = addFormatsModule.default;
import { stylish } from '../src/formatters/stylish.js';
import { json, jsonResult } from '../src/formatters/json.js';
import { sarif, RULE_DOCS_BASE } from '../src/formatters/sarif.js';
import { junit, xmlEscape } from '../src/formatters/junit.js';
import { github, escapeData, escapeProperty } from '../src/formatters/github.js';
import { displayPath, artifactUri } from '../src/formatters/paths.js';
import type { CliMessage, FileResult, FormatContext, RuleMeta } from '../src/formatters/types.js';
import { CLI_ROOT } from './helpers.js';

const cwd = '/work/proj';
const RULES: RuleMeta[] = [
  { id: 'no-harsh-language', description: '不得出现指责诉求人的措辞。', rationale: '言语过激列为问责情形。', source: '宿迁规定 五(二)3', category: 'invalid', severity: 'error', fixable: false },
  { id: 'citation-format', description: '文号格式。', source: 'GB/T 9704-2012 7.2.5', category: 'citations', severity: 'warn', fixable: true },
];
const ctx = (over: Partial<FormatContext> = {}): FormatContext => ({ cwd, color: false, rules: () => RULES, version: '0.1.0', ...over });

function msg(over: Partial<CliMessage>): CliMessage {
  return { ruleId: 'no-harsh-language', severity: 2, message: '「无理取闹」是指责诉求人的措辞。', messageId: 'found', line: 3, column: 5, endLine: 3, endColumn: 9, range: [20, 24], ...over };
}

function result(messages: CliMessage[], over: Partial<FileResult> = {}): FileResult {
  const errorCount = messages.filter((m) => m.severity === 2).length;
  const warningCount = messages.length - errorCount;
  return {
    filePath: `${cwd}/replies/a.md`,
    displayPath: 'replies/a.md',
    messages,
    errorCount,
    warningCount,
    fatalErrorCount: 0,
    fixableErrorCount: messages.filter((m) => m.fix && m.severity === 2).length,
    fixableWarningCount: messages.filter((m) => m.fix && m.severity === 1).length,
    encoding: 'utf-8',
    bom: false,
    ...over,
  };
}

const twoProblems = [
  result([
    msg({}),
    msg({ ruleId: 'citation-format', severity: 1, message: '文号括号应为〔〕。', messageId: 'brackets', line: 12, column: 10, endLine: 12, endColumn: 22, range: [100, 112], fix: { range: [103, 104], text: '〔' } }),
  ]),
  result([], { filePath: `${cwd}/replies/b.md`, displayPath: 'replies/b.md' }),
];

describe('stylish', () => {
  it('prints ESLint-like rows in Chinese, aligned, with the summary and fixable count', () => {
    const out = stylish(twoProblems, ctx());
    const lines = out.split('\n');
    expect(lines[0]).toBe('replies/a.md');
    expect(lines[1]).toMatch(/^ {3}3:5 {3}错误 {2}「无理取闹」是指责诉求人的措辞。 {2}no-harsh-language$/);
    expect(lines[2]).toMatch(/^ {2}12:10 {2}警告 {2}文号括号应为〔〕。 +citation-format$/);
    // rule ids start in the same terminal column (CJK characters are two columns wide)
    const col = (l: string) => {
      const before = l.slice(0, l.lastIndexOf('  ') + 2);
      return [...before].reduce((w, ch) => w + (ch.codePointAt(0)! > 0x2e80 ? 2 : 1), 0);
    };
    expect(col(lines[1]!)).toBe(col(lines[2]!));
    expect(out).toContain('✖ 共 2 个问题（1 个错误，1 个警告）');
    expect(out).toContain('  其中 1 个可用 --fix 自动修复');
    expect(out).not.toContain('replies/b.md'); // clean files are not listed
    expect(out).not.toContain('\u001b['); // no colour when disabled
  });

  it('says a clean run is clean in one line (nothing with --quiet) and colours only when asked', () => {
    expect(stylish([result([])], ctx())).toBe('✔ 1 个文件，未发现问题\n');
    expect(stylish([result([])], ctx({ quiet: true }))).toBe('');
    const coloured = stylish(twoProblems, ctx({ color: true }));
    expect(coloured).toContain('\u001b[31m错误\u001b[39m');
    expect(coloured).toContain('\u001b[33m警告\u001b[39m');
  });

  it('fits long Chinese messages to the width: rule id beside the position, the message wrapped below, CJK counted as two columns', () => {
    const long = [
      '答复未写明与诉求人沟通的具体时间：请在叙述沟通的句子里写明日期和时刻，如“9月23日上午10时，承办人王磊电话联系了您”。',
      '整篇答复只有转办、办理中、转介或督促之类的表态，没有核查到的事实、采取的措施及结果或处理依据，会被退回重办：请写明查明了什么、做了什么、结果如何。',
      '引用了文号「宿政发〔2021〕12号」但没有写文件标题：请写为“《文件标题》（宿政发〔2021〕12号）”，便于群众查找原文。',
    ];
    const messages = long.map((message, i) => msg({ message, ruleId: i === 2 ? 'citation-format' : 'communication-details', line: 10 + i * 45, column: 1 + i * 33 }));
    for (const columns of [60, 80, 100, 120]) {
      const out = stylish([result(messages)], ctx({ columns }));
      const lines = out.split('\n');
      for (const l of lines) expect([...l].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0), `${columns}: ${l}`).toBeLessThanOrEqual(columns);
      // each finding: a header line with its position, severity and whole rule id, then its message
      const headers = lines.filter((l) => /^ +\d+:\d+ +(错误|警告)  /.test(l));
      expect(headers.map((l) => l.trim().split(/ +/).pop())).toEqual(messages.map((m) => m.ruleId));
      const body = lines.filter((l) => /^ {6,}\S/.test(l) && !/^ +\d+:\d+ /.test(l));
      expect(body.map((l) => l.trim()).join('')).toBe(long.join(''));
      // no line of a message starts with closing punctuation or ends with opening punctuation
      for (const l of body) {
        expect(l.trim()).not.toMatch(/^[，。、；：？！）》」”]/);
        expect(l.trim()).not.toMatch(/[（《「“]$/);
      }
    }
    // short messages that fit keep ESLint's one-line rows
    expect(stylish([result([msg({})])], ctx({ columns: 80 })).split('\n')[1]).toMatch(/^ {2}3:5 {2}错误 {2}「无理取闹」是指责诉求人的措辞。 {2}no-harsh-language$/);
  });

  it('omits the fixable line when nothing is fixable', () => {
    const out = stylish([result([msg({})])], ctx());
    expect(out).toContain('✖ 共 1 个问题（1 个错误，0 个警告）');
    expect(out).not.toContain('--fix');
  });
});

describe('json', () => {
  it("has ESLint's result shape without internal fields", () => {
    const data = JSON.parse(json(twoProblems, ctx()));
    expect(data).toHaveLength(2);
    expect(Object.keys(data[0]).sort()).toEqual(
      ['errorCount', 'fatalErrorCount', 'filePath', 'fixableErrorCount', 'fixableWarningCount', 'messages', 'suppressedMessages', 'usedDeprecatedRules', 'warningCount'].sort(),
    );
    expect(data[0].messages[0]).toEqual({ ruleId: 'no-harsh-language', severity: 2, message: '「无理取闹」是指责诉求人的措辞。', line: 3, column: 5, endLine: 3, endColumn: 9, messageId: 'found' });
    expect(data[0].messages[1].fix).toEqual({ range: [103, 104], text: '〔' });
    expect(data[0].messages[1]).not.toHaveProperty('range');
    expect(data[0]).not.toHaveProperty('source');
    expect(data[1]).toMatchObject({ filePath: `${cwd}/replies/b.md`, messages: [], errorCount: 0, warningCount: 0 });
  });

  it('includes output when a fixed text is given', () => {
    const data = JSON.parse(json([result([], { output: '修复后' })], ctx()));
    expect(data[0].output).toBe('修复后');
  });

  it('gives each suggestion its messageId, title and fix (as ESLint does)', () => {
    const s = { messageId: 'suggestReplace', desc: '改为：x', fix: { range: [1, 2] as [number, number], text: 'x' } };
    const data = JSON.parse(json([result([msg({ suggestions: [s] })])], ctx()));
    expect(data[0].messages[0].suggestions).toEqual([{ messageId: 'suggestReplace', desc: '改为：x', fix: { range: [1, 2], text: 'x' } }]);
  });

  it('joins results serialised where they were checked into the same text', () => {
    const all = [...twoProblems, result([msg({ suggestions: [{ desc: '改为：x', fix: { range: [1, 2], text: 'x' } }] })], { output: '修复后' })];
    // as check/process.ts leaves a result it serialised: messages dropped, counts kept
    const serialized = all.map((r, i) => (i === 1 ? r : { ...r, serialized: jsonResult(r), messages: [], output: undefined }));
    expect(json(serialized, ctx())).toBe(json(all, ctx()));
    expect(json([], ctx())).toBe('[]\n');
  });
});

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(join(CLI_ROOT, 'test/schemas/sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('validates against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(sarif(twoProblems, ctx()));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('describes rules and points results at them', () => {
    const log = JSON.parse(sarif(twoProblems, ctx()));
    const runLog = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(runLog.tool.driver.name).toBe('replylint');
    const rules = runLog.tool.driver.rules;
    const harsh = rules.find((r: { id: string }) => r.id === 'no-harsh-language');
    expect(harsh).toMatchObject({
      shortDescription: { text: '不得出现指责诉求人的措辞。' },
      fullDescription: { text: '不得出现指责诉求人的措辞。言语过激列为问责情形。' },
      helpUri: `${RULE_DOCS_BASE}no-harsh-language`,
      properties: { source: '宿迁规定 五(二)3' },
      defaultConfiguration: { level: 'error' },
    });
    const [r0, r1] = runLog.results;
    expect(rules[r0.ruleIndex].id).toBe('no-harsh-language');
    expect(rules[r1.ruleIndex].id).toBe('citation-format');
    expect(r0.level).toBe('error');
    expect(r1.level).toBe('warning');
    expect(r0.locations[0].physicalLocation.region).toEqual({ startLine: 3, startColumn: 5, endLine: 3, endColumn: 9, charOffset: 20, charLength: 4 });
    expect(r0.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'replies/a.md', uriBaseId: '%SRCROOT%', index: 0 });
    expect(runLog.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///work/proj/');
    expect(runLog.columnKind).toBe('utf16CodeUnits');
    expect(r1.fixes[0].artifactChanges[0].replacements[0]).toEqual({ deletedRegion: { charOffset: 103, charLength: 1 }, insertedContent: { text: '〔' } });
    expect(runLog.artifacts).toHaveLength(2);
  });

  it('adds a descriptor for rules without metadata and stays valid for odd paths', () => {
    const odd = [result([msg({ ruleId: 'mystery' })], { filePath: '/elsewhere/空 格#?.md', displayPath: '/elsewhere/空 格#?.md', encoding: 'gb18030' })];
    const log = JSON.parse(sarif(odd, ctx()));
    expect(validate(log)).toBe(true);
    const res = log.runs[0].results[0];
    expect(log.runs[0].tool.driver.rules[res.ruleIndex].id).toBe('mystery');
    expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe('file:///elsewhere/%E7%A9%BA%20%E6%A0%BC%23%3F.md');
    expect(log.runs[0].artifacts[0].encoding).toBe('gb18030');
  });
});

describe('junit', () => {
  it('writes one testsuite per file, one testcase per problem, a passing case for clean files', () => {
    const out = junit(twoProblems, ctx());
    expect(out.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="replylint" tests="3" failures="2" errors="0">')).toBe(true);
    expect(out.match(/<testsuite /g)).toHaveLength(2);
    expect(out).toContain('<testsuite name="replies/a.md" package="replylint" tests="2" failures="2"');
    expect(out).toContain('<testcase name="no-harsh-language (3:5)" classname="replies/a.md" time="0">');
    expect(out).toContain('<failure message="「无理取闹」是指责诉求人的措辞。" type="error">');
    expect(out).toContain('type="warning"');
    expect(out).toContain('<testsuite name="replies/b.md" package="replylint" tests="1" failures="0"');
    expect(out).toContain('<testcase name="replylint" classname="replies/b.md" time="0" />');
    expect(out.trim().endsWith('</testsuites>')).toBe(true);
  });

  it('escapes markup and drops characters XML forbids', () => {
    expect(xmlEscape(`a<b>&"c'\u0001\u0008d`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;d');
    const out = junit([result([msg({ message: '含 <标签> & "引号"\u000b' })], { displayPath: 'a&b.md' })], ctx());
    expect(out).toContain('message="含 &lt;标签&gt; &amp; &quot;引号&quot;"');
    expect(out).toContain('classname="a&amp;b.md"');
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c]/);
    // every opened element is closed
    const opened = (out.match(/<(testsuites|testsuite|testcase|failure)[ >]/g) ?? []).length;
    const closed = (out.match(/<\/(testsuites|testsuite|testcase|failure)>|\/>/g) ?? []).length;
    expect(opened).toBe(closed);
  });
});

describe('github', () => {
  it('writes workflow commands with positions and the rule as title', () => {
    const out = github(twoProblems, ctx()).trim().split('\n');
    expect(out).toEqual([
      '::error file=replies/a.md,line=3,col=5,endLine=3,endColumn=9,title=no-harsh-language::「无理取闹」是指责诉求人的措辞。',
      '::warning file=replies/a.md,line=12,col=10,endLine=12,endColumn=22,title=citation-format::文号括号应为〔〕。',
    ]);
  });

  it('escapes data and properties like @actions/core', () => {
    expect(escapeData('100%\r\n下一行')).toBe('100%25%0D%0A下一行');
    expect(escapeProperty('a,b:c%')).toBe('a%2Cb%3Ac%25');
    const out = github([result([msg({ message: '第一行\n第二行' })], { displayPath: 'dir,x/a:b.md' })], ctx());
    expect(out).toBe('::error file=dir%2Cx/a%3Ab.md,line=3,col=5,endLine=3,endColumn=9,title=no-harsh-language::第一行%0A第二行\n');
  });
});

describe('paths', () => {
  it('shows paths relative to the working directory', () => {
    expect(displayPath('/work/proj/replies/a.md', '/work/proj')).toBe('replies/a.md');
    expect(displayPath('/other/a.md', '/work/proj')).toBe('/other/a.md');
    expect(displayPath('<text>', '/work/proj')).toBe('<text>');
    expect(artifactUri('/work/proj/回复 1.md', '/work/proj')).toEqual({ uri: '%E5%9B%9E%E5%A4%8D%201.md', uriBaseId: '%SRCROOT%' });
    expect(artifactUri('<text>', '/work/proj')).toEqual({ uri: '%3Ctext%3E' });
  });

  it('gives what path.relative gives, for any paths (the shortcut for files below cwd)', () => {
    const viaRelative = (filePath: string, cwd: string) => {
      const rel = relative(cwd, filePath);
      return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? filePath.split(sep).join('/') : rel.split(sep).join('/');
    };
    const segment = fc.constantFrom('a', 'b', '答复', '.', '..', '', '.x', 'x.md', '..y', 'a b');
    const path = fc.array(segment, { minLength: 0, maxLength: 5 }).map((xs) => sep + xs.join(sep));
    fc.assert(
      fc.property(path, path, fc.boolean(), (cwd, rest, below) => {
        const file = below ? cwd + (cwd.endsWith(sep) ? '' : sep) + rest.slice(1) : rest;
        expect(displayPath(file, cwd)).toBe(viaRelative(file, cwd));
      }),
      { numRuns: 3000 },
    );
    expect(displayPath('/work/proj/sub/a.md', '/work/proj/')).toBe('sub/a.md');
    expect(displayPath('/work/proj/../x.md', '/work/proj')).toBe('/work/proj/../x.md');
  });
});
