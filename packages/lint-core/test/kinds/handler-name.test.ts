import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';

function run(text: string) {
  return lint(text, { rules: { 'handler-name': 'error' }, only: ['handler-name'] }).map((d) => `${d.messageId}:${text.slice(d.range[0], d.range[1])}`);
}

describe('handler-name kind', () => {
  it('accepts a role word with a real name, in Simplified or Traditional script', () => {
    expect(run('承办人王磊电话联系了您。')).toEqual([]);
    expect(run('承辦人歐陽文傑電話回訪您。')).toEqual([]);
  });
  it('reports placeholders at the placeholder, and no extra "missing"', () => {
    expect(run('承办人：XXX　联系电话：0527-84361234')).toEqual(['placeholder:XXX']);
    expect(run('承办人：王某　联系电话：0527-84361234')).toEqual(['placeholder:王某']);
  });
  it('reports a missing name on the first sentence', () => {
    expect(run('我局工作人员已电话联系您。')).toEqual(['missing:我局工作人员已电话联系您。']);
  });
  it('compares with metadata handler.name (Traditional metadata vs Simplified text too)', () => {
    expect(run('---\nhandler:\n  name: 周文涛\n---\n承办人王海鹏电话联系您。')).toEqual(['mismatch:王海鹏']);
    expect(run('---\nhandler:\n  name: 楊志遠\n---\n经办人杨志远到贵公司。')).toEqual([]);
    // a name outside the surname list, known from metadata
    expect(run('---\nhandler:\n  name: 阿依古丽\n---\n承办人阿依古丽电话联系您。')).toEqual([]);
  });
  it('falls back to segmentation only for an unknown name after a colon', () => {
    // 阿 is not in the surname list; jieba tags 阿依古丽 as a person name (nr), 待定 as a verb
    expect(run('承办人：阿依古丽，联系电话：0527-84361234')).toEqual([]);
    expect(run('承办人：待定，联系电话：0527-84361234')).toEqual(['missing:承办人：待定，联系电话：0527-84361234']);
  });
});
