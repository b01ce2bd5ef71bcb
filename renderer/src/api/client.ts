import { methodNames, RPC_PATH_PREFIX, RPC_TOKEN_HEADER, type ExplorerApi, type ExplorerEvents, type MethodName } from '../../../shared/contract';
import type { ExplorerError, Result } from '../../../shared/errors';
import { createHttpEvents } from './event-stream';

/** The contract's methods and its events, whichever host serves them. */
export type ExplorerClient = ExplorerApi & ExplorerEvents;

declare global {
  interface Window {
    /** Present only inside Electron, exposed by the preload through contextBridge. */
    explorer?: ExplorerClient;
  }
}

const TOKEN_KEY = 'vipps-explorer.launch-token';

/**
 * The browser host puts its launch token in the URL fragment. Keep it for this tab (so a
 * reload still works) and take it out of the address bar so it is not shared by accident.
 */
export function takeLaunchToken(loc: Location = window.location, storage: Storage = window.sessionStorage): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(loc.hash);
  if (match?.[1]) {
    storage.setItem(TOKEN_KEY, match[1]);
    window.history.replaceState(null, '', loc.pathname + loc.search);
  }
  return storage.getItem(TOKEN_KEY);
}

function transportError(code: ExplorerError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** The HTTP bridge to the browser host: one POST /rpc/<method> per call, and GET /events, with the launch token. */
export function createHttpClient(token: string | null, fetchImpl: typeof fetch = (...args) => fetch(...args)): ExplorerClient {
  const call = async (name: MethodName, input: unknown): Promise<Result<unknown>> => {
    if (!token) {
      return transportError('FORBIDDEN', 'This page has no launch token. Open the full URL that `npm run web` printed (it ends with #token=…).');
    }
    let response: Response;
    try {
      response = await fetchImpl(`${RPC_PATH_PREFIX}${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [RPC_TOKEN_HEADER]: token },
        body: JSON.stringify({ input }),
      });
    } catch {
      return transportError('NETWORK', 'The browser host is not answering. Check that `npm run web` is still running, then try again.');
    }
    if (response.status === 403) {
      return transportError('FORBIDDEN', 'The browser host refused this page. Open the URL it printed at start-up; a restart creates a new launch token.');
    }
    try {
      return (await response.json()) as Result<unknown>;
    } catch {
      return transportError('INTERNAL', `The browser host sent an unreadable answer (HTTP ${response.status}).`);
    }
  };
  const api = Object.fromEntries(methodNames.map((name) => [name, (input: unknown) => call(name, input)])) as unknown as ExplorerApi;
  return Object.assign(api, createHttpEvents(token, fetchImpl));
}

export function createExplorerClient(): ExplorerClient {
  return window.explorer ?? createHttpClient(takeLaunchToken());
}
