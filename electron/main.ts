import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, screen, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import { keepProcessAlive, PRIVATE_FILE_MODE, type StoreFactory } from './backend';
import { startExplorerApp } from './main/explorer-app';

// One failing handler must not take every window down with the main process.
keepProcessAlive((line) => console.error(line), 'main process');

const electronStoreFactory: StoreFactory = ({ cwd, name }) => new ElectronStore<Record<string, unknown>>({ cwd, name, configFileMode: PRIVATE_FILE_MODE });

/**
 * Entry of the desktop host (bundled to dist/electron/main.js). Everything testable lives in
 * electron/main/ and receives the Electron objects from here, the only main-process module
 * that imports `electron`.
 */
export const explorerApp = startExplorerApp({
  electron: { app, BrowserWindow, dialog, ipcMain, protocol, screen, session, shell },
  storeFactory: electronStoreFactory,
  argv: process.argv,
  mainDir: path.dirname(fileURLToPath(import.meta.url)),
}).catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`Vipps Explorer could not start: ${reason}`);
  // Started from a desktop icon there is no terminal, so the reason must appear on screen.
  dialog.showErrorBox('Vipps Explorer could not start', `${reason}\n\nFix the problem above and start the app again.`);
  app.exit(1);
  return undefined;
});
