import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { processGroupGone, repoRoot } from '../../helpers/spawn-host';
import { tempDir } from '../../helpers/temp';

describe('npm run dev', () => {
  it('with the dev port taken by another program prints a URL that reaches the dev renderer, not that program', async () => {
    const squatter = http.createServer((_req, res) => res.end('another program'));
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const busy = (squatter.address() as AddressInfo).port;
    const child = spawn('npm', ['run', '--silent', 'dev', '--', '--data-dir', tempDir('vx-sys-dev-')], {
      cwd: repoRoot,
      env: { ...process.env, VIPPS_EXPLORER_DEV_PORT: String(busy) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (text: string) => (out += text));
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (out += text));
    try {
      const printed = () => /Dev renderer: (http:\/\/127\.0\.0\.1:\d+\/)#token=/.exec(out)?.[1];
      await expect.poll(printed, { timeout: 90_000, interval: 200 }).toBeDefined();
      const url = printed()!;
      expect(new URL(url).port).not.toBe(String(busy));
      expect(out).toContain(`Port ${busy} on 127.0.0.1 is already in use`);
      // Vite needs a moment after the line is printed.
      await expect
        .poll(async () => fetch(url).then((r) => r.text()).catch(() => ''), { timeout: 30_000, interval: 250 })
        .toContain('/@vite/client');
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(-child.pid!, 'SIGTERM');
        await exited;
        // The browser host and Vite are grandchildren: wait until the whole process group is gone.
        await processGroupGone(child.pid!);
      }
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
