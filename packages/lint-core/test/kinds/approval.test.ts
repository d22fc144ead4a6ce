import { describe, expect, it } from 'vitest';
import { lint, fix } from '../../src/index.js';
import { principalApproval } from '../../src/kinds/approval.js';

const run = (rule: string, text: string, options?: Record<string, unknown>) =>
  lint(text, { rules: { [rule]: options ? ['error', options] : 'error' }, only: [rule] }).map((d) => `${d.messageId}:${text.slice(d.range[0], d.range[1])}`);

const meta = (lines: string) => `---\n${lines}\n---\n`;
const EVIDENCE = '依据《国有土地上房屋征收与补偿条例》第二十四条，违法建筑不予补偿。'.repeat(8);

describe('principalApproval', () => {
  it('reads role (and by), in either script', () => {
    expect(principalApproval({ extra: {}, approval: { role: '主要領導' } }, ['主要领导'])).toBe('principal');
    expect(principalApproval({ extra: {}, approval: { role: '分管领导' } }, ['主要领导'])).toBe('other');
    expect(principalApproval({ extra: {}, approval: { by: '张三' } }, ['主要领导'])).toBe('none');
    expect(principalApproval({ extra: {} }, ['主要领导'])).toBe('none');
  });
});

describe('final-answer kind', () => {
  it('accepts the exact label with principal approval and evidence', () => {
    expect(run('final-answer-approval', `${meta('approval:\n  role: 主要负责人')}${EVIDENCE}\n\n此为最终答复。`)).toEqual([]);
  });
  it('fixes equivalent variants to the exact wording, once', () => {
    const text = `${meta('approval:\n  role: 主要负责人')}${EVIDENCE}\n\n本答复为最终答复意见。`;
    expect(run('final-answer-approval', text)).toEqual(['variant:本答复为最终答复意见']);
    expect(fix(text, { rules: { 'final-answer-approval': 'error' }, only: ['final-answer-approval'] }).output.endsWith('此为最终答复。')).toBe(true);
  });
  it('fixes a variant written in Traditional script to the Traditional label', () => {
    const opts = { rules: { 'final-answer-approval': 'error' as const }, only: ['final-answer-approval'] };
    const text = `${meta('approval:\n  role: 主要負責人')}${EVIDENCE}\n\n此答覆為最終答覆。`;
    expect(run('final-answer-approval', text)).toEqual(['variant:此答覆為最終答覆']);
    const out = fix(text, opts).output;
    expect(out.endsWith('此為最終答覆。')).toBe(true);
    // the Traditional label is the exact wording: nothing left to report
    expect(run('final-answer-approval', out)).toEqual([]);
    // a Traditional label that is not the same wording is a configuration error
    expect(() => run('final-answer-approval', text, { canonicalTraditional: '此為最後答覆' })).toThrow(/canonicalTraditional: 应为 canonical「此为最终答复」的繁体写法/);
  });
  it('reports approval and evidence problems at the first label', () => {
    // both parts missing: one report that names both
    expect(run('final-answer-approval', `${meta('approval:\n  role: 分管领导')}此为最终答复。`)).toEqual(['notPrincipalNoEvidence:此为最终答复']);
    expect(run('final-answer-approval', '此为最终答复。')).toEqual(['noApprovalNoEvidence:此为最终答复']);
    // one part missing: that part
    const reasons = `经核查，依据《宿迁市城市管理条例》第二十条和《宿迁市夜市管理办法》（宿政规〔2022〕3号）第八条，${'该点位系经区政府同意设置的便民疏导点，相关设置程序合法，现场经营秩序符合管理要求。'.repeat(6)}`;
    expect(run('final-answer-approval', `${meta('approval:\n  role: 分管领导')}${reasons}此为最终答复。`)).toEqual(['notPrincipal:此为最终答复']);
    expect(run('final-answer-approval', `${reasons}此为最终答复。`)).toEqual(['noApproval:此为最终答复']);
    expect(run('final-answer-approval', `${meta('approval:\n  role: 主要负责人')}此为最终答复。`)).toEqual(['noEvidence:此为最终答复']);
  });
  it('treats 不再受理 as final only about the same matter', () => {
    expect(run('final-answer-approval', '窗口自7月1日起不再受理纸质申请。')).toEqual([]);
    expect(run('final-answer-approval', '对同一事项今后不再受理。')).toEqual(['noApprovalNoEvidence:同一事项今后不再受理', 'statement:同一事项今后不再受理']);
  });
});

describe('approval-required kind', () => {
  it('reports at the channel metadata value', () => {
    const text = `${meta('channel: 督办件')}问题已解决。`;
    expect(run('approval-required', text)).toEqual(['missing:督办件']);
  });
  it('ignores other channels and documents without a channel', () => {
    expect(run('approval-required', `${meta('channel: "12345"')}问题已解决。`)).toEqual([]);
    expect(run('approval-required', '问题已解决。')).toEqual([]);
  });
  it('takes the channel list and roles from options', () => {
    const text = `${meta('channel: 督办件\napproval:\n  role: 主要领导')}问题已解决。`;
    expect(run('approval-required', text)).toEqual([]);
    expect(run('approval-required', text, { channels: ['督办件'], roles: ['管委会主要负责同志'] })).toEqual(['notPrincipal:督办件']);
    expect(run('approval-required', text, { channels: ['市长信箱'] })).toEqual([]);
  });
});
