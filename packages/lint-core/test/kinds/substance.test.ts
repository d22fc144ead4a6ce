import { describe, expect, it } from 'vitest';
import { lint } from '@replylint/core';

const ids = (text: string, rules: Record<string, unknown> = {}) =>
  lint(text, { only: ['substance'], rules: rules as never }).map((d) => `${d.messageId}:${d.data.count}`);

describe('substance', () => {
  it('counts letters and digits, not punctuation or spaces', () => {
    expect(ids('您好！！！ 已处理。。。')).toEqual(['tooShort:5']);
  });

  it('sets greetings, thanks, referrals and signature lines aside', () => {
    const hollow = '您好！详情请拨打区住建局电话0527-84361234咨询。如有其他疑问，欢迎来电。感谢您对我们工作的支持和理解！\n\n承办单位：宿城区住房和城乡建设局\n\n联系电话：0527-84361234';
    const [id] = ids(hollow);
    expect(id).toMatch(/^onlyReferral:\d+$/);
  });

  it('takes minChars and minContentChars from the options', () => {
    expect(ids('您好！已于9月24日更换路灯3盏。', { substance: ['error', { minChars: 10, minContentChars: 10 }] })).toEqual([]);
    expect(ids('您好！已于9月24日更换路灯3盏。', { substance: ['error', { minChars: 10, minContentChars: 40 }] })).toEqual(['onlyReferral:13']);
  });
});
