import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { redact, type RedactOptions, type RedactResult } from '../../src/index.js';
import { lineStarts, toLineColumn } from '../../src/util/lines.js';

/**
 * The result is the original with exactly the listed ranges replaced: rebuilt from the original and
 * the redactions it must equal the output, so everything outside the ranges is unchanged byte for byte.
 */
function expectOnlyRangesChanged(original: string, r: RedactResult): void {
  let rebuilt = '';
  let last = 0;
  const starts = lineStarts(original);
  for (const x of r.redactions) {
    expect(x.range[0]).toBeGreaterThanOrEqual(last); // in order, not overlapping
    expect(x.range[1]).toBeGreaterThan(x.range[0]);
    expect(x.masked).not.toBe(original.slice(x.range[0], x.range[1]));
    expect({ line: x.line, column: x.column }).toEqual(toLineColumn(starts, x.range[0]));
    rebuilt += original.slice(last, x.range[0]) + x.masked;
    last = x.range[1];
  }
  rebuilt += original.slice(last);
  expect(r.text).toBe(rebuilt);
}

/** [kind, original value, masked] of each redaction, checking the invariant on the way. */
function masks(text: string, options?: RedactOptions): [string, string, string][] {
  const r = redact(text, options);
  expectOnlyRangesChanged(text, r);
  return r.redactions.map((x) => [x.kind, text.slice(x.range[0], x.range[1]), x.masked]);
}

const REPLY = `---
id: SQ20250603017
channel: 12345
type: complaint
dispatchedAt: 2025-06-03 09:30
citizen: { name: 赵明轩, phone: 13912345678 }
handler: { name: 孙建国, unit: 宿城区住建局, phone: 0527-84362210 }
---
赵明轩先生：您好！

您于2025年6月3日来电反映的小区雨水管堵塞问题（工单编号SQ20250603017）收悉。经现场核查，该管道由物业公司负责维护，
我局已依据《宿迁市物业管理条例》和宿政办发〔2023〕45号文件责令其于6月10日前疏通，维修费用3200元由专项维修资金列支。
6月9日，工作人员已电话（139 1234 5678）告知您处理进度。如有疑问，可与承办人孙建国联系（0527-84362210），
也可拨打12345热线或0527-12345反映。

承办单位：宿城区住建局
承办人：孙建国
联系电话：0527-84362210
2025年6月12日
`;

describe('redact: a complete reply', () => {
  it('masks the handler, the requester and their phones, and nothing else', () => {
    const r = redact(REPLY);
    expectOnlyRangesChanged(REPLY, r);
    expect(r.metaProblems).toBeUndefined();
    expect(r.text).toBe(`---
id: SQ20250603017
channel: 12345
type: complaint
dispatchedAt: 2025-06-03 09:30
citizen: { name: 赵某, phone: '***********' }
handler: { name: 孙**, unit: 宿城区住建局, phone: 0527-8436**** }
---
赵某先生：您好！

您于2025年6月3日来电反映的小区雨水管堵塞问题（工单编号SQ20250603017）收悉。经现场核查，该管道由物业公司负责维护，
我局已依据《宿迁市物业管理条例》和宿政办发〔2023〕45号文件责令其于6月10日前疏通，维修费用3200元由专项维修资金列支。
6月9日，工作人员已电话（*** **** ****）告知您处理进度。如有疑问，可与承办人孙**联系（0527-8436****），
也可拨打12345热线或0527-12345反映。

承办单位：宿城区住建局
承办人：孙**
联系电话：0527-8436****
2025年6月12日
`);
    const kinds = r.redactions.map((x) => x.kind);
    expect(kinds.filter((k) => k === 'requester-name')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'requester-phone')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'handler-name')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'phone')).toHaveLength(3);
  });

  it('reports the first redaction at its line and column', () => {
    const r = redact(REPLY);
    expect(r.redactions[0]).toEqual({ kind: 'requester-name', range: [REPLY.indexOf('赵明轩'), REPLY.indexOf('赵明轩') + 3], line: 6, column: 18, masked: '赵某' });
  });

  it('keeps the front matter valid YAML with the masked values', () => {
    const out = redact(REPLY).text;
    const fm = jsyaml.load(out.slice(4, out.indexOf('\n---\n'))) as Record<string, Record<string, unknown>>;
    expect(fm.citizen).toEqual({ name: '赵某', phone: '***********' });
    expect(fm.handler).toEqual({ name: '孙**', unit: '宿城区住建局', phone: '0527-8436****' });
    expect(fm.id).toBe('SQ20250603017');
  });

  it('is idempotent: the public version has nothing left to mask', () => {
    const once = redact(REPLY).text;
    expect(redact(once)).toEqual({ text: once, redactions: [] });
  });

  it('takes the metadata as data (Chinese keys too), merged over the front matter', () => {
    const text = '经核实，李秀英反映的问题已解决，已电话告知（13712345678）。\n\n承办单位：泗洪县城管局\n经办人：周涛\n电话：0527-86221234';
    expect(masks(text, { meta: { 诉求人: { 姓名: '李秀英', 电话: '137-1234-5678' } } })).toEqual([
      ['requester-name', '李秀英', '李某'],
      ['requester-phone', '13712345678', '***********'],
      ['handler-name', '周涛', '周*'],
      ['phone', '0527-86221234', '0527-8622****'],
    ]);
    // a TicketMeta works as well
    expect(masks('李秀英反映的问题已解决。', { meta: { extra: {}, citizen: { name: '李秀英' } } })).toEqual([['requester-name', '李秀英', '李某']]);
  });
});

