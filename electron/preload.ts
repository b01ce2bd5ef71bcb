import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL_PREFIX, IPC_EVENT_CHANNEL, isEventName, methodNames, type EventName, type ExplorerApi, type ExplorerEvents } from '../shared/contract';

/**
 * `window.explorer`: one function per contract method, each bound to its own channel, plus
 * `subscribe(event, listener)` for the contract's events, which all arrive on one fixed channel.
 * The renderer never gets ipcRenderer or a way to name a channel, so it can reach exactly the
 * methods and events the contract lists and nothing the main process might listen on besides.
 */
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, message: unknown) => {
  if (message === null || typeof message !== 'object') return;
  const { event, payload } = message as { event?: unknown; payload?: unknown };
  if (!isEventName(event)) return;
  for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
});

const subscribe: ExplorerEvents['subscribe'] = (event, listener) => {
  if (!isEventName(event) || typeof listener !== 'function') throw new TypeError('subscribe takes a contract event name and a function.');
  const set = listeners.get(event) ?? new Set();
  listeners.set(event, set);
  const wrapped = listener as (payload: unknown) => void;
  set.add(wrapped);
  return () => {
    set.delete(wrapped);
  };
};

const api = Object.freeze({
  ...Object.fromEntries(methodNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_CHANNEL_PREFIX + name, input)])),
  subscribe,
}) as ExplorerApi & ExplorerEvents;

contextBridge.exposeInMainWorld('explorer', api);
