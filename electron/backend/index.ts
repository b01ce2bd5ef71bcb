import path from 'node:path';
import { DEMO_SALES_UNIT } from '../sandbox/index';
import { createAppHandlers } from './app-handlers';
import { createCollectionHandlers } from './collections/collection-handlers';
import { CollectionRegistry } from './collections/collection-registry';
import { CollectionStore, type BuiltInCollection } from './collections/collection-store';
import { ItemOperations } from './collections/item-operations';
import { EventBus } from './events/event-bus';
import { Runner } from './runner/runner';
import { createInteropHandlers } from './interop/interop-handlers';
import { createScriptHooks } from './scripts/script-hooks';
import { ScriptSandbox, type ScriptSandboxOptions } from './scripts/script-sandbox';
import { createRunnerHandlers } from './runner/runner-handlers';
import type { SourceExtras } from './runner/run-source';
import { createFileHandlers, type HostDialogs } from './files/image-file';
import { dispatch, type CallContext, type Handlers, type Logger } from './dispatch';
import { ensurePrivateDir, type StoreFactory } from './store/document-store';
import { NoticeBoard } from './store/notices';
import { RequestEngine } from './engine/request-engine';
import { createRequestHandlers } from './engine/request-handlers';
import { createHistoryHandlers } from './history/history-handlers';
import { HistoryStore, type HistoryLimits } from './history/history-store';
import { openEmbeddedSandbox, type SandboxChoice } from './profiles/embedded-sandbox';
import { openProfilesDocument, SANDBOX_PROFILE_ID } from './profiles/profile-document';
import { createProfileHandlers } from './profiles/profile-handlers';
import { createQuickStartCollection } from './quickstart/quickstart-collection';
import { openQuickStartDocument } from './quickstart/quickstart-document';
import { createQuickStartHandlers } from './quickstart/quickstart-handlers';
import { createSandboxHandlers } from './sandbox/sandbox-handlers';
import { ProfileService } from './profiles/profile-service';
import type { KeychainAdapter } from './vault/keychain-adapter';
import { SecretVault } from './vault/secret-vault';
import { createWorkspaceHandlers } from './workspace/workspace-handlers';
import { KnownPayments } from './orders/known-payments';
import { createOrderHandlers } from './orders/order-handlers';

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
  /** Where test/production profiles send instead of Vipps' hosts (tests only; see environment-override.ts). */
  environmentBaseUrls?: { production?: string };
  /** The script sandbox's limits (time per script, memory of its process). */
  scripts?: ScriptSandboxOptions;
  /** A script sandbox made before the backend (the CLI starts its process first); the backend owns and disposes of it. */
  scriptSandbox?: ScriptSandbox;
  /** The request engine's knobs: large-body threshold, temp folder, history bounds, clock. */
  requests?: {
    spoolThresholdBytes?: number;
    /** The most a multipart or binary body may weigh (default 50 MB). */
    uploadLimitBytes?: number;
    /** Where the private temp folder for large bodies is made (default: the system's temp folder). */
    tempRoot?: string;
    history?: Partial<HistoryLimits>;
    now?: () => number;
  };
}

export interface Backend {
  readonly handlers: Handlers;
  readonly notices: NoticeBoard;
  /** Pushed events (run progress, collection changes); the hosts forward them, the CLI and tests listen. */
  readonly events: EventBus;
  /** The runner itself, for in-process callers (the CLI waits on runs and plugs in script hooks). */
  readonly runner: Runner;
  /** The payments this session, the history and the sandbox know (the CLI checks order ids against them). */
  readonly knownPayments: KnownPayments;
  call(method: string, input: unknown, ctx?: Partial<CallContext>): ReturnType<typeof dispatch>;
  dispose(): Promise<void>;
}

