// The whole-reply judgements of kinds/non-answer.ts, through no-evasive-phrase: a reply of stock
// statements only (nonAnswer), and an account that ends on a pending statement with no result
// anywhere (noResult).
import { describe, expect, it } from 'vitest';
import { lint, loadBuiltinRules } from '@replylint/core';

const run = (text: string, rules: Record<string, unknown> = {}) => lint(text, { only: ['no-evasive-phrase'], rules: rules as never });
const ids = (text: string, rules: Record<string, unknown> = {}) => run(text, rules).map((d) => d.messageId);

const FINDING = '您好！经现场核实，该路段路灯不亮是箱式变压器故障断电所致。';
const PASSED_ON = '我局已向区市政养护中心进行反馈，请其尽快修复。';

describe('non-answer: the outcome judgement (noResult)', () => {
  it('reports a finding followed only by a pending statement, at that statement, as a warning', () => {
    const text = `${FINDING}${PASSED_ON}感谢您的监督与支持！`;
    const ds = run(text);
    expect(ds.map((d) => d.messageId)).toEqual(['noResult']);
    expect(ds[0]!.severity).toBe(1);
    expect(text.slice(ds[0]!.range[0], ds[0]!.range[1])).toContain('已向区市政养护中心进行反馈');
  });

  it('stays an error when outcomeDowngrade is off', () => {
    const ds = run(`${FINDING}${PASSED_ON}`, { 'no-evasive-phrase': ['error', { nonAnswer: { ...nonAnswerOptions(), outcomeDowngrade: false } }] });
    expect(ds.map((d) => [d.messageId, d.severity])).toEqual([['noResult', 2]]);
  });

  it('is silent when the reply states a result or a deadline anywhere', () => {
    expect(ids(`${FINDING}${PASSED_ON}该中心已于9月25日更换变压器。`)).toEqual([]);
    expect(ids(`${FINDING}${PASSED_ON}预计10月底前完成更换。`)).toEqual([]);
    expect(ids(`该中心已于9月25日更换变压器。${FINDING}${PASSED_ON}`)).toEqual([]);
  });

  it('does not take a date in the restated request for a result of the reply', () => {
    const text = '您好，您于9月10日反映的“9月1日起对面路灯不亮”问题已收悉。经现场核实，路灯不亮是箱式变压器故障断电所致。' + PASSED_ON;
    expect(ids(text)).toEqual(['noResult']);
    expect(ids(text.replace('反映的“9月1日起对面路灯不亮”问题', '反映的路灯问题，9月12日已更换变压器'))).toEqual([]);
  });

  it('is silent when the account goes on after the pending statement', () => {
    expect(ids(`${PASSED_ON}${FINDING.slice(3)}`)).toEqual([]);
  });

  it('takes a resolve or a referral at the end for no pending statement', () => {
    expect(ids(`${FINDING}下一步我局将加强对该路段的巡查。`)).toEqual([]);
    expect(ids(`${FINDING}如有疑问，请致电区市政养护中心咨询。`)).toEqual([]);
  });

  it('abstains when the findings run past maxFindings', () => {
    const text = `${FINDING}${PASSED_ON}`;
    expect(ids(text, { 'no-evasive-phrase': ['error', { nonAnswer: { ...nonAnswerOptions(), maxFindings: 10 } }] })).toEqual([]);
    expect(ids(text, { 'no-evasive-phrase': ['error', { nonAnswer: { ...nonAnswerOptions(), maxFindings: 200 } }] })).toEqual(['noResult']);
  });

  it('is off without a results list', () => {
    const { results: _results, ...rest } = nonAnswerOptions();
    expect(ids(`${FINDING}${PASSED_ON}`, { 'no-evasive-phrase': ['error', { nonAnswer: rest }] })).toEqual([]);
  });

  it('gives way to the named stock phrases of the same reply', () => {
    const ds = run(`${FINDING}已督促相关部门整改。目前正在处理中，请耐心等待处理结果。`);
    expect(ds.map((d) => d.messageId)).toEqual(['found', 'found']);
  });

  it('takes a request to keep patrolling (已督促物业加强巡查) for a pending statement, and a committee name on its own line for a signature', () => {
    const text = '网友您好，接到投诉后，社区居委会与物业联系。物业表示，已对在楼道堆放杂物的住户进行劝阻。居委会已督促物业加强巡查。感谢您的支持。\n某某社区工作委员会';
    expect(ids(text)).toEqual(['noResult']);
    expect(ids(text.replace('居委会已督促物业加强巡查。', '居委会已督促物业加强巡查，物业已于9月25日将杂物全部清理。'))).toEqual([]);
  });

  it('takes a study to come (会对…进行调研) for a pending statement, a resolve (将认真调研) not', () => {
    const text = '您好！该路段早晚高峰学生较多，附近确实没有公交站点。关于在学校门口增设公交站的建议，我们会对该路段进行实地调研，如条件允许，将及时调整线路。';
    expect(ids(text)).toEqual(['noResult']);
    expect(ids('您好！感谢您的建议，我局将认真调研，积极与上级部门衔接，努力改进。')).toEqual([]);
  });

  it('reads past an appeal for cooperation and a signature with the day but no year', () => {
    const text = '您好！经查，您反映的楼道堆放杂物问题属实。街道已督促物业对您提出的问题进行整改。社区是大家共同的家园，我们也期盼广大业主的理解和配合，共同营造良好的社区氛围。\n某某街道办事处 11月21日';
    expect(ids(text)).toEqual(['noResult']);
    expect(ids(text.replace('共同营造良好的社区氛围', '物业已于11月15日清理了楼道杂物'))).toEqual([]);
    expect(ids(text.replace('社区是大家共同的家园', '物业已于11月15日清理了楼道杂物'))).toEqual([]);
  });

  it('takes weighing it up with everything else some day (会…统筹部署) for a pending statement', () => {
    const text = '网友您好！您的建议已记录在案。关于更换新能源公交车，公司会根据车辆使用和线路运营的实际情况进行统筹安排。';
    expect(ids(text)).toEqual(['noResult']);
    expect(ids(text.replace('进行统筹安排', '更换，首批10辆已于5月投入使用'))).toEqual([]);
  });

  it('takes a vague account (已对该路段进行了整治…进行了劝导) for no result in no-evasive-phrase, not in substance', () => {
    const text = '您好！经现场查看，您反映的情况属实。城管中队已对该路口进行了整治，并对流动摊贩进行了劝导。';
    expect(ids(text)).toEqual(['noResult']);
    expect(lint(text, { only: ['substance'] })).toEqual([]);
    expect(ids(text.replace('进行了劝导', '进行了劝导，9月25日清理占道摊点3处'))).toEqual([]);
  });

  it('does not take a resolve after the pending statement for the last statement; other content is', () => {
    const text = '您好！经核实，楼道内堆放杂物的情况属实。居委会已督促物业加强巡查。下一步我们将进一步加大巡查力度，增加巡查频次。';
    expect(ids(text)).toEqual(['noResult']);
    expect(ids(text.replace('下一步我们将进一步加大巡查力度，增加巡查频次。', '楼道里堆放的主要是装修垃圾和废旧家具。'))).toEqual([]);
  });

  it('leaves a reply of stock statements only to the strict judgement (nonAnswer)', () => {
    expect(ids('您好！您反映的问题已收悉。我们已将您的诉求转交相关部门办理。感谢您的支持！')).toEqual(['nonAnswer']);
  });
});

