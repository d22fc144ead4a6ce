import { describe, expect, it } from 'vitest';
import { lint, fix } from '../../src/index.js';

const opts = { rules: { 'citation-format': 'error' as const }, only: ['citation-format'] };
const run = (text: string) => lint(text, opts).map((d) => `${d.messageId}:${text.slice(d.range[0], d.range[1])}${d.fix ? `=>${d.fix.text}` : ''}`);

describe('citation-format kind', () => {
  it('fixes brackets, 第 and leading zeros inside the number, keeping the issuer and script', () => {
    expect(run('按照《通知》（宿政发【2023】第056號）')).toEqual(['docnum:【2023】第056號=>〔2023〕56號']);
    expect(fix('按照《通知》（宿政发[2023]56号）', opts).output).toBe('按照《通知》（宿政发〔2023〕56号）');
  });
  it('leaves the numbers of licences, certificates and forms alone: they are printed as they are', () => {
    expect(run('已办理《夜间施工许可证》（宿城建夜许〔2025〕0612号），许可时段为22时至次日2时。')).toEqual([]);
    expect(run('执法人员送达了宿城市监改[2025]007号《责令改正通知书》。')).toEqual([]);
    // a 公文 with the same slip is still fixed
    expect(run('按照《关于规范夜间施工管理的通知》（宿城建发〔2025〕012号）执行。')).toEqual(['docnum:〔2025〕012号=>〔2025〕12号']);
  });
  it('only suggests dropping 第 or leading zeros when the number is not known to be a 公文', () => {
    const untitled = lint('该项目已取得宿城建夜许[2025]0612号。', opts);
    expect(untitled.map((d) => [d.messageId, !!d.fix, d.suggestions?.[0]?.fix.text])).toEqual([
      ['missingTitle', false, undefined],
      ['docnum', false, '〔2025〕612号'],
    ]);
    // 公文 by its code (…办, …发, …函, …秘) or by 文件 after it: fixed
    expect(run('该事项依据宿政办[2021]032号文件办理。')).toContain('docnum:[2021]032号=>〔2021〕32号');
    expect(run('该事项依据宿城建夜许[2021]032号文件办理。')).toContain('docnum:[2021]032号=>〔2021〕32号');
    // brackets alone keep the digits: always fixed
    expect(run('该项目已取得宿城建夜许[2025]612号。')).toContain('docnum:[2025]612号=>〔2025〕612号');
  });
  it('does not fix across Markdown markup', () => {
    const d = lint('按照《通知》（宿政发[2023]<!-- 待核 -->56号）', opts);
    expect(d.map((x) => x.messageId)).toEqual(['docnum']);
    expect(d[0]!.fix).toBeUndefined();
  });
  it('reports two-digit years without a fix', () => {
    const d = lint('按照《通知》（宿政发〔23〕5号）', opts);
    expect(d.map((x) => [x.messageId, !!x.fix])).toEqual([['shortYear', false]]);
  });
  it('suggests title-first order when the issuer is unambiguous', () => {
    const d = lint('根据宿政发〔2021〕3号《关于加强管理的通知》执行。', opts);
    expect(d[0]!.messageId).toBe('numberBeforeTitle');
    expect(d[0]!.suggestions![0]!.fix.text).toBe('《关于加强管理的通知》（宿政发〔2021〕3号）');
  });
  it('does not ask for a title again when the number was cited with one earlier', () => {
    expect(run('按照《通知》（宿政发〔2021〕3号）。宿政发〔2021〕3号同时规定……')).toEqual([]);
    expect(run('按照宿政发〔2021〕3号文件执行。')).toEqual(['missingTitle:宿政发〔2021〕3号']);
  });
  it('adds 《》 only to exact official titles from the list', () => {
    expect(run('依据中华人民共和国价格法第十三条')).toEqual(['lawTitle:中华人民共和国价格法=>《中华人民共和国价格法》']);
    expect(run('依据价格法第十三条')).toEqual(['lawAlias:价格法']);
    expect(run('依据江苏省物业管理条例第十二条')).toEqual([]);
  });
  it('lints a 5 MB reply in seconds', () => {
    const big = '按照《通知》（宿政发[2023]56号）依据中华人民共和国价格法第十三条，'.repeat(120000);
    const t = Date.now();
    lint(big, opts);
    expect(Date.now() - t).toBeLessThan(15000);
  });
});
