// Which column of an export holds what: by the headers real exports use (SPEC §6 Batch), or as
// given with --text-column and friends. A header matches when it equals a synonym after trimming
// spaces and full-width characters; English keys (a JSONL export's) count too.

export type ColumnRole = 'text' | 'id' | 'unit' | 'type' | 'request' | 'dispatched' | 'replied';

export const ROLE_NAMES: Record<ColumnRole, string> = {
  text: '答复内容',
  id: '工单编号',
  unit: '承办单位',
  type: '诉求类型',
  request: '诉求内容',
  dispatched: '派单时间',
  replied: '答复时间',
};

/** Header synonyms, most specific first. */
export const SYNONYMS: Record<ColumnRole, readonly string[]> = {
  text: ['答复内容', '答复意见', '回复内容', '回复意见', '办理结果', '处理结果', '答复', 'reply', 'text'],
  id: ['工单编号', '工单号', '留言编号', '编号', '事件编号', 'id'],
  unit: ['承办单位', '办理单位', '责任单位', '处置单位', '答复单位', 'unit'],
  type: ['诉求类型', '工单类型', '来电类型', '类型', 'type'],
  request: ['诉求内容', '留言详情', '来电内容', '工单内容', '留言内容', 'request'],
  dispatched: ['派单时间', '受理时间', '留言时间', '登记时间', 'dispatchedAt', 'askedAt'],
  replied: ['答复时间', '办结时间', '回复时间', 'repliedAt'],
};

export type ColumnMap = Partial<Record<ColumnRole, string>>;

/** NFKC-like folding for headers: full-width letters and digits, spaces, BOM. */
export function foldHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
}

export class ColumnError extends Error {
  override name = 'ColumnError';
}

/**
 * The column for each role: from `given` (a header as written, or a 1-based column number), else
 * by synonyms. The reply text column is required.
 */
export function mapColumns(headers: readonly string[], given: ColumnMap): ColumnMap {
  const folded = headers.map(foldHeader);
  const out: ColumnMap = {};
  const taken = new Set<string>();
  for (const role of Object.keys(ROLE_NAMES) as ColumnRole[]) {
    const want = given[role];
    if (want !== undefined) {
      const byNumber = /^\d+$/.test(want) ? headers[Number(want) - 1] : undefined;
      const i = byNumber !== undefined ? Number(want) - 1 : folded.indexOf(foldHeader(want));
      if (i < 0 || i >= headers.length) {
        throw new ColumnError(`--${role}-column：找不到列「${want}」；表头为：${headers.join('、')}`);
      }
      out[role] = headers[i]!;
      taken.add(headers[i]!);
      continue;
    }
    for (const syn of SYNONYMS[role]) {
      const i = folded.indexOf(foldHeader(syn));
      if (i >= 0 && !taken.has(headers[i]!)) {
        out[role] = headers[i]!;
        taken.add(headers[i]!);
        break;
      }
    }
  }
  if (!out.text) {
    throw new ColumnError(`找不到答复内容所在的列（表头应为 ${SYNONYMS.text.slice(0, 5).join('、')} 之一）；表头为：${headers.join('、')}。请用 --text-column 指定，如 --text-column 答复意见`);
  }
  return out;
}

/** `答复内容 ← 答复意见、工单编号 ← 留言编号…`: what the summary says it took. */
export function describeColumns(map: ColumnMap): string {
  return (Object.keys(ROLE_NAMES) as ColumnRole[])
    .filter((r) => map[r] !== undefined)
    .map((r) => `${ROLE_NAMES[r]} ← ${map[r]}`)
    .join('，');
}
