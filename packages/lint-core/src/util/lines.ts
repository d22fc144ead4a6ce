// Offsets → 1-based line/column (UTF-16 columns, like ESLint). Only used at the edges.
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  if (!text.includes('\r')) return starts;
  // a lone CR (old Mac line endings) ends a line too, as it does for Markdown
  const all: number[] = [0];
  const re = /\r\n?|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) all.push(m.index + m[0].length);
  return all;
}

export function toLineColumn(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}
