import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { RPC_TOKEN_HEADER } from '../../shared/contract';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export interface SpawnedHost {
  child: ChildProcess;
  url: string;
  origin: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Runs an npm script that starts the browser host and waits for the URL it prints. */
export function spawnHost(script: 'web' | 'start', args: string[], env: NodeJS.ProcessEnv = {}): Promise<SpawnedHost> {
  const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (out += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (out += text));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
    await processGroupGone(child.pid!);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`npm run ${script} printed no URL within 90 s. Output:\n${out}`));
    }, 90_000);
    const check = () => {
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=[A-Za-z0-9_-]+/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[0], origin: match[1]!, output: () => out, stop });
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run ${script} exited with ${code} before printing a URL. Output:\n${out}`));
    });
  });
}

/**
 * npm exits before the host it started has finished shutting down (closing files in the data
 * folder); wait for the whole process group, so the test's temp folders can be removed.
 */
export async function processGroupGone(pid: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    if (Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export type HostAnswer<V> = { ok: true; value: V } | { ok: false; error: { code: string; message: string } };

/** One contract call to a spawned browser host, as its page would make it (with the launch token). */
export async function callHost<V = Record<string, unknown>>(host: SpawnedHost, method: string, input: unknown): Promise<HostAnswer<V>> {
  const token = /#token=([A-Za-z0-9_-]+)/.exec(host.url)![1]!;
  const response = await fetch(`${host.origin}/rpc/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [RPC_TOKEN_HEADER]: token },
    body: JSON.stringify({ input }),
  });
  return (await response.json()) as HostAnswer<V>;
}
