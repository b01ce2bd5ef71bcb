/// <reference types="electron" />
import { IPC_CHANNEL_PREFIX, IPC_EVENT_CHANNEL, methodNames } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { Backend } from '../backend';
import { isAppUrl } from './navigation-guard';

/** The parts of Electron's IpcMainInvokeEvent the bridge reads. */
export interface IpcInvokeEvent {
  readonly senderFrame: Pick<Electron.WebFrameMain, 'url'> | null;
  readonly sender: {
    once(event: 'destroyed', listener: () => void): unknown;
    removeListener(event: 'destroyed', listener: () => void): unknown;
  };
}
export type IpcHandlerRegistry = {
  handle(channel: string, listener: (event: IpcInvokeEvent, input: unknown) => Promise<Result<unknown>>): void;
};

const FORBIDDEN: Result<never> = {
  ok: false,
  error: {
    code: 'FORBIDDEN',
    message: 'This request did not come from the Vipps Explorer window, so it was refused. Restart the app if you see this.',
  },
};

const INTERNAL: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The app failed to answer this request. Try again; restart the app if it keeps happening.' },
};

/** A frame may reach the backend only while it shows the app itself, never a page it navigated to or embeds. */
export function isTrustedSender(frame: Pick<Electron.WebFrameMain, 'url'> | null | undefined): boolean {
  return frame != null && isAppUrl(frame.url);
}

/**
 * One `ipcMain.handle` per contract method, derived from the contract so a new method needs no
 * change here. The backend validates the input; this layer only decides who may call at all.
 * The call is aborted if the window goes away before it finishes.
 */
export function registerContractHandlers(ipcMain: IpcHandlerRegistry, backend: Pick<Backend, 'call'>): string[] {
  const channels = methodNames.map((name) => {
    const channel = IPC_CHANNEL_PREFIX + name;
    ipcMain.handle(channel, async (event, input) => {
      if (!isTrustedSender(event.senderFrame)) return FORBIDDEN;
      const caller = new AbortController();
      const abort = () => caller.abort();
      event.sender.once('destroyed', abort);
      try {
        return await backend.call(name, input, { host: 'electron', signal: caller.signal });
      } catch {
        // The dispatcher answers every failure itself; this is the last resort, so no renderer call can break the bridge.
        return INTERNAL;
      } finally {
        event.sender.removeListener('destroyed', abort);
      }
    });
    return channel;
  });
  return channels;
}

/** The parts of a BrowserWindow the event forwarding uses. */
export interface EventTargetWindow {
  readonly webContents: { send(channel: string, message: unknown): void; isDestroyed(): boolean; getURL(): string };
  once(event: 'closed', listener: () => void): unknown;
}

/**
 * Pushes the contract's events (run progress, collection changes) to a window on one fixed
 * channel, which the preload turns into `window.explorer.subscribe`. Nothing is sent while the
 * window shows anything but the app, and forwarding stops when the window closes.
 */
export function forwardContractEvents(backend: Pick<Backend, 'events'>, window: EventTargetWindow): () => void {
  const unsubscribe = backend.events.subscribe((message) => {
    const contents = window.webContents;
    if (contents.isDestroyed() || !isAppUrl(contents.getURL())) return;
    contents.send(IPC_EVENT_CHANNEL, message);
  });
  window.once('closed', unsubscribe);
  return unsubscribe;
}
