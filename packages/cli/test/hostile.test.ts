// Inputs and outputs as an attacker or an unlucky export would have them (the hostile-input issue):
// Markdown too deeply nested or too slow to parse, -o onto an input, a read-only file under --fix, a report
// that cannot be written, terminal escape sequences in a reply, front matter that never closes.
import { chmodSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, HARSH, removeDir, run, tempDir } from './helpers.js';

const dir = tempDir({ '.replylintrc.yaml': 'extends: []\nrules:\n  no-harsh-language: error\n  citation-format: error\n' });
afterAll(() => removeDir(dir));

describe('hostile input', () => {
  it('a document nested too deeply for Markdown is read as plain text with a warning, and the other files keep their results', () => {
    writeFileSync(join(dir, 'nest.md'), `${'>'.repeat(4000)} 您好\n`);
    writeFileSync(join(dir, 'dash.md'), `${'- '.repeat(1800)}您好\n`);
    writeFileSync(join(dir, 'ok.md'), `${HARSH}\n`);
    const r = run(['check', 'nest.md', 'dash.md', 'ok.md', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('意外错误');
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; messageId: string; severity: number; message: string }[] }[];
    for (const f of ['nest.md', 'dash.md']) {
      const fallback = results.find((x) => x.filePath.endsWith(f))!.messages.find((m) => m.messageId === 'markdownFallback');
      expect(fallback, f).toMatchObject({ ruleId: 'internal-error', severity: 1 });
      expect(fallback!.message).toContain('列表或引用嵌套过深');
    }
    expect(results.find((x) => x.filePath.endsWith('ok.md'))!.messages.map((m) => m.ruleId)).toContain('no-harsh-language');
  });

  it('Markdown that parses super-linearly is checked in linear time as plain text, and says so', () => {
    // '*a' × 60,000 took 101 s; a 1,000 × 1,000 table ran out of memory
    writeFileSync(join(dir, 'stars.md'), `${'*a'.repeat(60_000)}\n\n${HARSH}\n`);
    const row = `|${' a |'.repeat(1000)}\n`;
    writeFileSync(join(dir, 'table.md'), `${row}|${' - |'.repeat(1000)}\n${row.repeat(999)}`);
    const t0 = Date.now();
    const r = run(['check', 'stars.md', 'table.md', '-f', 'json'], { cwd: dir });
    expect(Date.now() - t0).toBeLessThan(25_000);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; messageId: string; message: string }[] }[];
    const stars = results.find((x) => x.filePath.endsWith('stars.md'))!.messages;
    expect(stars.find((m) => m.messageId === 'markdownFallback')!.message).toContain('强调符号');
    expect(stars.map((m) => m.ruleId)).toContain('no-harsh-language');
    expect(results.find((x) => x.filePath.endsWith('table.md'))!.messages.find((m) => m.messageId === 'markdownFallback')!.message).toContain('表格过大');
  }, 60_000);

  it('-o onto a checked reply is refused before anything is written', () => {
    writeFileSync(join(dir, 'reply.md'), `${HARSH}\n`);
    const r = run(['check', 'reply.md', '-f', 'json', '-o', 'reply.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('是被检查的答复之一');
    expect(readFileSync(join(dir, 'reply.md'), 'utf8')).toBe(`${HARSH}\n`);
  });

  it('--fix leaves a read-only file as it is and says so', () => {
    const file = join(dir, 'ro.md');
    writeFileSync(file, '依据宿政办秘[2021]32号文件办理。\n');
    chmodSync(file, 0o444);
    const r = run(['check', '--fix', 'ro.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ro.md：文件是只读的，未写入修复');
    expect(readFileSync(file, 'utf8')).toBe('依据宿政办秘[2021]32号文件办理。\n');
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('a report that cannot be written (a full disk) is exit 2 with a message, not a silent success', () => {
    writeFileSync(join(dir, 'full.md'), `${HARSH}\n`);
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" check full.md > /dev/full`], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法写出结果到标准输出');
  });

  it('terminal control sequences in a reply or a file name are shown escaped, never sent to the terminal', () => {
    writeFileSync(join(dir, 'esc.md'), '该市民\u001b[2J\u001b]0;标题\u0007无理取闹。\n');
    writeFileSync(join(dir, 'e\u001b[2Jx.md'), '该市民无理取闹。\n');
    const r = run(['check', 'esc.md', 'e\u001b[2Jx.md', '--no-color'], { cwd: dir });
    expect(r.stdout).toContain('无理取闹');
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u0007');
    expect(r.stdout).toContain('e\\u{1b}[2Jx.md');
  });

  it('a device that never ends is read up to the size limit, not into all memory', () => {
    const r = run(['check', '/dev/zero', 'ok.md', '--max-file-size', '2MB', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/dev/zero：读到上限 2 MB 仍未结束');
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it('an export or a document that is not a reply says what it is and what to run instead', () => {
    for (const f of ['export.xlsx', 'export.csv', 'old.xls', 'reply.docx', 'reply.pdf']) writeFileSync(join(dir, f), 'x');
    const r = run(['check', 'export.xlsx', 'export.csv', 'old.xls', 'reply.docx', 'reply.pdf'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('export.xlsx：是 Excel 工作簿：请用 replylint batch 检查');
    expect(r.stderr).toContain('export.csv：是表格导出文件');
    expect(r.stderr).toContain('old.xls：是旧版 Excel 工作簿：请先在 Excel 中另存为 .xlsx');
    expect(r.stderr).toContain('reply.docx：是 Word 文档');
    expect(r.stderr).toContain('reply.pdf：是 PDF 文件');
  });

  it('Japanese, Korean and BOM-less UTF-16 files are refused with the encoding named, not decoded as GBK mojibake', () => {
    const files: Record<string, string> = {
      'ja.md': '82a896e282a28d8782ed82b982a282bd82be82a282bd8c8f82c982c282a282c48141925393968ed282a982e790dc82e895d482b582b29841978d82a282bd82b582dc82b7814282e682eb82b582ad82a88ae882a282a282bd82b582dc82b78142',
      'ko.md': 'b9aec0c7c7cfbdc520b3bbbfebbfa120b4ebc7d820b4e3b4e7c0dab0a120b4d9bdc320bfacb6f4b5e5b8aeb0dabdc0b4cfb4d92e20b0a8bbe7c7d5b4cfb4d92e20c3b3b8ae20b0e1b0fab8a620becbb7c120b5e5b8b3b4cfb4d92e',
      'u16.md': '60a8597dff017ecf683867e5ff0c60a853cd6620768465bd5de5566a97f395ee98985c5e5b9eff0c5df28d234ee465bd5de553554f4d657465393002627f529e4ebaff1a738b78ca3002',
      'u16-ascii.md': '60a8597dff017ecf683867e5ff0c60a853cd6620768465bd5de5566a97f395ee98985c5e5b9e3002000a627f529e4ebaff1a738b78caff0c75358bdd00200030003500320037002d003800340033003600310032003300343002000a',
      'gbk.md': 'c4fabac3a3a1beadbacbb2e9a3acc4fab7b4d3b3b5c4caa9b9a4d4ebd2f4cecacce2caf4cab5a3acd2d1d4f0c1eecaa9b9a4b5a5cebbd5fbb8c4a1a3b3d0b0ecc8cba3bacdf5c0daa1a3',
    };
    for (const [f, hex] of Object.entries(files)) writeFileSync(join(dir, f), Buffer.from(hex, 'hex'));
    const r = run(['check', ...Object.keys(files), '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ja.md：看起来是日文 Shift-JIS 编码，不是 GBK/GB18030 中文，未检查');
    expect(r.stderr).toContain('ko.md：看起来是韩文 EUC-KR 编码，不是 GBK/GB18030 中文，未检查');
    expect(r.stderr).toContain('u16.md：看起来是不带字节顺序标记的 UTF-16 编码');
    expect(r.stderr).toContain('u16-ascii.md：看起来是不带字节顺序标记的 UTF-16 编码');
    // a GBK reply is still read
    const results = JSON.parse(r.stdout) as { filePath: string }[];
    expect(results.map((x) => x.filePath.split('/').pop())).toEqual(['gbk.md']);
  });

  it('named pipes and /dev/stdin are read as streams with the size limit; a pipe with no writer is refused, not waited on for ever', () => {
    writeFileSync(join(dir, 'x.md'), `${HARSH}\n`);
    const node = `"${process.execPath}" "${BIN}"`;
    // cat x | check /dev/stdin (was: 无法读取（ESPIPE）)
    const piped = spawnSync('bash', ['-c', `cat x.md | ${node} check /dev/stdin -f json`], { cwd: dir, encoding: 'utf8' });
    expect(piped.status).toBe(1);
    expect((JSON.parse(piped.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages.map((m) => m.ruleId)).toContain('no-harsh-language');
    // a pipe longer than the limit stops at the limit
    const long = spawnSync('bash', ['-c', `head -c 3000000 /dev/zero | tr '\\0' a | ${node} check /dev/stdin --max-file-size 1MB`], { cwd: dir, encoding: 'utf8' });
    expect(long.status).toBe(2);
    expect(long.stderr).toContain('/dev/stdin：读到上限 1 MB 仍未结束');
    // a FIFO whose writer comes a moment later, and one that never gets a writer (was: hangs for ever)
    const fifo = spawnSync('bash', ['-c', `rm -f f.md g.md && mkfifo f.md g.md && (sleep 0.5; timeout 20 sh -c "cat x.md > f.md") & ${node} check f.md g.md x.md -f json`], { cwd: dir, encoding: 'utf8', timeout: 40_000 });
    expect(fifo.status).toBe(2);
    expect(fifo.stderr).toContain('g.md：是命名管道（FIFO），10 秒内没有写入任何内容，未检查');
    const results = JSON.parse(fifo.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(results.find((x) => x.filePath.endsWith('f.md'))!.messages.map((m) => m.ruleId)).toContain('no-harsh-language');
    for (const f of ['f.md', 'g.md']) rmSync(join(dir, f));
  }, 60_000);

  it('a GBK-encoded .replylintrc.yaml is decoded like a GBK reply, not read as UTF-8 mojibake', () => {
    const d = tempDir({ 'r.md': '您好！经核查，您反映的施工噪音问题属实，已责令施工单位整改。9月23日上午10时，承办人王磊电话联系了您，告知了处理结果，您表示满意。\n' });
    try {
      writeFileSync(join(d, '.replylintrc.yaml'), Buffer.from('2320b9e6d4f2c5e4d6c30a68616e646c65723a0a2020756e69743a20cbdeb3c7c7f8b3c7b9dcbed60a20206e616d653a20cdf5c0da0a202070686f6e653a20303532372d38343336313233340a', 'hex'));
      const r = run(['check', 'r.md', '-f', 'json'], { cwd: d });
      const results = JSON.parse(r.stdout) as { messages: { ruleId: string; suggestions?: { desc: string }[] }[] }[];
      const signature = results[0]!.messages.find((m) => m.ruleId === 'signature-block')!;
      expect(signature.suggestions![0]!.desc).toContain('承办单位：宿城区城管局');
    } finally {
      removeDir(d);
    }
  });

  it('front matter that opens but never closes is an error at line 1, not silently ignored', () => {
    writeFileSync(join(dir, 'open.md'), '---\ntype: complaint\n\n您好！经查，问题属实，已处理。\n');
    const r = run(['check', 'open.md', '-f', 'json'], { cwd: dir });
    const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string; messageId: string; line: number }[] }[];
    expect(result!.messages).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'front-matter', messageId: 'unclosed', line: 1 })]));
    expect(r.code).toBe(1);
  });
});
