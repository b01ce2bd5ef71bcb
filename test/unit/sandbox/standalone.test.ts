import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
const cli = join(repoRoot, 'electron', 'sandbox', 'standalone.ts');

function run(args: string[]): { child: ChildProcess; stdout: () => string; stderr: () => string; exit: Promise<number | null> } {
  const child = spawn(tsx, [cli, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting for the CLI');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('standalone CLI', () => {
  it('prints the base url and the demo keys as name: value lines, serves them, and stops on Ctrl-C', async () => {
    const proc = run(['--port', '0']);
    try {
      await waitFor(() => /^MSN: .+$/m.test(proc.stdout()), 20_000);
      const lines = proc.stdout().trim().split('\n');
      expect(lines.map((l) => l.slice(0, l.indexOf(':')))).toEqual(['base url', 'client_id', 'client_secret', 'subscription key', 'MSN']);
      const value = (name: string) => lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2) ?? '';
      expect(value('base url')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${value('base url')}/accesstoken/get`, {
        method: 'POST',
        headers: { client_id: value('client_id'), client_secret: value('client_secret'), 'Ocp-Apim-Subscription-Key': value('subscription key'), 'Merchant-Serial-Number': value('MSN') },
      });
      expect(res.status).toBe(200);
      proc.child.kill('SIGINT');
      expect(await proc.exit).toBe(0);
    } finally {
      proc.child.kill('SIGKILL');
    }
  }, 30_000);

  it('exits 1 with a clear message when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const proc = run(['--port', String(port)]);
      expect(await proc.exit).toBe(1);
      expect(proc.stderr()).toContain(`Port ${port} is already in use`);
      expect(proc.stdout()).toBe('');
    } finally {
      blocker.close();
    }
  }, 30_000);

  it('exits 2 with usage for an unknown flag or a bad port', async () => {
    const bogus = run(['--bogus']);
    expect(await bogus.exit).toBe(2);
    expect(bogus.stderr()).toMatch(/Unknown option '--bogus'[\s\S]*Usage:/);
    const badPort = run(['--port', 'eighty']);
    expect(await badPort.exit).toBe(2);
    expect(badPort.stderr()).toContain('--port must be a whole number');
  }, 30_000);
});
