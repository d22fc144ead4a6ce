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
    expect(run(t)).toEqual(['idCard:321302198506134024>3213**********4024']);
    expect(lint(t, { only: ['personal-info'], rules: { 'personal-info': 'error' } })[0]!.fix).toBeUndefined();
  });
  it("flags the requester's phone in any formatting, not the handler's", () => {
    expect(run(fm('已致电您（138 1234 5678）。承办人王磊，电话13900001111。'))).toEqual(['citizenPhone:138 1234 5678>138 **** 5678']);
  });
  it("flags a mobile written after the requester's name, without citizen.phone in the metadata", () => {
    expect(run('诉求人张先生（13812345678）反映小区噪声扰民。')).toEqual(['citizenPhone:13812345678>138****5678']);
    expect(run('市民王女士（电话13812345678）来电反映路灯不亮。')).toEqual(['citizenPhone:13812345678>138****5678']);
    expect(run('来电人王女士，联系电话13812345678，反映夜间施工。')).toEqual(['citizenPhone:13812345678>138****5678']);
    // a name needs its form of address after 市民/业主; a hotline and a third party's number are not the requester's
    expect(run('请联系业主委员会13812345678。')).toEqual([]);
    expect(run('诉求人所在小区物业电话13812345678，已督促其维修。')).toEqual([]);
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
  it('flags a name written after 举报人 in any reply, and after 诉求人/来电人 in reports and anonymous ones', () => {
    expect(run('经核实，举报人任强反映的情况属实。')).toEqual(['namedReporter:任强>']);
    expect(run('实名举报人欧阳文杰多次来电，举报人王小明称该店无证经营。')).toEqual(['namedReporter:欧阳文杰>', 'namedReporter:王小明>']);
    expect(run('舉報人陳國強反映的問題屬實。')).toEqual(['namedReporter:陳國強>']);
    expect(run('举报人张伟于6月3日来电。')).toEqual(['namedReporter:张伟>']);
    const caller = '来电人：徐志明，称工地夜间施工。';
    expect(run(caller)).toEqual([]);
    expect(run(`---\ntype: report\n---\n${caller}`)).toEqual(['namedReporter:徐志明>']);
    expect(run(`---\nanonymous: true\n---\n${caller}`)).toEqual(['namedReporter:徐志明>']);
  });
  it('leaves the reported party, placeholders, forms of address and ordinary words alone', () => {
    for (const t of [
      '被举报人张伟已整改。',
      '举报人张某反映，举报人李先生称，举报人孔女士来电。',
      '举报人陈述的情况属实，举报人申请的奖励待审核。',
      '依法保护举报人权益，对举报人身份严格保密。',
      '举报人曾反映过该问题，举报人向我局提供了照片，举报人于本月再次来电。',
      '举报人应该提供证据，举报人马上赶到现场，举报人经核实系该小区业主。',
    ]) {
      expect(run(t), t).toEqual([]);
    }
  });
  it('asks the segmenter about each name it finds after a role word', () => {
    // 马上 starts with a surname and is followed by a word that may follow a name
    expect(run('举报人马上来电。')).toEqual([]);
    expect(run('举报人马上来电。', { segmenterCheck: false })).toEqual(['namedReporter:马上>']);
  });
  it('suggests deleting the name (with its brackets) or masking it', () => {
    const t = '举报人（林晓燕）反映的情况属实。';
    const [d] = lint(t, { only: ['personal-info'], rules: { 'personal-info': 'error' } });
    const applied = d!.suggestions!.map((s) => t.slice(0, s.fix.range[0]) + s.fix.text + t.slice(s.fix.range[1]));
    expect(applied).toEqual(['举报人反映的情况属实。', '举报人（林某）反映的情况属实。']);
    expect(d!.message).toContain('举报人的姓名「林**」'); // masked: the range points at the name
    expect(d!.fix).toBeUndefined();
  });
  it('does not report a name twice when the metadata names the reporter', () => {
    expect(run(fm('经核实，举报人张伟反映的情况属实。').replace('type: complaint', 'type: report'))).toEqual(['reporterName:张伟>举报人']);
  });
});
