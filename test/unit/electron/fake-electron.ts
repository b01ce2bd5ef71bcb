import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A recording stand-in for the `electron` module: Electron's binary cannot be downloaded
 * here, and the behaviour under test is which options and handlers main.ts and preload.ts
 * hand to Electron, not Chromium's enforcement of them.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent<T extends object>(details?: T): FakeEvent & T {
  const event = Object.assign(
    {
      defaultPrevented: false,
      preventDefault() {
        event.defaultPrevented = true;
      },
    },
    details,
  );
  return event as FakeEvent & T;
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: PermissionCheckHandler | undefined;
  setPermissionRequestHandler = vi.fn((handler: PermissionRequestHandler) => {
    this.permissionRequestHandler = handler;
  });
  setPermissionCheckHandler = vi.fn((handler: PermissionCheckHandler) => {
    this.permissionCheckHandler = handler;
  });
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });

  constructor(readonly session: FakeSession) {
    super();
  }

  /** Fires a navigation event the way Electron 45 does (URL on the event, legacy positional args after); true when prevented. */
  navigate(kind: 'will-navigate' | 'will-redirect', url: string): boolean {
    const event = fakeEvent({ url, isMainFrame: true, isSameDocument: false });
    this.emit(kind, event, url, false, true);
    return event.defaultPrevented;
  }

  attachWebview(src: string): boolean {
    const event = fakeEvent();
    this.emit('will-attach-webview', event, { nodeIntegration: false }, { src });
    return event.defaultPrevented;
  }

  openWindow(url: string): { action: string } | undefined {
    return this.windowOpenHandler?.({ url });
  }
}

export interface FakeElectronOptions {
  userData: string;
  /** Whether this process gets the single-instance lock. */
  lock?: boolean;
  /** Work areas of the attached displays; the first is the primary one. */
  displays?: Rect[];
}

export function createFakeElectron(options: FakeElectronOptions) {
  const order: string[] = [];
  const paths: Record<string, string> = { userData: options.userData };
  const displays = options.displays ?? [{ x: 0, y: 0, width: 1920, height: 1080 }];
  const defaultSession = new FakeSession();

  const app = Object.assign(new EventEmitter(), {
    enableSandbox: vi.fn(() => void order.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => {
      order.push('requestSingleInstanceLock');
      return options.lock ?? true;
    }),
    whenReady: vi.fn(() => {
      order.push('whenReady');
      return Promise.resolve();
    }),
    quit: vi.fn(() => {
      const event = fakeEvent();
      app.emit('will-quit', event);
      if (!event.defaultPrevented) order.push('quit');
    }),
    exit: vi.fn(),
    getPath: vi.fn((name: string) => paths[name] ?? `/fake/${name}`),
    setPath: vi.fn((name: string, value: string) => {
      order.push(`setPath:${name}`);
      paths[name] = value;
    }),
    getVersion: () => '0.0.0-test',
  });

  class BrowserWindow extends EventEmitter {
    static instances: BrowserWindow[] = [];
    static getFocusedWindow(): BrowserWindow | null {
      return BrowserWindow.instances.find((window) => !window.destroyed) ?? null;
    }
    readonly webContents = new FakeWebContents(defaultSession);
    bounds: Rect;
    maximized = false;
    minimized = false;
    destroyed = false;
    loadURL = vi.fn(async (_url: string) => {});
    maximize = vi.fn(() => void (this.maximized = true));
    restore = vi.fn(() => void (this.minimized = false));
    show = vi.fn();
    focus = vi.fn();

    constructor(readonly options: { x?: number; y?: number; width: number; height: number; webPreferences?: Record<string, unknown> }) {
      super();
      const primary = displays[0]!;
      this.bounds = {
        x: options.x ?? primary.x + Math.round((primary.width - options.width) / 2),
        y: options.y ?? primary.y + Math.round((primary.height - options.height) / 2),
        width: options.width,
        height: options.height,
      };
      app.emit('web-contents-created', fakeEvent(), this.webContents);
      BrowserWindow.instances.push(this);
    }

    getNormalBounds(): Rect {
      return { ...this.bounds };
    }
    isMaximized() {
      return this.maximized;
    }
    isMinimized() {
      return this.minimized;
    }
    isDestroyed() {
      return this.destroyed;
    }
    /** What the user does by dragging the window's edges or title bar. */
    userSetsBounds(bounds: Partial<Rect>, event: 'resize' | 'move') {
      this.bounds = { ...this.bounds, ...bounds };
      this.emit(event);
    }
    close() {
      this.emit('close', fakeEvent());
      this.destroyed = true;
      this.emit('closed');
    }
  }

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged: vi.fn((_schemes: unknown[]) => void order.push('registerSchemesAsPrivileged')),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
      protocolHandlers.set(scheme, handler);
    }),
  };

  const ipcHandlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: (event: unknown, input: unknown) => Promise<unknown>) => {
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, listener);
    }),
    on: vi.fn(),
  };

  const shell = { openExternal: vi.fn(async (_url: string) => {}) };
  const screen = {
    getAllDisplays: () => displays.map((workArea) => ({ workArea, bounds: workArea })),
    getPrimaryDisplay: () => ({ workArea: displays[0]!, bounds: displays[0]! }),
  };
  const session = { defaultSession };
  const dialog = {
    showErrorBox: vi.fn((_title: string, _content: string) => {}),
    // Tests set the next answer; the default is a closed dialog.
    nextOpenDialogPaths: [] as string[],
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: dialog.nextOpenDialogPaths.length === 0, filePaths: dialog.nextOpenDialogPaths })),
  };
  const contextBridge = { exposeInMainWorld: vi.fn() };
  const ipcRenderer = { invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: {} })), on: vi.fn((_channel: string, _listener: (...args: unknown[]) => void) => ipcRenderer) };

  return { order, app, BrowserWindow, protocol, protocolHandlers, ipcMain, ipcHandlers, shell, screen, session, dialog, contextBridge, ipcRenderer };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** The shape `vi.doMock('electron', …)` needs: named exports plus a default, as Electron's CJS module offers. */
export function asElectronModule(fake: FakeElectron) {
  const { app, BrowserWindow, protocol, ipcMain, shell, screen, session, dialog, contextBridge, ipcRenderer } = fake;
  const exports = { app, BrowserWindow, protocol, ipcMain, shell, screen, session, dialog, contextBridge, ipcRenderer };
  return { ...exports, default: exports };
}

/** An IPC event as Electron delivers it to `ipcMain.handle` listeners. */
export function ipcEvent(frameUrl: string | null) {
  const sender = new EventEmitter();
  return { sender, senderFrame: frameUrl === null ? null : { url: frameUrl } };
}