describe('redact: phones', () => {
  const phone = (s: string) => masks(s).map(([, v, m]) => [v, m]);

  it('mobiles keep the first 3 and last 4 digits, in any grouping', () => {
    expect(phone('网格员手机13812345678，')).toEqual([['13812345678', '138****5678']]);
    expect(phone('网格员手机138-1234-5678，')).toEqual([['138-1234-5678', '138-****-5678']]);
    expect(phone('网格员手机138 1234 5678，')).toEqual([['138 1234 5678', '138 **** 5678']]);
    expect(phone('网格员手机+86 13812345678，')).toEqual([['+86 13812345678', '+86 138****5678']]);
  });

  it('landlines keep the area code and mask the last 4 digits (0527-8436****)', () => {
    expect(phone('电话0527-84361234。')).toEqual([['0527-84361234', '0527-8436****']]);
    expect(phone('电话 0527 84361234。')).toEqual([['0527 84361234', '0527 8436****']]);
    expect(phone('电话（0527）84361234。')).toEqual([['（0527）84361234', '（0527）8436****']]);
    expect(phone('电话025-52781234。')).toEqual([['025-52781234', '025-5278****']]);
    expect(phone('电话0527-8436123。')).toEqual([['0527-8436123', '0527-843****']]);
    expect(phone('电话0527-8436 1234。')).toEqual([['0527-8436 1234', '0527-8436 ****']]);
  });

  it('a local number without area code only after a phone word', () => {
    expect(phone('联系电话：84361234。')).toEqual([['84361234', '8436****']]);
    expect(phone('请致电 8436 1234。')).toEqual([['8436 1234', '8436 ****']]);
    expect(phone('项目总投资12000000元，占地1234567平方米。')).toEqual([]);
  });

  it('a local number listed after a phone is one too; a number before a unit or after 第 is not', () => {
    expect(phone('联系电话：8805667、8805668，或0527-84361234和84362210。')).toEqual([
      ['8805667', '880****'],
      ['8805668', '880****'],
      ['0527-84361234', '0527-8436****'],
      ['84362210', '8436****'],
    ]);
    expect(phone('资产总额为0527-84361234元，第0527-84361234号。')).toEqual([]);
  });

  it('keeps service numbers, hotlines and the phones given in keepPhones', () => {
    const text = '可拨打12345、110、120、0527-12345、96345或400-123-4567咨询。服务热线：0527-84368888；监督电话：84369999。';
    expect(masks(text)).toEqual([]);
    expect(masks('如有疑问请致电0527-84361234。', { keepPhones: ['052784361234'] })).toEqual([]);
  });

  it("the handler's own phone is masked even after a hotline word", () => {
    const text = '值班电话：0527-84362210。';
    expect(masks(text, { meta: { handler: { phone: '0527-84362210' } } })).toEqual([['phone', '0527-84362210', '0527-8436****']]);
  });

  it("the requester's phone is fully masked: from the metadata in any formatting, or introduced as theirs", () => {
    const meta = { citizen: { phone: '13912345678' } };
    expect(masks('已拨打您的电话139-1234-5678和+86 139 1234 5678。', { meta })).toEqual([
      ['requester-phone', '139-1234-5678', '***-****-****'],
      ['requester-phone', '+86 139 1234 5678', '+** *** **** ****'],
    ]);
    expect(masks('您的联系电话13612345678已登记。')).toEqual([['requester-phone', '13612345678', '***********']]);
    expect(masks('经查询来电号码：0527-84361234，')).toEqual([['requester-phone', '0527-84361234', '****-********']]);
    expect(masks('诉求人（13612345678）反映')).toEqual([['requester-phone', '13612345678', '***********']]);
    // the other party's phone is an ordinary phone
    expect(masks('被投诉人电话13612345678')).toEqual([['phone', '13612345678', '136****5678']]);
  });
});

