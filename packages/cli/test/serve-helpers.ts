// Starts the BUILT CLI's `replylint serve --port 0` as a real process and finds its port from the
// start line on stderr.
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN, REPO_ROOT } from './helpers.js';

export interface Served {
  url: string;
  proc: ChildProcess;
  /** Everything the service wrote to stderr so far. */
  stderr(): string;
  /** SIGTERM and wait for exit; resolves to the exit code. */
  stop(): Promise<number | null>;
}

export async function startServe(args: string[] = [], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<Served> {
  const env = { ...process.env, NO_COLOR: '1', REPLYLINT_TOKEN: '', REPLYLINT_WORKERS: '', ...opts.env };
  const proc = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { cwd: opts.cwd ?? REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.setEncoding('utf8');
  proc.stderr!.on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 60 s: ${err}`)), 60_000);
    const look = () => {
      const m = /服务已启动：http:\/\/[^\s]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    proc.stderr!.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${err}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    proc,
    stderr: () => err,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null && !proc.killed) proc.kill('SIGTERM');
      return exited;
    },
  };
}

export interface Answer {
  status: number;
  type: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

export async function call(url: string, init: { method?: string; body?: string | Uint8Array; type?: string; token?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = init.type ?? 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(url, { method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'), headers, ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : new Blob([init.body as Uint8Array<ArrayBuffer>]) } : {}) });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', body, text };
}

export const post = (url: string, body: unknown, token?: string): Promise<Answer> => call(url, { body: JSON.stringify(body), ...(token ? { token } : {}) });
