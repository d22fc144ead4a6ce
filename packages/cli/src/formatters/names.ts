// Output format names (kept apart from the formatters so option parsing stays cheap).
export const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];

export function isFormatName(s: string): s is FormatName {
  return (FORMATS as readonly string[]).includes(s);
}
