/// <reference types="electron" />
import { APP_ORIGIN } from '../security/csp';
import type { DocumentStore } from '../backend';
import { fitToDisplays, MIN_WINDOW_SIZE, trackWindowState, type WindowState } from './window-state';

export const PRODUCT_TITLE = 'Vipps Explorer';
export const RENDERER_ENTRY_URL = `${APP_ORIGIN}/`;

export interface MainWindowDeps {
  BrowserWindow: typeof Electron.BrowserWindow;
  screen: Pick<Electron.Screen, 'getAllDisplays' | 'getPrimaryDisplay'>;
  preload: string;
  windowState: DocumentStore<WindowState>;
  guard: (contents: Electron.WebContents) => void;
  log: (line: string) => void;
}

export function createMainWindow(deps: MainWindowDeps): Electron.BrowserWindow {
  const saved = deps.windowState.read();
  const workAreas = deps.screen.getAllDisplays().map((display) => display.workArea);
  const bounds = fitToDisplays(saved, workAreas, deps.screen.getPrimaryDisplay().workArea);

  const { BrowserWindow } = deps;
  // The renderer is untrusted (it renders responses from servers the user points it at), so it
  // runs in Chromium's sandbox with context isolation and no Node; its only door out is the
  // contract-shaped `window.explorer` from the preload. Written as one literal inside
  // `new BrowserWindow(...)` so the static security scan can read every option.
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: PRODUCT_TITLE,
    show: false,
    webPreferences: {
      preload: deps.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click opens links in new windows; those are denied anyway, this stops the attempt.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  // web-contents-created already guards it; repeating it here keeps the window safe even if that hook is ever removed.
  deps.guard(window.webContents);
  trackWindowState(window, deps.windowState);

  window.once('ready-to-show', () => {
    if (saved.maximized) window.maximize();
    window.show();
  });
  window.loadURL(RENDERER_ENTRY_URL).catch((error: unknown) => {
    deps.log(`window: the app page did not load: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}

/** Brings the window to the front when the user launches the app a second time. */
export function focusWindow(window: Electron.BrowserWindow | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
