import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { RPC_TOKEN_HEADER } from '../../shared/contract';
import { processGroupGone } from './spawn-host';
import { tempDir } from './temp';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export interface HostProcess {
  child: ChildProcess;
  port: number;
  origin: string;
  token: string;
  output(): string;
  alive(): boolean;
  /** An RPC call as the page makes it; the raw answer. */
  rpc(method: string, body: string): Promise<{ status: number; text: string }>;
  stop(): Promise<void>;
}

/**
 * The browser host as its own process, run from source (electron/web.ts through tsx), so a test
 * can show that no request stops it: the process is still there afterwards.
 */
export async function startHostProcess(options: { open?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<HostProcess> {
  const dataDir = tempDir('vx-hostproc-data-');
  const staticDir = tempDir('vx-hostproc-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>fixture</title>');
  const child = spawn(process.execPath, [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), path.join(repoRoot, 'electron/web.ts'), ...(options.open ? [] : ['--no-open']), '--data-dir', dataDir, '--static-dir', staticDir], {
    cwd: repoRoot,
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // tsx runs the host in a child of its own: the whole group is stopped, and waited for.
    detached: true,
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (out += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (out += text));
  const printed = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host printed no URL within 60 s:\n${out}`)), 60_000);
    const check = () => {
      const match = /(http:\/\/127\.0\.0\.1:(\d+))\/#token=([A-Za-z0-9_-]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited with ${code} before printing a URL:\n${out}`));
    });
  });
  const origin = printed[1]!;
  const token = printed[3]!;
  return {
    child,
    port: Number(printed[2]),
    origin,
    token,
    output: () => out,
    alive: () => child.exitCode === null && child.signalCode === null,
    async rpc(method, body) {
      const response = await fetch(`${origin}/rpc/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', [RPC_TOKEN_HEADER]: token }, body });
      return { status: response.status, text: await response.text() };
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        process.kill(-child.pid!, 'SIGTERM');
        await exited;
      }
      await processGroupGone(child.pid!);
    },
  };
}
