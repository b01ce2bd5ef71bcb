import fs from 'node:fs';
import { DEMO_SALES_UNIT } from '../sandbox/index';
import { createAppHandlers } from './app-handlers';
import { createFileHandlers, type HostDialogs } from './files/image-file';
import { dispatch, type CallContext, type Handlers, type Logger } from './dispatch';
import type { StoreFactory } from './store/document-store';
import { NoticeBoard } from './store/notices';
import { RequestEngine } from './engine/request-engine';
import { createRequestHandlers } from './engine/request-handlers';
import { responseTempDir } from './engine/response-bodies';
import { createHistoryHandlers } from './history/history-handlers';
import { HistoryStore, type HistoryLimits } from './history/history-store';
import { openEmbeddedSandbox, type SandboxChoice } from './profiles/embedded-sandbox';
import { openProfilesDocument, SANDBOX_PROFILE_ID } from './profiles/profile-document';
import { createProfileHandlers } from './profiles/profile-handlers';
import { createQuickStartHandlers } from './quickstart/quickstart-handlers';
import { createSandboxHandlers } from './sandbox/sandbox-handlers';
import { ProfileService } from './profiles/profile-service';
import type { KeychainAdapter } from './vault/keychain-adapter';
import { SecretVault } from './vault/secret-vault';

export interface BackendOptions {
  host: CallContext['host'];
  dataDir: string;
  /** electron-store inside Electron, conf elsewhere: chosen by the host, never here. */
  storeFactory: StoreFactory;
  log?: Logger;
  /** The host's native dialogs (the Electron window has them; the browser host does not). */
  dialogs?: HostDialogs;
  /** Replaces the OS keychain (tests pass an in-memory one); otherwise keytar is loaded lazily. */
  keychain?: KeychainAdapter;
  /** Start the embedded sandbox (default), use one already running, or run without it (false). */
  sandbox?: SandboxChoice;
  /** The request engine's knobs: large-body threshold, temp folder, history bounds, clock. */
  requests?: {
    spoolThresholdBytes?: number;
    tempDir?: string;
    history?: Partial<HistoryLimits>;
    now?: () => number;
  };
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

  const sandbox = await openEmbeddedSandbox(options.sandbox, options.dataDir);
  disposers.push(() => sandbox.close());
  const demoKeys = sandbox.running?.demoKeys ?? DEMO_SALES_UNIT;
  const vault = new SecretVault(options.keychain ? { keychain: options.keychain } : {});
  // The demo keys are public and only open the local sandbox: kept in memory, never in a file or the keychain.
  vault.preset(SANDBOX_PROFILE_ID, { client_id: demoKeys.clientId, client_secret: demoKeys.clientSecret, subscription_key: demoKeys.subscriptionKey });
  const history = new HistoryStore({ factory: options.storeFactory, dir: options.dataDir, notices, limits: options.requests?.history });
  disposers.push(() => history.close());
  const profiles = new ProfileService({
    store: openProfilesDocument({ factory: options.storeFactory, dir: options.dataDir, notices, sandboxMsn: demoKeys.msn }),
    vault,
    sandboxBaseUrl: () => sandbox.running?.baseUrl,
    // Called only after construction, once the engine below exists.
    onCredentialsChanged: (profileId) => engine.tokens.forget(profileId),
  });
  const engine = new RequestEngine({
    profiles,
    history,
    tempDir: options.requests?.tempDir ?? responseTempDir(options.dataDir),
    spoolThresholdBytes: options.requests?.spoolThresholdBytes,
    now: options.requests?.now,
  });
  disposers.push(() => engine.dispose());
  await announceKeychainProblem(vault, notices);
  const activeEnvironment = () => profiles.activeEnvironment();

  const handlers: Handlers = {
    ...createAppHandlers({
      host: options.host,
      dataDir: options.dataDir,
      storeFactory: options.storeFactory,
      notices,
      activeEnvironment,
      nativeFileDialog: options.dialogs !== undefined,
    }),
    ...createFileHandlers(options.dialogs),
    ...createProfileHandlers({ profiles, vault, tokens: engine.tokens }),
    ...createRequestHandlers(engine),
    ...createHistoryHandlers(history),
    ...createQuickStartHandlers({ storeFactory: options.storeFactory, dataDir: options.dataDir, notices }),
    ...createSandboxHandlers(sandbox.running),
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

/**
 * Tells the user at startup when keys cannot be kept safely. A keyring that is asking for its
 * password may take a while; the notice then appears as soon as the answer is known.
 */
async function announceKeychainProblem(vault: SecretVault, notices: NoticeBoard): Promise<void> {
  const announce = (status: Awaited<ReturnType<SecretVault['status']>>) => {
    if (status.state === 'unavailable') notices.add('warning', status.message);
  };
  const check = vault.status().then(announce, () => undefined);
  await Promise.race([check, new Promise((resolve) => setTimeout(resolve, 3_000).unref())]);
}

// What the hosts need besides createBackend, so that they import the backend's index only.
export { APP } from './app-info';
export { DATA_DIR_ENV, defaultDataDir } from './data-dir';
export { confStoreFactory } from './store/conf-factory';
export { MemoryKeychain } from './vault/memory-keychain';
export { SANDBOX_PROFILE_ID } from './profiles/profile-document';
export { startSandbox, INSPECTOR_PREFIX, DEMO_SALES_UNIT, type RunningSandbox, type SandboxConfigInput } from '../sandbox/index';
