import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { createBackend, loadConfStoreFactory, DATA_DIR_ENV, defaultDataDir, MemoryKeychain, type Backend, type KeyValueFile, type StoreFactory } from '../backend';
import { takeEarlyScripts } from './early-scripts';
import { failureFromBackend } from './exit-codes';

/**
 * The CLI is a host like the window and the browser host: it builds the same backend and talks
 * to it only through the contract. Two ways to open it:
 * - `isolated`: a throw-away data folder, documents and keychain in memory, for CI runs whose keys
 *   come from environment variables. Nothing of the run outlives the process, so nothing is
 *   written (or fsync'ed) that would be deleted a moment later.
 * - `user`: the desktop app's data folder and the OS keychain, for `--profile NAME` and
 *   `profiles …`. The embedded sandbox then keeps its state in memory, so a CLI run never
 *   rewrites the state of a sandbox the desktop app may be using at the same moment.
 */
export type SessionKind = { kind: 'isolated'; sandbox: boolean } | { kind: 'user'; dataDir?: string };

export interface BackendSession {
  readonly backend: Backend;
  readonly dataDir: string;
  call<M extends MethodName>(method: M, input: MethodInput<M>, doing: string): Promise<MethodOutput<M>>;
  close(): Promise<void>;
}

/** Documents (profiles, settings, history…) held in memory for the life of an isolated session. */
const memoryStoreFactory: StoreFactory = ({ cwd, name }): KeyValueFile => ({ path: path.join(cwd, `${name}.json`), store: {} });

export function userDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag);
  const fromEnv = env[DATA_DIR_ENV];
  return fromEnv ? path.resolve(fromEnv) : defaultDataDir();
}

export async function openSession(kind: SessionKind, log: (line: string) => void = () => {}): Promise<BackendSession> {
  const temporary = kind.kind === 'isolated' ? fs.mkdtempSync(path.join(os.tmpdir(), 'vipps-explorer-cli-')) : undefined;
  const dataDir = temporary ?? userDataDir(kind.kind === 'user' ? kind.dataDir : undefined);
  let backend: Backend;
  try {
    backend = await createBackend({
      host: 'cli',
      dataDir,
      // conf (with ajv) is loaded only for the user's own data folder: a CI run never reads it.
      storeFactory: kind.kind === 'isolated' ? memoryStoreFactory : await loadConfStoreFactory(),
      log,
      scriptSandbox: takeEarlyScripts(),
      ...(kind.kind === 'isolated' ? { keychain: new MemoryKeychain(), sandbox: kind.sandbox ? { inMemory: true } : false } : { sandbox: { inMemory: true } }),
    });
  } catch (error) {
    if (temporary) fs.rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
  return {
    backend,
    dataDir,
    async call(method, input, doing) {
      const result = await backend.call(method, input, { host: 'cli' });
      if (!result.ok) throw failureFromBackend(result.error, doing);
      return result.value as MethodOutput<typeof method>;
    },
    async close() {
      await backend.dispose();
      if (temporary) fs.rmSync(temporary, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
