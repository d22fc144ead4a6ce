import { describe, expect, it, vi } from 'vitest';
import { getSegmenter, lint } from '@replylint/core';
import { splitPoints } from '../../src/kinds/on-topic.js';

const onTopic = (request: string, reply: string) =>
  lint(`---\nrequest: ${JSON.stringify(request)}\n---\n${reply}\n`, { only: ['on-topic'] }).map((d) => `${d.messageId}:${d.data.index ?? ''}`);

describe('on-topic', () => {
  it('splits requests into points by 1. / （1） / ① / 一是 markers, and keeps a single request whole', () => {
    expect(splitPoints('1. 噪音扰民；2. 路灯不亮')).toEqual(['噪音扰民；', '路灯不亮']);
    expect(splitPoints('（1）噪音（2）路灯')).toEqual(['噪音', '路灯']);
    expect(splitPoints('①噪音②路灯③垃圾')).toEqual(['噪音', '路灯', '垃圾']);
    expect(splitPoints('一是电梯停运；二是物业费不透明')).toEqual(['电梯停运；', '物业费不透明']);
    expect(splitPoints('2024年3月1日起噪音扰民')).toEqual(['2024年3月1日起噪音扰民']);
  });

  it('names the points a reply leaves unanswered, and passes a reply that answers each', () => {
    const request = '希望解决以下两个问题：1. 小区门口夜市噪音扰民；2. 小区西侧路灯损坏，夜间照明不足。';
    expect(onTopic(request, '9月24日晚执法队员到夜市检测噪音，责令摊主22时前收摊。')).toEqual(['unaddressed:2']);
    expect(onTopic(request, '夜市噪音：已责令摊主22时前收摊。西侧路灯：9月25日更换损坏灯具，照明已恢复。')).toEqual([]);
  });

  it('judges a numbered point that demands on its own words, and one that recounts a matter on all its words', () => {
    const reply = '9月24日晚执法队员到夜市检测噪音，责令摊主22时前收摊。';
    expect(onTopic('1. 小区门口夜市噪音扰民；2. 小区西侧路灯损坏，请尽快更换路灯灯具。', reply)).toEqual(['unaddressed:2']);
    // a point that only recounts (路灯损坏，夜间照明不足) is still a matter the request raises
    expect(onTopic('1. 小区门口夜市噪音扰民；2. 小区西侧路灯损坏，夜间照明不足。', reply)).toEqual(['unaddressed:2']);
    expect(onTopic('1. 小区门口夜市噪音扰民；2. 小区西侧路灯损坏，夜间照明不足。', `${reply}西侧路灯已于9月25日更换。`)).toEqual([]);
    // ... judged on all its words: the shared subject answered (夜市) answers a point that recounts it
    expect(onTopic('1. 小区门口夜市噪音扰民；2. 夜市摊贩占道经营，行人无法通行。', reply)).toEqual([]);
    const off = lint('---\nrequest: 1. 小区门口夜市噪音扰民；2. 小区西侧路灯损坏，夜间照明不足。\n---\n' + reply + '\n', { rules: { 'on-topic': ['warn', { maxAccountPoint: 0 }] }, only: ['on-topic'] });
    expect(off).toEqual([]);
  });

  it('does not judge recounted points when the reply goes point by point, the list gives reasons or effects, or the point is a closing', () => {
    const request = '1. 村里的水库被养殖场污染，无法饮用；2. 供水管道年久失修，经常断水。';
    expect(onTopic(request, '已安排维修队更换供水管道，9月25日起恢复正常供水。')).toEqual(['unaddressed:1']);
    expect(onTopic(request, '一、已安排维修队更换供水管道，9月25日起恢复正常供水。二、已对周边开展环境排查。')).toEqual([]);
    expect(onTopic(`村里用水十分困难，造成的危害如下：${request}`, '已安排维修队更换供水管道，9月25日起恢复正常供水。')).toEqual([]);
    expect(onTopic('1. 供水管道年久失修，经常断水；2. 谢谢您把我的留言看完。', '已安排维修队更换供水管道，9月25日起恢复正常供水。')).toEqual([]);
  });

  it('takes a list for demands only when the sentence leading into it asks: reasons listed after an earlier demand are the account', () => {
    const reply = '9月24日晚执法队员到夜市检测噪音，责令摊主22时前收摊。';
    expect(onTopic('小区门口夜市噪音扰民，希望整治。夜市的长处：1. 方便附近居民买菜买早点；2. 解决下岗职工就业。', reply)).toEqual([]);
    expect(onTopic('小区门口夜市噪音扰民，希望解决以下问题：1. 东门外路灯灯杆损坏；2. 西侧下水道堵塞污水外溢。', reply)).toEqual(['unaddressed:1', 'unaddressed:2']);
  });

  it('does not count words a point shares with another point (the common subject) as an answer to it', () => {
    const request = '反映两个问题：1. 楼下烧烤店油烟大，排烟管道对着我家窗户；2. 烧烤店晚上经营到凌晨两三点，吵得睡不着。';
    const smoke = '执法队员责令该烧烤店安装油烟净化器，排烟管道已改至楼顶，不再对着您家窗户。';
    expect(onTopic(request, smoke)).toEqual(['unaddressed:2']);
    expect(onTopic(request, `${smoke}执法队员同时告知该店每日22时后不得在室外经营。`)).toEqual([]);
  });

  it('reports a reply that answers none of two demands, in either script', () => {
    const request = '幸福小区东门外夜市每晚噪音扰民到凌晨，希望城管整治夜市摊贩。东门外的路灯为什么一直不亮？';
    expect(onTopic(request, '您反映的公交线路调整事宜，已转交公交公司研究。')).toEqual(['offTopic:']);
    expect(onTopic('幸福小區東門外夜市每晚噪音擾民到凌晨，希望城管整治夜市攤販。東門外的路燈為什麼一直不亮？', '9月24日晚，城管隊員到夜市檢查，責令攤販22時前收攤；東門外路燈已於9月25日修復。')).toEqual([]);
  });

  it('segments a request once, however often the reply is checked against it (an editor, at every keystroke)', () => {
    const request = '希望在人民医院门口增设公交站台，方便老人看病。';
    onTopic(request, '计划在医院东侧新设站点。');
    const cut = vi.spyOn(getSegmenter('node-rs'), 'cut');
    try {
      for (const reply of ['计划在医院东侧新设站点，', '计划在医院东侧新设站点，8月', '计划在医院东侧新设站点，8月31日前建成。']) onTopic(request, reply);
      expect(cut).not.toHaveBeenCalled();
      onTopic('小区路灯坏了三个月，希望尽快修好。门口的垃圾桶为什么没人清理？', '计划在医院东侧新设站点。');
      expect(cut).toHaveBeenCalled();
    } finally {
      cut.mockRestore();
    }
  });

  it('does not segment a request whose demands are too few to report on the reply (one demand, a reply in its own words)', () => {
    const cut = vi.spyOn(getSegmenter('node-rs'), 'cut');
    try {
      expect(onTopic('北门外的路灯为什么一直不亮？', '经查，该路段路灯线路老化，已于12月3日更换。')).toEqual([]);
      expect(cut).not.toHaveBeenCalled();
      // the same single demand against a stock reply is judged, so its words are needed
      expect(onTopic('北门外的路灯为什么一直不亮？', '您好！您的留言已收悉，已转区城管局调查处理，感谢您的支持！')).toEqual(['offTopic:']);
      expect(cut).toHaveBeenCalled();
    } finally {
      cut.mockRestore();
    }
  });

  it('names the demands left unanswered when the reply answers others', () => {
    const [d, ...rest] = lint('---\nrequest: 幸福小区夜市噪音扰民，希望城管整治夜市噪音。东门路灯为什么一直不亮？物业公司为何把物业费上涨一倍？\n---\n9月24日晚，执法队员到夜市检测噪音，责令摊主22时前收摊。\n', { only: ['on-topic'] });
    expect(rest).toEqual([]);
    expect(d?.messageId).toBe('demands');
    expect(d!.message).toContain('路灯');
    expect(d!.message).toContain('物业费');
    expect(d!.message).not.toContain('夜市');
  });

  it('abstains on one unanswered demand: replies answer in their own words', () => {
    expect(onTopic('西门路灯为什么一直不亮？', '已要求维护单位于12月16日通电。')).toEqual([]);
  });

  it('speaks on one unanswered demand when the reply is stock statements alone (已转…处理): it has no words of its own to answer in', () => {
    const request = '西门外的路灯为什么一直不亮？';
    expect(onTopic(request, '您好！您的留言已收悉，已转区城管局调查处理，感谢您的支持！')).toEqual(['offTopic:']);
    expect(onTopic(request, '您好！您反映的问题我局正在处理中，请耐心等待。')).toEqual(['offTopic:']);
    // a stock sentence beside an answer in the reply's own words is no non-answer
    expect(onTopic(request, '您好！您的留言已收悉，已转区城管局调查处理。维护单位已于12月16日更换线路，当晚通电。')).toEqual([]);
    // a stock reply to a request that asks nothing: nothing to judge
    expect(onTopic('西门外的路灯一直不亮，晚上很黑。', '您好！您的留言已收悉，已转区城管局调查处理。')).toEqual([]);
  });

  it('is one fault with the non-answer report: under recommended the stock reply is reported once, standing for on-topic', () => {
    const found = lint('---\nrequest: 西门外的路灯为什么一直不亮？\n---\n您好！您的留言已收悉，已转区城管局调查处理，感谢您的支持！\n', { profile: 'recommended' });
    expect(found.some((d) => d.ruleId === 'on-topic')).toBe(false);
    const stock = found.find((d) => d.ruleId === 'no-evasive-phrase' && d.messageId === 'nonAnswer');
    expect(stock?.covers).toContain('on-topic');
  });

  it('counts an equivalent as mentioned (路灯 ~ 照明) and leaves out words common in every request', () => {
    const request = '西门外的路灯为什么一直不亮？希望修好西门外的路灯。';
    expect(onTopic(request, '维护单位已更换线路，当晚恢复照明。')).toEqual([]);
    // 小区 and 问题 are in almost every request: a reply without them is not off topic for that
    expect(onTopic('小区的问题为什么没人管？希望部门处理小区的问题。', '已于9月24日处理。')).toEqual([]);
  });

  it('counts a sign or a driver by its other common names (警示牌 ~ 劝告牌, 司机 ~ 驾驶员)', () => {
    const request = '请在桥头设立警示牌，提醒不要乱倒垃圾。为什么出租车司机拒载？';
    expect(onTopic(request, '已在路口树立劝告牌；运管部门已对拒载的驾驶员作出处罚。')).toEqual([]);
    expect(onTopic(request, '已在路口安装护栏；运管部门已对该车作出处罚。')).toEqual(['offTopic:']);
  });

  describe('a long letter whose demands are appeals', () => {
    const request = '幸福家园小区的开发商承诺2018年底交房，开发商至今没有交房，还要业主重新选房。业主们的血汗钱谁来保障？恳请各级领导主持公道，维护百姓权益！';
    const onSubject = '经核实，该项目因消防验收未通过推迟交房。住建局已约谈开发商，责令其于12月31日前完成整改并办理交付手续；重新选房不作强制要求，不愿置换的购房户可按原合同交付。';

    it('is not reported as answering nothing when the reply names, in words of its own, what the letter keeps coming back to', () => {
      expect(onTopic(request, onSubject)).toEqual([]);
      // the same reply without 开发商 and 交房: nothing shows it is about this letter
      expect(onTopic(request, '经核实，该项目因消防验收未通过而推迟，住建局已责令其于12月31日前完成整改并办理交付手续；重新选房不作强制要求，不愿置换的购房户可按原合同办理。')).toEqual(['offTopic:']);
      const off = lint(`---\nrequest: ${JSON.stringify(request)}\n---\n${onSubject}\n`, { rules: { 'on-topic': ['warn', { onSubjectNamed: 0 }] }, only: ['on-topic'] });
      expect(off.map((d) => d.messageId)).toEqual(['offTopic']);
    });

    it('still reports a stock reply that restates the subject, and a reply too short to answer in words of its own', () => {
      expect(onTopic(request, '您好！您反映的幸福家园小区开发商交房问题已收悉，已转市住建局调查处理，感谢您的支持！')).toEqual(['offTopic:']);
      expect(onTopic(request, '开发商称交房推迟到年底。')).toEqual(['offTopic:']);
    });
  });

  it('does not take quoted words or rhetorical questions for demands', () => {
    const reply = '已责令该公交公司对驾驶员进行服务规范培训。';
    expect(onTopic('司机说：“你微信给我干什么？你怎么一大早就搞这种事？”难道乘客忘带零钱就要被骂吗？', reply)).toEqual([]);
  });

  it('does not take 申请、邀请、聘请 or 请不起 for a request: only 请 that asks someone to act', () => {
    const request = '我于6月在人才App上提交了购房补贴申请，至今仍显示待受理。东门夜市摊贩为什么占用消防通道？希望城管清理夜市摊贩。';
    const found = lint(`---\nrequest: ${JSON.stringify(request)}\n---\n您反映的公交线路调整事宜，已转交公交公司研究。\n`, { only: ['on-topic'] });
    expect(found.map((d) => d.messageId)).toEqual(['offTopic']);
    expect(String(found[0]!.data.keywords)).toMatch(/摊贩|消防通道/);
    expect(String(found[0]!.data.keywords)).not.toMatch(/购房|补贴|人才/);
    // two accounts that only mention 申请 and 请不起 are no demands at all
    expect(onTopic('去年我提交了低保申请，家里困难请不起保姆。今年又邀请了村干部上门查看。', '您反映的公交线路调整事宜，已转交公交公司研究。')).toEqual([]);
  });

  it('does not judge a point that yields fewer than two keywords', () => {
    expect(onTopic('怎么办？', '您好，已处理。')).toEqual([]);
  });

  it('names a question about when that the reply gives no date, period or time word for, quoting it masked', () => {
    const request = '南环路修了一年多还没通车，我的电话13812345678，请问什么时候才能通车？';
    const reply = '经调查，南环路工程因跨越铁路，施工难度大，区住建局将督促建设单位加快施工进度。';
    const found = lint(`---\nrequest: ${JSON.stringify(request)}\n---\n${reply}\n`, { only: ['on-topic'] });
    expect(found.map((d) => d.messageId)).toEqual(['question']);
    expect(found[0]!.message).toContain('什么时候才能通车');
    expect(found[0]!.message).not.toContain('13812345678');
    // any date, period or time word answers it; how well is the reviewer's call
    expect(onTopic(request, `${reply}预计明年6月底前建成通车。`)).toEqual([]);
    expect(onTopic(request, `${reply}争取尽快通车。`)).toEqual([]);
    // a request that asks nothing about when
    expect(onTopic('南环路为什么修了一年多还没通车？', reply)).toEqual([]);
    // one report per reply: unanswered points are named first
    const numbered = '1. 南环路什么时候才能通车；2. 小区西侧路灯损坏，请尽快更换路灯灯具。';
    expect(onTopic(numbered, '南环路工程因跨越铁路施工难度大，区住建局将督促加快进度。')).toEqual(['unaddressed:2']);
  });

  it('does not run without `request`', () => {
    expect(lint('您反映的公交线路调整事宜，已转交公交公司研究。', { only: ['on-topic'] })).toEqual([]);
  });
});