/**
 * Builds the backend every host shares (Electron window, browser host, CLI, tests). Each
 * domain contributes its handlers; this function only wires them together.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  ensurePrivateDir(options.dataDir);
  const log = options.log ?? (() => {});
  const notices = new NoticeBoard();
  const disposers: Array<() => Promise<void> | void> = [];
  const events = new EventBus(log);

  const sandbox = await openEmbeddedSandbox(options.sandbox, options.dataDir);
  disposers.push(() => sandbox.close());
  // The sandbox's notices (saved state moved aside, a new token secret, and any it adds while
  // running) reach the status bar like every other; a page of one item keeps the read cheap.
  if (sandbox.running) notices.follow(() => sandbox.running?.inspect({ offset: 0, limit: 1 }).notices ?? []);
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
    ...(options.environmentBaseUrls ? { environmentBaseUrls: options.environmentBaseUrls } : {}),
    // Called only after construction, once the engine below exists.
    onCredentialsChanged: (profileId) => engine.tokens.forget(profileId),
    // Only when keys are actually being stored: the Sandbox needs none, so a missing keychain is no news before that.
    onKeychainUnavailable: (message) => notices.addOnce('warning', message),
  });
  const knownPayments = new KnownPayments({ history, sandbox: () => sandbox.running });
  const engine = new RequestEngine({
    profiles,
    history,
    onAnswer: (exchange) => knownPayments.noteSent(exchange),
    temp: { dataDir: options.dataDir, root: options.requests?.tempRoot },
    spoolThresholdBytes: options.requests?.spoolThresholdBytes,
    uploadLimitBytes: options.requests?.uploadLimitBytes,
    now: options.requests?.now,
  });
  disposers.push(() => engine.dispose());
  const activeEnvironment = () => profiles.activeEnvironment();
  const quickStartDoc = openQuickStartDocument({ factory: options.storeFactory, dir: options.dataDir, notices });
  const quickStart = createQuickStartCollection({ doc: quickStartDoc, msnOf: () => profiles.active().msn });
  const builtIns: BuiltInCollection[] = [quickStart.collection];
  const builtInRuns = new Map<string, SourceExtras>([[quickStart.collection.id, quickStart.runExtras]]);
  const collections = new CollectionStore({ registry: new CollectionRegistry({ dataDir: options.dataDir, factory: options.storeFactory, notices }), vault, events, builtIns, log });
  disposers.push(() => collections.dispose());
  const items = new ItemOperations(collections, path.join(options.dataDir, '.trash'));
  disposers.push(() => items.dispose());
  const runner = new Runner({ engine, profiles, events, now: options.requests?.now });
  disposers.push(() => runner.dispose());
  // Imported Postman scripts run isolated, in a process of their own that starts on first use.
  const scripts = options.scriptSandbox ?? new ScriptSandbox(options.scripts);
  disposers.push(() => scripts.dispose());
  runner.setHooks(createScriptHooks(scripts));

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
    ...createRequestHandlers(engine, profiles),
    ...createHistoryHandlers(history),
    ...createQuickStartHandlers({ storeFactory: options.storeFactory, dataDir: options.dataDir, notices, doc: quickStartDoc }),
    ...createSandboxHandlers(sandbox.running),
    ...createCollectionHandlers({ store: collections, items, history }),
    ...createRunnerHandlers({ runner, store: collections, engine, profiles, extras: (id) => builtInRuns.get(id) }),
    ...createInteropHandlers({ handlers: () => handlers, profiles, tokens: engine.tokens, batchWrites: (id, work) => collections.batch(id, work) }),
    ...createWorkspaceHandlers({ storeFactory: options.storeFactory, dataDir: options.dataDir, notices }),
    ...createOrderHandlers(knownPayments),
  };

  return {
    handlers,
    notices,
    events,
    runner,
    knownPayments,
    call: (method, input, ctx) => dispatch(handlers, method, input, { host: options.host, ...ctx }, log),
    async dispose() {
      for (const dispose of disposers.reverse()) await dispose();
    },
  };
}

export { createInProcessClient, type InProcessClient } from './in-process-client';
// What the hosts need besides createBackend: they import the backend through this file only.
export { APP } from './app-info';
export { dataDirFromArgs, defaultDataDir } from './data-dir';
export type { HostDialogs } from './files/image-file';
export { openDocument, PRIVATE_FILE_MODE, type DocumentStore, type StoreFactory } from './store/document-store';
export { describeFailure, keepProcessAlive } from './process-guard';
export type { NoticeBoard } from './store/notices';
export type { RunnerHooks, BeforeRequestContext, AfterResponseContext, ScopeAccess, VariableScope, ScriptResponse, ScriptSource } from './runner/hooks';
export type { EventBus, EventListener } from './events/event-bus';
export type { KnownPayments, OrderIdCheck } from './orders/known-payments';

// What the command line needs besides the above (it is a host too, so it imports only this file).
export { DATA_DIR_ENV } from './data-dir';
export { environmentBaseUrlsFromEnv, TEST_PRODUCTION_URL_ENV } from './profiles/environment-override';
export type { KeyValueFile } from './store/document-store';
export { MemoryKeychain } from './vault/memory-keychain';
export { SANDBOX_PROFILE_ID } from './profiles/profile-document';
export { startSandbox, INSPECTOR_PREFIX, DEMO_SALES_UNIT, type RunningSandbox, type SandboxConfigInput } from '../sandbox/index';

/**
 * The conf-backed store for a data folder on disk (browser host, the CLI's `--profile` runs).
 * Loaded on demand: conf brings ajv with it, which a CI run with keys from VIPPS_* never needs.
 */
export async function loadConfStoreFactory(): Promise<StoreFactory> {
  return (await import('./store/conf-factory')).confStoreFactory;
}