describe('non-answer: the strict judgement (nonAnswer)', () => {
  it('does not take a fact in the restated request for one of the reply', () => {
    const text = '您好，您反映的关于“该片区将在今年10月前整体搬迁，是否属实”的问题我们已经收到。该片区何时搬迁由市政府决策。请向上级部门咨询。';
    expect(ids(text)).toContain('nonAnswer');
    expect(ids(text.replace('何时搬迁由市政府决策', '已于9月25日完成入户调查'))).not.toContain('nonAnswer');
  });

  it('takes being told to settle it with another office (并联系…协调解决) for a stock statement', () => {
    expect(ids('您好，因您提供的信息不足，我办无法代为督办，建议携带凭证并联系区人社局协调解决。')).toEqual(['nonAnswer']);
  });
});

describe('non-answer: the outcome judgement in substance (causeIsContent)', () => {
  const sub = (text: string) => lint(text, { only: ['substance'] }).map((d) => `${d.messageId}:${d.severity}`);
  const OPENING = '尊敬的网友：您好！接到您的反映后，我们立即联系相关工作人员到现场进行核查。';

  it('reports an account without a result as a warning when no cause is explained', () => {
    expect(sub(`${OPENING}经核实，该路段路灯由区市政养护中心负责维护管理。${PASSED_ON}`)).toEqual(['noResult:1']);
  });

  it('takes an explained cause for content', () => {
    expect(sub(`${OPENING}经核实，该路段路灯不亮是因高压箱变故障断电。${PASSED_ON}`)).toEqual([]);
  });

  it('gives way to no-evasive-phrase: one report of the same fault', () => {
    const ds = lint(`${OPENING}经核实，该路段路灯由区市政养护中心负责维护管理。${PASSED_ON}`, { only: ['substance', 'no-evasive-phrase'] });
    expect(ds.map((d) => `${d.ruleId}/${d.messageId}`)).toEqual(['no-evasive-phrase/noResult']);
  });
});

/** The rule's own nonAnswer options (lists resolved), to vary one limit at a time. */
function nonAnswerOptions(): Record<string, unknown> {
  return { ...(loadBuiltinRules().get('no-evasive-phrase')!.defaultOptions.nonAnswer as Record<string, unknown>) };
}
