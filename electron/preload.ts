import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL_PREFIX, methodNames, type ExplorerApi } from '../shared/contract';

/**
 * `window.explorer`: one function per contract method, each bound to its own channel. The
 * renderer never gets ipcRenderer or a way to name a channel, so it can reach exactly the
 * methods the contract lists and nothing the main process might listen on besides.
 */
const api = Object.freeze(
  Object.fromEntries(
    methodNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_CHANNEL_PREFIX + name, input)]),
  ),
) as ExplorerApi;

contextBridge.exposeInMainWorld('explorer', api);
