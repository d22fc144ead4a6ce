// `--time-budget <毫秒>` of check, batch and serve: how long one reply may take to check.
import { InvalidArgumentError, Option } from 'commander';

export function parseTimeBudget(value: string): number {
  const v = value.trim();
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError('应为不小于 0 的整数毫秒数（0 表示不限），如 10000');
  return Number(v);
}

export function timeBudgetOption(defaultText: string): Option {
  return new Option('--time-budget <毫秒>', `每份答复的检查时限，超时的答复报 internal-error（退出码 2），其余照常检查；0 表示不限（默认：配置项 timeBudget，否则 ${defaultText}）`).argParser(parseTimeBudget);
}
