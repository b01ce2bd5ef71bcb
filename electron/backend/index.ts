import fs from 'node:fs';
import type { ActiveEnvironment } from '../../shared/contract';
import { createAppHandlers } from './app-handlers';
import { dispatch, type CallContext, type Handlers, type Logger } from './dispatch';
import type { StoreFactory } from './store/document-store';
import { NoticeBoard } from './store/notices';

export interface BackendOptions {
  host: CallContext['host'];
  dataDir: string;
  /** electron-store inside Electron, conf elsewhere: chosen by the host, never here. */
  storeFactory: StoreFactory;
  log?: Logger;
}

export interface Backend {
  readonly handlers: Handlers;
  readonly notices: NoticeBoard;
  call(method: string, input: unknown, ctx?: Partial<CallContext>): ReturnType<typeof dispatch>;
  dispose(): Promise<void>;
}

/**
 * Builds the backend every host shares (Electron window, browser host, CLI, tests). Each
 * domain contributes its handlers; this function only wires them together.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const log = options.log ?? (() => {});
  const notices = new NoticeBoard();
  const disposers: Array<() => Promise<void> | void> = [];

  const activeEnvironment = (): ActiveEnvironment => ({
    profileId: 'sandbox',
    profileName: 'Sandbox',
    kind: 'sandbox',
    baseUrl: 'embedded',
  });

  const handlers: Handlers = {
    ...createAppHandlers({ host: options.host, dataDir: options.dataDir, storeFactory: options.storeFactory, notices, activeEnvironment }),
  };

  return {
    handlers,
    notices,
    call: (method, input, ctx) => dispatch(handlers, method, input, { host: options.host, ...ctx }, log),
    async dispose() {
      for (const dispose of disposers.reverse()) await dispose();
    },
  };
}
