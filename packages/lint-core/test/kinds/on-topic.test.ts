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
    const request = '1. 小区门口夜市噪音扰民；2. 小区西侧路灯损坏，夜间照明不足。';
    expect(onTopic(request, '9月24日晚执法队员到夜市检测噪音，责令摊主22时前收摊。')).toEqual(['unaddressed:2']);
    expect(onTopic(request, '夜市噪音：已责令摊主22时前收摊。西侧路灯：9月25日更换损坏灯具，照明已恢复。')).toEqual([]);
  });

  it('does not count words a point shares with another point (the common subject) as an answer to it', () => {
    const request = '1. 楼下烧烤店油烟大，排烟管道对着我家窗户；2. 烧烤店晚上经营到凌晨两三点，吵得睡不着。';
    const smoke = '执法队员责令该烧烤店安装油烟净化器，排烟管道已改至楼顶，不再对着您家窗户。';
    expect(onTopic(request, smoke)).toEqual(['unaddressed:2']);
    expect(onTopic(request, `${smoke}执法队员同时告知该店每日22时后不得在室外经营。`)).toEqual([]);
  });

  it('reports an answer to a different question, in either script', () => {
    expect(onTopic('幸福小区东门外夜市每晚噪音扰民到凌晨，希望整治。', '您反映的公交线路调整事宜，已转交公交公司研究。')).toEqual(['offTopic:']);
    expect(onTopic('幸福小區東門外夜市每晚噪音擾民到凌晨，希望整治。', '9月24日晚，執法隊員到幸福小區東門外夜市檢測噪音，責令攤主22時前收攤。')).toEqual([]);
  });

  it('segments a request once, however often the reply is checked against it (an editor, at every keystroke)', () => {
    const request = '希望在人民医院门口增设公交站台，方便老人看病。';
    onTopic(request, '计划在医院东侧新设站点。');
    const tag = vi.spyOn(getSegmenter('node-rs'), 'tag');
    try {
      for (const reply of ['计划在医院东侧新设站点，', '计划在医院东侧新设站点，8月', '计划在医院东侧新设站点，8月31日前建成。']) onTopic(request, reply);
      expect(tag).not.toHaveBeenCalled();
      onTopic('小区路灯坏了三个月，晚上出行不便。', '计划在医院东侧新设站点。');
      expect(tag).toHaveBeenCalled();
    } finally {
      tag.mockRestore();
    }
  });

  it('names only the words the reply leaves out', () => {
    const [d] = lint('---\nrequest: 希望在人民医院门口增设公交站台，方便老人看病。\n---\n计划在医院东侧新设站点，8月31日前建成。\n', { only: ['on-topic'] });
    expect(d?.messageId).toBe('offTopic');
    expect(d!.message).toContain('增设');
    expect(d!.message).not.toContain('医院');
  });
  it('does not judge a point that yields fewer than two keywords', () => {
    expect(onTopic('怎么办？', '您好，已处理。')).toEqual([]);
  });

  it('does not run without `request`', () => {
    expect(lint('您反映的公交线路调整事宜，已转交公交公司研究。', { only: ['on-topic'] })).toEqual([]);
  });
});
