import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';

const run = (rule: string, text: string) =>
  lint(text, { rules: { [rule]: 'error' }, only: [rule] }).map((d) => `${d.messageId}:${text.slice(d.range[0], d.range[1])}`);

describe('policy-citation-needed (conditional)', () => {
  it('needs the named document nearby', () => {
    expect(run('policy-citation-needed', '根据相关规定，您的申请不符合条件。')).toEqual(['missing:根据相关规定']);
    expect(run('policy-citation-needed', '根据相关规定，即《住房公积金管理条例》第二十四条，不能提取。')).toEqual([]);
    expect(run('policy-citation-needed', '根据上级要求。具体见《关于加强管理的通知》（宿政发〔2021〕3号）。')).toEqual([]);
  });
  it('does not take 按规定时间 for an appeal to rules', () => {
    expect(run('policy-citation-needed', '请按规定时间到窗口领取。')).toEqual([]);
  });
  it('does not take an instruction to a third party for the reply\'s basis (triggerNotAfter)', () => {
    expect(run('policy-citation-needed', '执法人员要求其按规定收集处置餐厨垃圾。')).toEqual([]);
    expect(run('policy-citation-needed', '街道已督促物业公司按照相关要求整改。')).toEqual([]);
    // only right after the instruction, in the same clause: the reply's own basis is still reported
    expect(run('policy-citation-needed', '已责令该店整改，根据相关规定，不予退还押金。')).toEqual(['missing:根据相关规定']);
    expect(run('policy-citation-needed', '责令该店整改。按规定不能退还押金。')).toEqual(['missing:按规定']);
    // an instruction to the requester still needs its basis
    expect(run('policy-citation-needed', '工作人员要求您按照相关规定补充材料。')).toEqual(['missing:按照相关规定']);
    // 市场监督管理局 is the unit itself, not an instruction
    expect(run('policy-citation-needed', '市场监督管理局按照相关规定立案调查。')).toEqual(['missing:按照相关规定']);
  });
});

describe('policy-citation-needed: a qualifier before the vague noun, unnamed documents, forms (round 14)', () => {
  it('reports a field between the verb and 相关规定/法律法规 once, though two triggers match it', () => {
    expect(run('policy-citation-needed', '按照国家有关政策，该费用由业主承担。')).toEqual(['missing:按照国家有关政策']);
    expect(run('policy-citation-needed', '根据机构编制管理相关规定，该编制只减不增。')).toEqual(['missing:根据机构编制管理相关规定']);
    expect(run('policy-citation-needed', '执行国家和省里的现有政策，暂不能调整。')).toEqual(['missing:执行国家和省里的现有政策']);
    expect(run('policy-citation-needed', '根据市教育局文件精神，高三提前开学。')).toEqual(['missing:根据市教育局文件精神']);
  });
  it('leaves promises, back references and named documents alone', () => {
    expect(run('policy-citation-needed', '违者将按照城市管理相关规定予以处罚。')).toEqual([]);
    expect(run('policy-citation-needed', '根据《不动产登记暂行条例》相关规定，查封期间不能办理。')).toEqual([]);
    // 按照文件精神 with nothing between: the document just named (not 按 + 照文件精神)
    expect(run('policy-citation-needed', '按照文件精神，该证不再发放。')).toEqual([]);
    // a document number in the phrase names the document
    expect(run('policy-citation-needed', '根据[政府发文]23号文件精神，给予补贴。')).toEqual([]);
  });
  it('does not take a form or certificate in 《》 for the named document', () => {
    expect(run('policy-citation-needed', '请填写《公租房申请表》，按照有关规定，暂不能申请。')).toEqual(['missing:按照有关规定']);
    expect(run('policy-citation-needed', '已送达《责令改正通知书》，根据有关规定，不予退还。')).toEqual(['missing:根据有关规定']);
    expect(run('policy-citation-needed', '须持《食品经营许可证》，按照有关规定办理。')).toEqual(['missing:按照有关规定']);
    // a contract or a rule is a document
    expect(run('policy-citation-needed', '按照《物业服务合同》的有关规定，由物业公司维修。')).toEqual([]);
    expect(run('policy-citation-needed', '按照《住房公积金管理条例》有关规定，不能提取。')).toEqual([]);
  });
});

