import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openBrowser } from '../../../electron/web/open-browser';
import { tempDir } from '../../helpers/temp';
import { startHostProcess } from '../../helpers/web-host-process';

// The scripts are plain .mjs (run by npm before anything is built); loaded by path so TypeScript does not need their types.
const scripts = path.resolve(import.meta.dirname, '..', '..', '..', 'scripts');
type Availability = { ok: boolean; reason?: string; cached?: boolean };
type ElectronModule = {
  DOWNLOAD_TIMEOUT_MS: number;
  locateElectron(env: NodeJS.ProcessEnv, platform: string, options: Record<string, unknown>): Availability;
};
const electronModule = () => import(path.join(scripts, 'electron-availability.mjs')) as Promise<ElectronModule>;
const devPortModule = () => import(path.join(scripts, 'dev-port.mjs')) as Promise<{ pickDevPort(preferred: number): Promise<{ port: number; note?: string }> }>;

function fakeElectronPackage(): { electronDir: string; cacheFile: string } {
  const dir = tempDir('vx-electron-pkg-');
  const electronDir = path.join(dir, 'electron');
  fs.mkdirSync(electronDir);
  fs.writeFileSync(path.join(electronDir, 'package.json'), JSON.stringify({ version: '45.4.1' }));
  return { electronDir, cacheFile: path.join(dir, 'cache', 'electron-availability.json') };
}

describe('npm start: is Electron available?', () => {
  it('tries the download once with a short timeout, remembers the failure, and tries again only when asked', async () => {
    const { locateElectron, DOWNLOAD_TIMEOUT_MS } = await electronModule();
    expect(DOWNLOAD_TIMEOUT_MS).toBeLessThanOrEqual(30_000);
    const paths = fakeElectronPackage();
    const download = vi.fn(() => ({ status: 1, stderr: 'RequestError: getaddrinfo EAI_AGAIN github.com' }));
    const env = { DISPLAY: ':0' };

    const first = locateElectron(env, 'linux', { ...paths, download });
    expect(first).toMatchObject({ ok: false, reason: expect.stringMatching(/could not be downloaded \(RequestError/) });
    expect(download).toHaveBeenCalledTimes(1);

    const second = locateElectron(env, 'linux', { ...paths, download });
    expect(download).toHaveBeenCalledTimes(1);
    expect(second).toMatchObject({ ok: false, cached: true, reason: expect.stringMatching(/--retry-electron/) });

    locateElectron(env, 'linux', { ...paths, download, recheck: true });
    expect(download).toHaveBeenCalledTimes(2);
  });

  it('says plainly when the download hung until the timeout', async () => {
    const { locateElectron } = await electronModule();
    const paths = fakeElectronPackage();
    const result = locateElectron({}, 'linux', { ...paths, download: () => ({ status: null, signal: 'SIGTERM', error: Object.assign(new Error('spawnSync ETIMEDOUT'), { code: 'ETIMEDOUT' }) }) });
    expect(result.reason).toMatch(/no answer within \d+ s/);
  });

  it('asks again by itself after Electron was reinstalled in another version', async () => {
    const { locateElectron } = await electronModule();
    const paths = fakeElectronPackage();
    const download = vi.fn(() => ({ status: 1, stderr: '' }));
    locateElectron({}, 'linux', { ...paths, download });
    fs.writeFileSync(path.join(paths.electronDir, 'package.json'), JSON.stringify({ version: '46.0.0' }));
    locateElectron({}, 'linux', { ...paths, download });
    expect(download).toHaveBeenCalledTimes(2);
  });
});

describe('npm run dev: the dev renderer’s port', () => {
  it('when the preferred port is taken, picks a free one and says which, instead of printing a URL that points at the other server', async () => {
    const { pickDevPort } = await devPortModule();
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const busy = (squatter.address() as net.AddressInfo).port;
    try {
      const picked = await pickDevPort(busy);
      expect(picked.port).not.toBe(busy);
      expect(picked.note).toContain(`Port ${busy}`);
      expect(picked.note).toContain(String(picked.port));
      // And the picked one is really free.
      const check = net.createServer();
      await new Promise<void>((resolve, reject) => check.once('error', reject).listen(picked.port, '127.0.0.1', resolve));
      await new Promise((resolve) => check.close(resolve));
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('keeps the preferred port when it is free, without a note', async () => {
    const { pickDevPort } = await devPortModule();
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    expect(await pickDevPort(port)).toEqual({ port, note: undefined });
  });
});

describe('the browser host: opening a browser', () => {
  const fakeChild = () => Object.assign(new EventEmitter(), {}) as unknown as import('node:child_process').ChildProcess;

  it('prints a hint when there is no display to open a browser on', async () => {
    const said: string[] = [];
    const opener = vi.fn();
    await openBrowser('http://127.0.0.1:1/#token=x', (line) => said.push(line), opener, {}, 'linux');
    expect(opener).not.toHaveBeenCalled();
    expect(said.join('\n')).toMatch(/No browser could be opened.*Open the URL above/);
  });

  it('prints a hint when the opener fails or exits with an error', async () => {
    for (const failure of ['error', 'exit'] as const) {
      const said: string[] = [];
      const child = fakeChild();
      await openBrowser('http://127.0.0.1:1/', (line) => said.push(line), async () => child, { DISPLAY: ':0' }, 'linux');
      if (failure === 'error') child.emit('error', new Error('spawn xdg-open ENOENT'));
      else child.emit('exit', 3);
      expect(said, failure).toHaveLength(1);
    }
    const said: string[] = [];
    await openBrowser('http://127.0.0.1:1/', (line) => said.push(line), async () => Promise.reject(new Error('no opener')), { DISPLAY: ':0' }, 'linux');
    expect(said).toHaveLength(1);
  });

  it('npm run web without a display prints the URL and a hint to open it by hand, and keeps serving', async () => {
    const host = await startHostProcess({ open: true, env: { DISPLAY: '', WAYLAND_DISPLAY: '' } });
    try {
      await vi.waitFor(() => expect(host.output()).toMatch(/No browser could be opened here\. Open the URL above/), { timeout: 10_000 });
      expect(host.alive()).toBe(true);
    } finally {
      await host.stop();
    }
  }, 60_000);

  it('says nothing when the browser opened', async () => {
    const said: string[] = [];
    const child = fakeChild();
    await openBrowser('http://127.0.0.1:1/', (line) => said.push(line), async () => child, { DISPLAY: ':0' }, 'linux');
    child.emit('exit', 0);
    expect(said).toEqual([]);
  });
});
