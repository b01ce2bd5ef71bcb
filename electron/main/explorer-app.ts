/// <reference types="electron" />
import path from 'node:path';
import { createBackend, dataDirFromArgs, type Backend, type HostDialogs, type StoreFactory } from '../backend';
import { APP_SCHEME } from '../security/csp';
import { forwardContractEvents, registerContractHandlers } from './ipc-bridge';
import { createMainWindow, focusWindow } from './main-window';
import { createNavigationGuard } from './navigation-guard';
import { denyAllPermissions } from './permission-policy';
import { APP_SCHEME_PRIVILEGES, createRendererProtocolHandler } from './renderer-protocol';
import { openWindowState } from './window-state';

/** The parts of the `electron` module the main process uses; main.ts passes the real module in. */
export type ElectronMain = Pick<
  typeof Electron.CrossProcessExports,
  'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'protocol' | 'screen' | 'session' | 'shell'
>;

export interface ExplorerAppOptions {
  electron: ElectronMain;
  /** electron-store inside Electron; injected so this module never imports it (it imports `electron`). */
  storeFactory: StoreFactory;
  argv: readonly string[];
  /** Folder of the running main bundle: the preload sits beside it, the built renderer in ../renderer. */
  mainDir: string;
  log?: (line: string) => void;
}

export interface ExplorerApp {
  readonly backend: Backend;
  readonly mainWindow: Electron.BrowserWindow | undefined;
}

/** The image step's "Choose file…": the system dialog, attached to the focused window. */
function nativeDialogs(dialog: Electron.Dialog, BrowserWindow: typeof Electron.BrowserWindow): HostDialogs {
  return {
    async pickFile({ title, filters }) {
      const options: Electron.OpenDialogOptions = { title, filters, properties: ['openFile'] };
      const parent = BrowserWindow.getFocusedWindow();
      const answer = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function disposeBackendOnQuit(app: Electron.App, backend: Backend, log: (line: string) => void): void {
  let disposing = false;
  app.on('will-quit', (event) => {
    if (disposing) return;
    disposing = true;
    // Quitting waits for the backend to finish writes and close connections, then resumes.
    event.preventDefault();
    backend
      .dispose()
      .catch((error: unknown) => log(`backend: shutting down failed: ${describe(error)}`))
      .finally(() => app.quit());
  });
}

/**
 * Starts the desktop host. Resolves to undefined when another instance already runs (this
 * one then quits and that one comes to the front).
 */
export async function startExplorerApp(options: ExplorerAppOptions): Promise<ExplorerApp | undefined> {
  const { app, BrowserWindow, dialog, ipcMain, protocol, screen, session, shell } = options.electron;
  const log = options.log ?? ((line: string) => console.error(line));

  const dataDirOverride = dataDirFromArgs(options.argv);
  // Electron keys the single-instance lock and Chromium's profile on userData, so a separate
  // data folder is a separate instance and a test run never collides with the user's app.
  if (dataDirOverride) app.setPath('userData', dataDirOverride);

  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  const guard = createNavigationGuard({ shell, log });
  app.on('web-contents-created', (_event, contents) => {
    guard(contents);
    // Covers webContents on other partitions too, should anything ever create one.
    denyAllPermissions(contents.session);
  });

  let mainWindow: Electron.BrowserWindow | undefined;
  app.on('second-instance', () => focusWindow(mainWindow));

  await app.whenReady();
  const dataDir = dataDirOverride ?? app.getPath('userData');
  const backend = await createBackend({ host: 'electron', dataDir, storeFactory: options.storeFactory, log, dialogs: nativeDialogs(dialog, BrowserWindow) });
  disposeBackendOnQuit(app, backend, log);

  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, createRendererProtocolHandler(path.join(options.mainDir, '..', 'renderer')));
  registerContractHandlers(ipcMain, backend);

  const windowState = openWindowState({ factory: options.storeFactory, dir: dataDir, notices: backend.notices });
  const openMainWindow = () => {
    const window = createMainWindow({
      BrowserWindow,
      screen,
      preload: path.join(options.mainDir, 'preload.cjs'),
      windowState,
      guard,
      log,
    });
    forwardContractEvents(backend, window);
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = undefined;
    });
    mainWindow = window;
  };
  openMainWindow();

  // macOS keeps apps running with no window and reopens one from the Dock.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow) openMainWindow();
  });

  return {
    backend,
    get mainWindow() {
      return mainWindow;
    },
  };
}
