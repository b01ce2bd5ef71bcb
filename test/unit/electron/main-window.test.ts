import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootMain, makeTempDir, shutDown, type BootedMain } from './boot-main';
import { ipcEvent } from './fake-electron';

let booted: BootedMain | undefined;
afterEach(async () => {
  await shutDown(booted);
  booted = undefined;
  vi.useRealTimers();
});

function onlyWindow(b: BootedMain) {
  expect(b.fake.BrowserWindow.instances).toHaveLength(1);
  return b.fake.BrowserWindow.instances[0]!;
}

function savedWindowState(dataDir: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(dataDir, 'window-state.json'), 'utf8'));
}

describe('electron/main.ts: the main window', () => {
  it('creates the window sandboxed, context-isolated, without Node, with web security and without <webview>', async () => {
    booted = await bootMain();
    const prefs = onlyWindow(booted).options.webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('loads the preload bundle from beside main.js', async () => {
    booted = await bootMain();
    const preload = onlyWindow(booted).options.webPreferences!.preload as string;
    expect(path.isAbsolute(preload)).toBe(true);
    expect(path.basename(preload)).toBe('preload.cjs');
    expect(path.dirname(preload)).toBe(path.resolve('electron'));
  });

  it('loads the renderer from app://explorer/, never from file://', async () => {
    booted = await bootMain();
    expect(onlyWindow(booted).loadURL).toHaveBeenCalledExactlyOnceWith('app://explorer/');
  });

  it('enables the sandbox for all renderers and registers app: as a privileged standard, secure scheme before the app is ready', async () => {
    booted = await bootMain();
    const { order, app, protocol } = booted.fake;
    expect(app.enableSandbox).toHaveBeenCalledOnce();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    const [scheme] = protocol.registerSchemesAsPrivileged.mock.calls[0]![0] as Array<{ privileges: Record<string, unknown> }>;
    expect(scheme!.privileges.bypassCSP).not.toBe(true);
    expect(order.indexOf('enableSandbox')).toBeLessThan(order.indexOf('whenReady'));
    expect(order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(order.indexOf('whenReady'));
  });

  it('shows the window only once its first frame is ready, so no blank window flashes', async () => {
    booted = await bootMain();
    const window = onlyWindow(booted);
    expect(window.options).toMatchObject({ show: false });
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });
});

describe('electron/main.ts: single instance', () => {
  it('quits without opening a window or registering anything when another instance holds the lock', async () => {
    booted = await bootMain({ lock: false });
    const { app, BrowserWindow, protocol, ipcMain } = booted.fake;
    expect(booted.started).toBeUndefined();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(protocol.handle).not.toHaveBeenCalled();
    expect(ipcMain.handle).not.toHaveBeenCalled();
  });

  it('restores, shows and focuses the existing window when a second instance starts', async () => {
    booted = await bootMain();
    const window = onlyWindow(booted);
    window.minimized = true;
    booted.fake.app.emit('second-instance', {}, ['electron', '.'], '/', {});
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('uses --data-dir as a separate userData folder, so each data folder is its own instance', async () => {
    const dataDir = makeTempDir();
    booted = await bootMain({ argv: ['--data-dir', dataDir] });
    const { app, order } = booted.fake;
    expect(app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(order.indexOf('setPath:userData')).toBeLessThan(order.indexOf('requestSingleInstanceLock'));
    const result = await booted.fake.ipcHandlers.get('explorer:getAppInfo')!(ipcEvent('app://explorer/'), {});
    expect(result).toMatchObject({ ok: true, value: { dataDir } });
  });
});

describe('electron/main.ts: window size and position', () => {
  it('saves the normal bounds and maximised state to window-state.json when the window closes', async () => {
    booted = await bootMain();
    const window = onlyWindow(booted);
    window.bounds = { x: 100, y: 80, width: 1000, height: 700 };
    window.maximized = true;
    window.close();
    expect(savedWindowState(booted.dataDir)).toEqual({
      schemaVersion: 1,
      data: { x: 100, y: 80, width: 1000, height: 700, maximized: true },
    });
  });

  it('saves bounds shortly after the user resizes or moves the window', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    booted = await bootMain();
    const window = onlyWindow(booted);
    window.userSetsBounds({ width: 1111, height: 777 }, 'resize');
    window.userSetsBounds({ x: 42, y: 24 }, 'move');
    vi.advanceTimersByTime(1000);
    expect(savedWindowState(booted.dataDir)).toMatchObject({ data: { x: 42, y: 24, width: 1111, height: 777, maximized: false } });
  });

  it('restores the bounds saved by the previous session, maximising again if it was maximised', async () => {
    const dataDir = makeTempDir();
    const first = await bootMain({ userData: dataDir });
    const firstWindow = onlyWindow(first);
    firstWindow.bounds = { x: 300, y: 200, width: 1024, height: 720 };
    firstWindow.maximized = true;
    firstWindow.close();
    await shutDown(first);

    booted = await bootMain({ userData: dataDir });
    const window = onlyWindow(booted);
    expect(window.options).toMatchObject({ x: 300, y: 200, width: 1024, height: 720 });
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalledOnce();
  });

  it('puts a window saved on a display that is no longer attached back onto the primary display', async () => {
    const dataDir = makeTempDir();
    const twoScreens = [
      { x: 0, y: 0, width: 1920, height: 1080 },
      { x: 1920, y: 0, width: 2560, height: 1440 },
    ];
    const first = await bootMain({ userData: dataDir, displays: twoScreens });
    const firstWindow = onlyWindow(first);
    firstWindow.bounds = { x: 2200, y: 100, width: 2000, height: 1300 };
    firstWindow.close();
    await shutDown(first);

    booted = await bootMain({ userData: dataDir, displays: [twoScreens[0]!] });
    const { options } = onlyWindow(booted);
    expect(options.x).toBeUndefined();
    expect(options.y).toBeUndefined();
    expect(options.width).toBeLessThanOrEqual(1920);
    expect(options.height).toBeLessThanOrEqual(1080);
  });
});

describe('electron/main.ts: startup failure', () => {
  it('shows why it could not start and exits with status 1 when --data-dir has no folder', async () => {
    booted = await bootMain({ argv: ['--data-dir'] });
    const { dialog, app, BrowserWindow } = booted.fake;
    expect(booted.started).toBeUndefined();
    expect(dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith('Vipps Explorer could not start', expect.stringContaining('--data-dir needs a folder'));
    expect(app.exit).toHaveBeenCalledExactlyOnceWith(1);
    expect(BrowserWindow.instances).toHaveLength(0);
  });
});

describe('electron/main.ts: shutdown', () => {
  it('disposes the backend before the app finishes quitting', async () => {
    booted = await bootMain();
    const dispose = vi.spyOn(booted.started!.backend, 'dispose');
    booted.fake.app.quit();
    expect(dispose).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(booted!.fake.order).toContain('quit'));
    expect(booted.fake.app.quit).toHaveBeenCalledTimes(2);
  });
});
