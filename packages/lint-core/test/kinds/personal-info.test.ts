import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';

function run(text: string, options?: Record<string, unknown>) {
  return lint(text, { rules: { 'personal-info': options ? ['error', options] : 'error' }, only: ['personal-info'] }).map(
    (d) => `${d.messageId}:${text.slice(d.range[0], d.range[1])}${d.suggestions ? `>${d.suggestions[0]!.fix.text}` : ''}`,
  );
}
const fm = (body: string, extra = '') =>
  `---\ntype: complaint\ncitizen:\n  name: 张伟\n  phone: "+86 138-1234-5678"\nhandler:\n  name: 王磊\n  phone: "13900001111"\n${extra}---\n${body}`;

describe('personal-info kind', () => {
  it('flags checksum-valid ID cards only, with a masking suggestion and no fix', () => {
    const t = '身份证号321302198506134024，另一号码321302198506134025。';
    expect(run(t)).toEqual(['idCard:321302198506134024>321302********4024']);
    expect(lint(t, { only: ['personal-info'], rules: { 'personal-info': 'error' } })[0]!.fix).toBeUndefined();
  });
  it("flags the requester's phone in any formatting, not the handler's", () => {
    expect(run(fm('已致电您（138 1234 5678）。承办人王磊，电话13900001111。'))).toEqual(['citizenPhone:138 1234 5678>138 **** 5678']);
  });
  it('leaves other mobiles alone unless otherMobiles is on', () => {
    const t = fm('可联系网格员李强，手机13905271188。');
    expect(run(t)).toEqual([]);
    expect(run(t, { otherMobiles: true })).toEqual(['otherMobile:13905271188>139****1188']);
  });
  it("flags the requester's name only for reports and anonymous requests", () => {
    expect(run(fm('经核实，张伟反映的情况属实。'))).toEqual([]);
    expect(run(fm('经核实，张伟反映的情况属实。').replace('type: complaint', 'type: report'))).toEqual(['reporterName:张伟>举报人']);
    expect(run(fm('经核实，张伟反映的情况属实。', 'anonymous: true\n'))).toEqual(['reporterName:张伟>举报人']);
  });
});