describe('redact: identifiers', () => {
  it('masks checksum-valid ID cards and Luhn-valid bank cards', () => {
    expect(masks('身份证号321302198506134024，退款至银行卡6217001234567890122。')).toEqual([
      ['id-card', '321302198506134024', '3213**********4024'],
      ['bank-card', '6217001234567890122', '6217***********0122'],
    ]);
    expect(masks('卡号 6217 0012 3456 7890 122')).toEqual([['bank-card', '6217 0012 3456 7890 122', '6217 **** **** ***0 122']]);
  });

  it('a labelled number is masked even when its checksum fails', () => {
    expect(masks('身份证号码：321302198506134021')).toEqual([['id-card', '321302198506134021', '3213**********4021']]);
    expect(masks('身份证号320302850613402')).toEqual([['id-card', '320302850613402', '3203*******3402']]);
    expect(masks('对公账号：32001234567890')).toEqual([['bank-card', '32001234567890', '3200******7890']]);
  });
});

describe('redact: no false positives', () => {
  it('dates, document numbers, amounts, work-order numbers, times and codes stay as written', () => {
    const text = [
      '您于2025-06-03、2025年6月3日、20250603通过平台反映的问题已于2025/06/12 17:30办结。',
      '依据宿政办发〔2023〕45号、苏政规〔2024〕12号和国办发[2022]3号文件，',
      '补贴金额为1,234,567.89元（大写：壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分），另有12000000元专项资金。',
      '工单编号：202506030012，留言编号SQ20250603017，案件编号2025060300123456789，邮编223800。',
      '车牌苏N12345，面积3500.5平方米，第1234567号公告，网址https://www.suqian.gov.cn/art/2025/6/3/art_13812345678.html。',
      '统一社会信用代码91321302MA1XXXXX0Y，执法证号32131234567。',
    ].join('\n');
    const r = redact(text);
    expect(r.redactions).toEqual([]);
    expect(r.text).toBe(text);
  });

  it('ordinary words after role words and in the closing lines are no names', () => {
    const text = [
      '经核实，举报人陈述的情况基本属实，被投诉人张伟已整改。工作人员张贴了告示，负责人王某表示配合。',
      '经核实：该路段已修复。',
      '',
      '谢谢',
      '宿迁市城管局',
      '2025年6月12日',
    ].join('\n');
    expect(masks(text)).toEqual([]);
  });
});

describe('redact: names', () => {
  it("the handler's name after 承办人/经办人/联系人 and every other occurrence of it", () => {
    expect(masks('如有疑问请联系经办人李娜，电话0527-84361234。李娜将全程跟进。')).toEqual([
      ['handler-name', '李娜', '李*'],
      ['phone', '0527-84361234', '0527-8436****'],
      ['handler-name', '李娜', '李*'],
    ]);
    expect(masks('联系人：欧阳明远')).toEqual([['handler-name', '欧阳明远', '欧***']]);
    // a surname not in the list, after an explicit separator
    expect(masks('承办人：卓玛\n联系电话：0891-6321234')).toEqual([
      ['handler-name', '卓玛', '卓*'],
      ['phone', '0891-6321234', '0891-632****'],
    ]);
  });

  it('bare names in the signature lines', () => {
    expect(masks('已办结。\n\n宿城区城管局 王磊 0527-84361234')).toEqual([
      ['handler-name', '王磊', '王*'],
      ['phone', '0527-84361234', '0527-8436****'],
    ]);
    expect(masks('已办结。\n\n宿城区城管局\n王磊\n2025年6月12日')).toEqual([['handler-name', '王磊', '王*']]);
    expect(masks('已办结。\n\n| 承办单位 | 宿城区城管局 |\n|---|---|\n| 承办人 | **王磊** |')).toEqual([['handler-name', '王磊', '王*']]);
  });

  it("the handler's name from the metadata wherever it appears", () => {
    expect(masks('感谢您的支持。孙建国', { meta: { handler: { name: '孙建国' } } })).toEqual([['handler-name', '孙建国', '孙**']]);
  });

  it("the requester's name: metadata, role words, 您（…）, the salutation; surname + 某", () => {
    expect(masks('经核实，诉求人张伟反映的噪音问题属实。')).toEqual([['requester-name', '张伟', '张某']]);
    expect(masks('您（李晓燕）于6月3日来电。')).toEqual([['requester-name', '李晓燕', '李某']]);
    expect(masks('尊敬的王丽女士：\n您好！您反映的问题已处理。')).toEqual([['requester-name', '王丽', '王某']]);
    expect(masks('陈志强：您好！您反映的问题已处理，陈志强同志的建议已采纳。')).toEqual([
      ['requester-name', '陈志强', '陈某'],
      ['requester-name', '陈志强', '陈某'],
    ]);
    // a surname with a title is no name
    expect(masks('咨询人：彭经理，投诉人张主任反映，联系人：李师傅')).toEqual([]);
    expect(masks('欧阳娜娜反映的问题已处理。', { meta: { citizen: { name: '欧阳娜娜' } } })).toEqual([['requester-name', '欧阳娜娜', '欧阳某']]);
  });

  it('Traditional text matches the Simplified metadata name, and keeps its own characters', () => {
    expect(masks('張偉先生：您好！經核實，您反映的問題屬實。', { meta: { citizen: { name: '张伟' } } })).toEqual([['requester-name', '張偉', '張某']]);
  });

  it('a placeholder name in the metadata is not searched for', () => {
    expect(masks('张某反映的问题已处理。', { meta: { citizen: { name: '张某' } } })).toEqual([]);
  });
});

