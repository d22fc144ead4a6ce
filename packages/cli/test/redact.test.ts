// `replylint redact`: the built CLI as a process (build first: `npm run build`).
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { removeDir, run, tempDir } from './helpers.js';

const dirs: string[] = [];
const temp = (files: Record<string, string | Buffer> = {}) => {
  const d = tempDir(files);
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach(removeDir));

const REPLY = `---
type: complaint
citizen: { name: 赵明轩, phone: 13912345678 }
handler: { name: 孙建国, unit: 宿城区住建局, phone: 0527-84362210 }
---
赵明轩先生：您好！

您于2025年6月3日反映的雨水管堵塞问题，我局已依据宿政办发〔2023〕45号文件责令物业于6月10日前疏通，费用3200元。
已电话（139 1234 5678）告知您进度。如有疑问，可拨打12345热线。

承办单位：宿城区住建局
承办人：孙建国
联系电话：0527-84362210
`;

const PUBLIC = `---
type: complaint
citizen: { name: 赵某, phone: '***********' }
handler: { name: 孙**, unit: 宿城区住建局, phone: 0527-8436**** }
---
赵某先生：您好！

您于2025年6月3日反映的雨水管堵塞问题，我局已依据宿政办发〔2023〕45号文件责令物业于6月10日前疏通，费用3200元。
已电话（*** **** ****）告知您进度。如有疑问，可拨打12345热线。

承办单位：宿城区住建局
承办人：孙**
联系电话：0527-8436****
`;

/** No original personal value anywhere in a string the CLI printed. */
const expectNoPersonalData = (s: string) => expect(s).not.toMatch(/赵明轩|孙建国|13912345678|139 1234 5678|84362210/);