describe('policy-citation-needed: quotations, back references, a second basis', () => {
  it('ends a quoted article at a paragraph indent inside the line (quoteOpeners)', () => {
    const quoted = '根据《学籍管理办法》第九条规定：学校按有关规定办理转学。';
    expect(run('policy-citation-needed', quoted)).toEqual([]);
    expect(run('policy-citation-needed', `${quoted}　　街道按照有关规定管理资产。`)).toEqual(['missing:按照有关规定']);
    expect(run('policy-citation-needed', `${quoted}    街道按照有关规定管理资产。`)).toEqual(['missing:按照有关规定']);
    expect(run('policy-citation-needed', `${quoted}此外，学校按照有关规定管理学籍。`)).toEqual([]);
  });
  it('takes a sentence resting on 上述规定 as cited (triggerUnless)', () => {
    expect(run('policy-citation-needed', '根据上述规定，请依照相关规定提供证明。')).toEqual([]);
    expect(run('policy-citation-needed', '请依照相关规定提供证明。')).toEqual(['missing:依照相关规定']);
  });
  it('reports a vague basis joined to a cited one (separateAfter)', () => {
    expect(run('policy-citation-needed', '根据《住房公积金管理条例》和省公积金办相关文件规定，按5%缴存。')).toEqual(['missing:相关文件规定']);
    expect(run('policy-citation-needed', '根据《道路交通安全法》的规定和市委、市政府关于城市治理的要求，从严处罚。')).toEqual([
      'missing:市委、市政府关于城市治理的要求',
    ]);
    // the citation's own wording, not joined by 和/及
    expect(run('policy-citation-needed', '根据《住房公积金管理条例》相关政策规定，按5%缴存。')).toEqual([]);
  });
});

describe('refusal-needs-basis (conditional)', () => {
  it('needs a basis in the same paragraph', () => {
    expect(run('refusal-needs-basis', '经审核，您的申请不予受理。')).toEqual(['missing:不予受理']);
    expect(run('refusal-needs-basis', '依据《住房公积金管理条例》第二十四条，您的申请不予办理。')).toEqual([]);
  });
  it('is not triggered by 符合条件的予以办理 or by back references', () => {
    expect(run('refusal-needs-basis', '符合条件的予以办理。')).toEqual([]);
    expect(run('refusal-needs-basis', '据此，您的申请不予受理。')).toEqual([]);
  });
});

describe('policy-citation-needed: violations described and promises (seventh session)', () => {
  const sev = (text: string) =>
    lint(text, { rules: { 'policy-citation-needed': 'error' }, only: ['policy-citation-needed'] }).map((d) => `${d.severity}:${text.slice(d.range[0], d.range[1])}`);
  it('does not take 不按规定/未按照相关要求 (what someone did wrong) for the reply\'s basis', () => {
    expect(sev('对不按规定停放的车辆一律抄牌。')).toEqual([]);
    expect(sev('该校车未按上级要求停运，已责令整改。')).toEqual([]);
    // a finding on unnamed rules is still reported
    expect(sev('该设施未违反相关法律法规。')).toEqual(['2:违反相关法律法规']);
  });
  it('reports a promise to follow unnamed rules as a warning (warnAfter), a decision on them as an error', () => {
    expect(sev('如查实，我局将按照有关规定严肃处理。')).toEqual(['1:按照有关规定']);
    expect(sev('我局将严格按照相关规定加强管理。')).toEqual(['1:按照相关规定']);
    expect(sev('按照有关规定，该费用不予退还。')).toEqual(['2:按照有关规定']);
  });
});

describe('refusal-needs-basis: rules for everyone and things described are no decisions (seventh session)', () => {
  it('leaves 对不符合条件的申请不予批准 and 不符合…要求的设备 alone, and still reports a decision on the request', () => {
    expect(run('refusal-needs-basis', '区民政局审核后，对符合条件的申请予以批准，对不符合条件的申请不予批准。')).toEqual([]);
    expect(run('refusal-needs-basis', '物业已更换地下室不符合消防验收要求的设备。')).toEqual([]);
    expect(run('refusal-needs-basis', '经审核，您的家庭收入不符合低保条件，申请不予批准。')).toHaveLength(2);
  });
});