describe('redact: text forms', () => {
  it('CRLF line endings are kept; lines and columns count them', () => {
    const text = '---\r\ncitizen:\r\n  name: 张伟\r\n---\r\n张伟先生：您好！\r\n\r\n承办人：王磊\r\n联系电话：0527-84361234\r\n';
    const r = redact(text);
    expectOnlyRangesChanged(text, r);
    expect(r.text).toBe('---\r\ncitizen:\r\n  name: 张某\r\n---\r\n张某先生：您好！\r\n\r\n承办人：王*\r\n联系电话：0527-8436****\r\n');
    expect(r.redactions.map((x) => [x.line, x.column])).toEqual([
      [3, 9],
      [5, 1],
      [7, 5],
      [8, 6],
    ]);
  });

  it('astral characters before a finding: ranges and columns in UTF-16 units', () => {
    const text = '𠮷𠮷村村民反映的问题已处理。承办人：王磊，电话13812345678。';
    const r = redact(text);
    expectOnlyRangesChanged(text, r);
    expect(r.text).toBe('𠮷𠮷村村民反映的问题已处理。承办人：王*，电话138****5678。');
    expect(r.redactions[0]!.range).toEqual([text.indexOf('王磊'), text.indexOf('王磊') + 2]);
    expect(r.redactions[0]!.column).toBe(text.indexOf('王磊') + 1);
  });

  it('plain-text format reads the front matter too', () => {
    const text = '---\ncitizen: { name: 张伟 }\n---\n# 张伟反映的问题\n已处理。';
    expect(redact(text, { format: 'text' }).text).toBe('---\ncitizen: { name: 张某 }\n---\n# 张某反映的问题\n已处理。');
  });

  it('metadata that cannot be read is reported without its value; the rest is still masked', () => {
    const bad = redact('---\ncitizen: 张伟 13812345678\n---\n承办人：王磊');
    expect(bad.text).toBe('---\ncitizen: 张伟 138****5678\n---\n承办人：王*');
    expect(bad.metaProblems).toEqual([{ key: 'citizen', message: expect.stringContaining('citizen') }]);
    expect(JSON.stringify(bad.metaProblems)).not.toMatch(/张伟|1381234/);
    expect(redact('---\ncitizen: [\n---\n正文').metaProblems?.[0]?.message).toContain('不是有效的 YAML');
    expect(redact('---\ncitizen: {}\n正文').metaProblems?.[0]?.message).toContain('没有结束的 --- 行');
    expect(redact('正文', { meta: 'x' as never }).metaProblems?.[0]?.message).toContain('工单元数据');
  });

  it('empty text and text without personal data come back unchanged', () => {
    expect(redact('')).toEqual({ text: '', redactions: [] });
    expect(redact('您反映的问题已处理。')).toEqual({ text: '您反映的问题已处理。', redactions: [] });
  });

  it('any text: never throws, only the listed ranges change', () => {
    const piece = fc.constantFrom('承办人：王磊', '13812345678', '0527-84361234', '张伟', '诉求人', '您（', '）', '\n', '\r\n', '2025年6月3日', '〔2023〕45号', '𠮷', '电话', '：', '---\n', ' ', '12345', '321302198506134024', '**');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 30 }), fc.boolean(), (parts, withMeta) => {
        const text = parts.join('');
        const r = redact(text, withMeta ? { meta: { citizen: { name: '张伟', phone: '13812345678' }, handler: { name: '王磊' } } } : {});
        expectOnlyRangesChanged(text, r);
        if (withMeta) expect(r.text).not.toMatch(/13812345678|张伟|王磊/);
      }),
      { numRuns: Number(process.env.REDACT_RUNS ?? 300) },
    );
  });
});
