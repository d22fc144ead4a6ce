import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';

const NOW = new Date('2025-06-30T10:00:00+08:00');
function run(text: string, options: Record<string, unknown> = {}) {
  return lint(text, { rules: { 'contact-time': ['error', options] }, only: ['contact-time'], now: NOW }).map((d) => d.messageId);
}
const fm = (body: string, extra = 'dispatchedAt: 2025-06-20 09:00') => `---\n${extra}\n---\n${body}`;

describe('contact-time kind', () => {
  it('accepts a dated contact with the requester', () => {
    expect(run(fm('6月21日10时，承办人王磊电话联系您，告知了处理结果。'))).toEqual([]);
  });
  it('ignores contacts with other parties (约谈施工单位) when looking for the requester contact', () => {
    expect(run(fm('6月21日约谈了施工单位负责人。'))).toEqual(['noContact']) // a contact with someone else is no contact with the requester;
  });
  it('takes the date before the act, not a later deadline in the same sentence', () => {
    expect(run(fm('6月21日10时，承办人电话联系您，约定7月20日前完成维修。'))).toEqual([]);
    expect(run(fm('承办人电话联系您，约定7月20日前完成维修。'))).toEqual(['missing']);
  });
  it('reports vague times and the time of day when required', () => {
    expect(run(fm('近日已电话联系您，说明了情况。'))).toEqual(['vague']);
    expect(run(fm('6月21日，承办人电话联系您，说明了情况。'), { requireTimeOfDay: true })).toEqual(['noTimeOfDay']);
    expect(run(fm('6月21日上午，承办人电话联系您，说明了情况。'), { requireTimeOfDay: true })).toEqual(['noTimeOfDay']);
  });
  it('flags contact before dispatch (same day: by the hour) and after now', () => {
    expect(run(fm('6月20日8时，承办人电话联系您，说明了情况。'))).toEqual(['beforeDispatch']);
    expect(run(fm('6月20日，承办人电话联系您，说明了情况。'))).toEqual([]);
    expect(run(fm('6月30日15时，承办人电话联系您，说明了情况。'))).toEqual(['afterNow']);
  });
  it('does not apply to anonymous requests', () => {
    expect(run(fm('问题已处理。', 'anonymous: true'))).toEqual([]);
  });
});