describe('policy-citation-needed and refusal-needs-basis: round 24 (basis9)', () => {
  const pcn = (t: string) => run('policy-citation-needed', t);
  const rnb = (t: string) => run('refusal-needs-basis', t);
  it('reports the state\'s or a level\'s rule or documents without 相关', () => {
    expect(pcn('根据国家规定，该变压器与房屋的距离符合要求。')).toEqual(['missing:根据国家规定']);
    expect(pcn('根据国、省、市文件，闲置校舍改建为幼儿园。')).toEqual(['missing:根据国、省、市文件']);
    expect(pcn('按照国家规定的时间节点完成。')).toEqual([]);
    expect(pcn('不按国家规定缴费的，由社保机构追缴。')).toEqual([]);
    // a class of people the quoted policy covers
    expect(pcn('按照国家规定在我市参加社会保险满一年的人员，可以申请落户。')).toEqual([]);
  });
  it('reports a field after 相关 and norms met or not, none named', () => {
    expect(pcn('根据相关管理制度，您的卡可以在该线路使用。')).toEqual(['missing:根据相关管理制度']);
    expect(pcn('我局依据相关环境保护法律法规已责成该店停止建设。')).toEqual(['missing:依据相关环境保护法律法规']);
    expect(pcn('经复核，该方案不满足日照相关规范要求。')).toEqual(['missing:不满足日照相关规范要求']);
    expect(pcn('经核查，两楼之间的日照距离满足规范要求。')).toEqual(['missing:满足规范要求']);
    // the norm named in 《》 or by its code
    expect(pcn('该间距满足《城市居住区规划设计标准》规范要求。')).toEqual([]);
    expect(pcn('经检测，管道安装符合GB 50028规范要求。')).toEqual([]);
    // 符合规范要求 after a norm quoted earlier in the reply points back to it (refersBack)
    expect(pcn('根据《民用建筑设计通则》，临空高度24米以上时栏杆高度不应低于1.10米。经现场测量，护栏高度为1.10米，已达到这一高度，现场护栏的安装位置、材质和固定方式也都经过了逐项查验。综上，护栏符合规范要求。')).toEqual([]);
  });
  it('reports 严格按照法律法规 said of what was done, a promise stays silent', () => {
    expect(pcn('调解委员会对所有信访事项均严格按照国家法律法规执行。')).toEqual(['missing:按照国家法律法规']);
    expect(pcn('我局将严格按照法律法规办理环评审批。')).toEqual([]);
  });
  it('takes a bare 按照政策规定 after a document cited earlier in the reply as pointing back to it (refersBack)', () => {
    expect(pcn('根据《关于欠缴养老保险费加收滞纳金有关问题的通知》（楚人社发〔2011〕144号）第四条，单位欠费自欠缴之日起加收滞纳金。对于您反映的违规收取滞纳金的问题，经核查，社保部门收取滞纳金的时间和金额都有记录，是按照政策规定收取的。')).toEqual([]);
    expect(pcn('经核查，社保部门收取滞纳金的时间和金额都有记录，是按照政策规定收取的。')).toEqual(['missing:按照政策规定']);
  });
  it('reports 看你们当地的规定', () => {
    expect(pcn('能否补贴，具体还得看你们当地的规定。')).toEqual(['missing:看你们当地的规定']);
  });
  it('does not take a post\'s title for a cited document, nor a trigger inside a title for a statement', () => {
    expect(pcn('您在平台提交的《关于独生子女证领取金的咨询》已收悉。根据我省现行计划生育奖励政策，每年发放120元。')).toEqual([
      'missing:根据我省现行计划生育奖励政策',
    ]);
    expect(pcn('您提交的《关于按照有关规定退还押金的投诉》已收悉，我局已调查。')).toEqual([]);
    expect(rnb('网友在平台发表《关于某镇占用责任田而不予补偿的投诉》，我镇已调查，该田已流转，租金已发放。')).toEqual([]);
  });
  it('takes the corpus placeholder of a written document number for a basis', () => {
    expect(rnb('根据长[政府发文]371号文件居住证申领条件，您不能办理居住证。')).toEqual([]);
    expect(pcn('根据[政府发文]12号文件规定，按相关规定不能迁入。')).toEqual([]);
  });
  it('does not report a refusal the finding denies', () => {
    expect(rnb('经调查，占用村民责任田而不予补偿。')).toEqual(['missing:不予补偿']);
    expect(rnb('经调查，不存在占用村民责任田而不予补偿的情况。')).toEqual([]);
  });
});
