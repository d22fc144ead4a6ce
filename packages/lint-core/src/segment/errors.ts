import { ReplylintError } from '../util/errors.js';
import type { SegmenterName } from './types.js';

const HINTS: Record<SegmenterName, string> = {
  nodejieba:
    '无法加载分词后端 nodejieba（未安装或本机编译失败）。nodejieba 是可选后端，需要本机编译器；未安装时请改用默认的 node-rs 后端，或删除配置中的 `segmenter: nodejieba`。',
  'node-rs':
    '无法加载默认分词后端 node-rs（@node-rs/jieba 未安装，或当前平台没有它的预编译文件）。请重新安装依赖（pnpm install），并确认未使用 --ignore-scripts 或 --no-optional 跳过平台相关的包；也可改用纯 JavaScript 的 `segmenter: js`（分词结果相同）。',
  wasm: '无法加载分词后端 wasm（jieba-wasm 未安装或文件不完整）。请重新安装依赖（pnpm install），或改用 `segmenter: js`。',
  js: '无法加载分词后端 js（词典 dict.txt 或模型 hmm.model 缺失或不完整）。请重新安装依赖（pnpm install）；VS Code 插件请重新安装 .vsix。',
};

/** The requested segmenter backend cannot be loaded on this machine. */
export class SegmenterUnavailableError extends ReplylintError {
  override name = 'SegmenterUnavailableError';
  constructor(
    readonly segmenter: SegmenterName,
    options?: { cause?: unknown },
  ) {
    super(HINTS[segmenter], 'segmenter-unavailable');
    if (options && 'cause' in options) this.cause = options.cause;
  }
}