describe('redact', () => {
  it('prints the public version on stdout and a masked-only report in Chinese on stderr', () => {
    const dir = temp({ '答复.md': REPLY });
    const r = run(['redact', '答复.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(PUBLIC);
    expect(r.stderr).toContain('答复.md：已打码 8 处（诉求人姓名 2、诉求人电话 2、承办人姓名 2、电话 2）');
    expect(r.stderr).toContain('第 3 行第 18 列  诉求人姓名 → 赵某');
    expect(r.stderr).toContain('电话 → 0527-8436****');
    expectNoPersonalData(r.stderr);
    expect(readFileSync(join(dir, '答复.md'), 'utf8')).toBe(REPLY); // the original is untouched
  });

  it('-o writes the file (no temporary file left), refuses the input itself', () => {
    const dir = temp({ '答复.md': REPLY });
    const r = run(['redact', '答复.md', '-o', '公开.md', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    expect(readFileSync(join(dir, '公开.md'), 'utf8')).toBe(PUBLIC);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    symlinkSync(join(dir, '答复.md'), join(dir, 'link.md'));
    for (const target of ['答复.md', './答复.md', 'link.md']) {
      const same = run(['redact', '答复.md', '-o', target], { cwd: dir });
      expect(same.code).toBe(2);
      expect(same.stderr).toContain('输出文件不能是输入文件本身');
      expect(same.stdout).toBe('');
    }
    expect(readFileSync(join(dir, '答复.md'), 'utf8')).toBe(REPLY);

    const noDir = run(['redact', '答复.md', '-o', 'missing/公开.md'], { cwd: dir });
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toContain('所在目录不存在');
  });

  it('--format json emits { text, redactions } with ranges into the original', () => {
    const dir = temp({ '答复.md': REPLY });
    const r = run(['redact', '答复.md', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { text: string; redactions: { kind: string; range: [number, number]; line: number; column: number; masked: string }[] };
    expect(Object.keys(j)).toEqual(['text', 'redactions']);
    expect(j.text).toBe(PUBLIC);
    expect(j.redactions).toHaveLength(8);
    expect(j.redactions[0]).toEqual({ kind: 'requester-name', range: [REPLY.indexOf('赵明轩'), REPLY.indexOf('赵明轩') + 3], line: 3, column: 18, masked: '赵某' });
    let rebuilt = '';
    let last = 0;
    for (const x of j.redactions) {
      rebuilt += REPLY.slice(last, x.range[0]) + x.masked;
      last = x.range[1];
    }
    expect(rebuilt + REPLY.slice(last)).toBe(j.text);
  });

  it('reads GBK files and standard input; outputs UTF-8', () => {
    const dir = temp({ 'gbk.txt': iconv.encode('承办人：王磊\r\n联系电话：0527-84361234\r\n', 'gbk') });
    const r = run(['redact', 'gbk.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('承办人：王*\r\n联系电话：0527-8436****\r\n');
    expect(r.stderr).toContain('文件为 GBK/GB18030 编码，公开版本按 UTF-8 输出');

    const s = run(['redact', '-'], { input: '诉求人张伟反映的问题已处理。' });
    expect(s.code).toBe(0);
    expect(s.stdout).toBe('诉求人张某反映的问题已处理。');
    expect(s.stderr).toContain('标准输入：已打码 1 处（诉求人姓名 1）');
  });

  it('--meta-file and --keep-phone', () => {
    const dir = temp({ 'a.txt': '李秀英反映的问题已解决。公开电话0527-84368888，经办人电话0527-86221234。', 'meta.json': JSON.stringify({ 诉求人: { 姓名: '李秀英' } }) });
    const r = run(['redact', 'a.txt', '--meta-file', 'meta.json', '--keep-phone', '0527-84368888'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('李某反映的问题已解决。公开电话0527-84368888，经办人电话0527-8622****。');
    const bad = run(['redact', 'a.txt', '--meta-file', 'a.txt'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('replylint：--meta-file a.txt：不是有效的 JSON\n');
  });

  it('nothing to mask: the text unchanged, and says so', () => {
    const dir = temp({ 'a.md': '您反映的问题已于2025年6月3日处理完毕，详见宿政办发〔2023〕45号文件。' });
    const r = run(['redact', 'a.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('您反映的问题已于2025年6月3日处理完毕，详见宿政办发〔2023〕45号文件。');
    expect(r.stderr).toBe('a.md：未发现需打码的个人信息\n');
  });

  it('input errors: exit 2 with a precise Chinese message, no output, nothing personal', () => {
    const dir = temp({ 'bad.md': '---\ncitizen: 赵明轩 13912345678\n---\n承办人：孙建国', 'bin.md': Buffer.from([0x00, 0x01, 0x02]) });
    const missing = run(['redact', 'nope.md'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('replylint：nope.md：文件不存在\n');
    const bin = run(['redact', 'bin.md'], { cwd: dir });
    expect(bin.code).toBe(2);
    expect(bin.stderr).toContain('bin.md：不是文本文件');
    const bad = run(['redact', 'bad.md', '-o', 'out.md'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.md：元数据 `citizen` 的值无效');
    expect(bad.stderr).toContain('未生成公开版本');
    expect(bad.stdout).toBe('');
    expect(existsSync(join(dir, 'out.md'))).toBe(false);
    expectNoPersonalData(bad.stderr);
    const usage = run(['redact'], { cwd: dir });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('缺少参数');
    const format = run(['redact', 'bad.md', '--format', 'xml'], { cwd: dir });
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('应为 text 或 json');
  });

  it('a metadata problem that does not concern people is a note, not an error', () => {
    const dir = temp({ 'a.md': '---\ndispatchedAt: 昨天\n---\n承办人：王磊' });
    const r = run(['redact', 'a.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('---\ndispatchedAt: 昨天\n---\n承办人：王*');
    expect(r.stderr).toContain('a.md：提示：元数据 `dispatchedAt` 的值无效');
  });

  it('keeps a UTF-8 BOM in the file it writes', () => {
    const dir = temp({ 'a.md': '\uFEFF承办人：王磊' });
    expect(run(['redact', 'a.md', '-o', 'b.md'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe('\uFEFF承办人：王*');
    writeFileSync(join(dir, 'c.md'), 'x');
    expect(run(['redact', 'a.md', '-o', 'c.md'], { cwd: dir }).code).toBe(0); // an existing other file is replaced
    expect(readFileSync(join(dir, 'c.md'), 'utf8')).toBe('\uFEFF承办人：王*');
  });

  it('is listed in the help', () => {
    const r = run(['--help']);
    expect(r.stdout).toMatch(/redact \[选项\] <答复文件>\s+生成答复的公开版本/);
  });
});
