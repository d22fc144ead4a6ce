// Minimal ANSI styling (only the handful of SGR codes stylish and the tables use).
export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export const ansi: Colors = {
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  green: wrap(32, 39),
  dim: wrap(2, 22),
  bold: wrap(1, 22),
  underline: wrap(4, 24),
};

const id = (s: string) => s;
export const plain: Colors = { red: id, yellow: id, green: id, dim: id, bold: id, underline: id };

export function colors(enabled: boolean): Colors {
  return enabled ? ansi : plain;
}

/** Colour when writing to a terminal, unless --no-color or NO_COLOR; FORCE_COLOR forces it. */
export function shouldColor(flag: boolean | undefined, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (flag === false) return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY);
}
