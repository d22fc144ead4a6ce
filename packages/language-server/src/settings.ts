// The server's settings (`replylint.*` in the editor), read from the client and checked field by
// field: a wrong value falls back to its default and is reported once, never a crash.
export interface HandlerSettings {
  name?: string;
  unit?: string;
  phone?: string;
}

export interface Settings {
  /** Profile for every reply (overrides front matter and .replylintrc.yaml extends). */
  profile?: string;
  /** A .replylintrc.yaml to use instead of discovering one upward from the reply. */
  configPath?: string;
  /** The handler's signature, for the template and the "insert signature" fix. */
  handler: HandlerSettings;
  /** Languages the server checks. */
  languages: string[];
  /** Delay after the last keystroke before checking (ms). */
  debounce: number;
}

export const DEFAULT_SETTINGS: Settings = { handler: {}, languages: ['markdown', 'plaintext'], debounce: 200 };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** Settings from the client's `replylint` section; `problems` names each value that was ignored. */
export function readSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const settings: Settings = { ...DEFAULT_SETTINGS, handler: {} };
  const profile = str(o.profile);
  if (profile) settings.profile = profile;
  const configPath = str(o.configPath);
  if (configPath) settings.configPath = configPath;
  const h = o.handler && typeof o.handler === 'object' ? (o.handler as Record<string, unknown>) : {};
  for (const k of ['name', 'unit', 'phone'] as const) {
    const v = str(h[k]) ?? (typeof h[k] === 'number' ? String(h[k]) : undefined);
    if (v) settings.handler[k] = v;
  }
  if (o.languages !== undefined) {
    if (Array.isArray(o.languages) && o.languages.every((x) => typeof x === 'string')) settings.languages = o.languages as string[];
    else problems.push('replylint.languages 应为语言 id 的列表，如 ["markdown", "plaintext"]，已按默认值处理');
  }
  if (o.debounce !== undefined) {
    if (typeof o.debounce === 'number' && o.debounce >= 0 && o.debounce <= 5000) settings.debounce = o.debounce;
    else problems.push('replylint.debounce 应为 0 到 5000 之间的毫秒数，已按默认值 200 处理');
  }
  return { settings, problems };
}
