import path from 'node:path';
import { ensurePrivateDir } from '../store/document-store';
import { startSandbox, type RunningSandbox, type SandboxConfigInput } from '../../sandbox/index';

/**
 * How the backend gets its embedded sandbox: started here (the default), an already running
 * one passed in (tests, a host that runs one itself), or none at all.
 */
export type SandboxChoice = false | RunningSandbox | { config?: SandboxConfigInput; now?: () => number; inMemory?: boolean };

export interface EmbeddedSandbox {
  readonly running: RunningSandbox | undefined;
  close(): Promise<void>;
}

function isRunning(choice: SandboxChoice): choice is RunningSandbox {
  return typeof choice === 'object' && 'baseUrl' in choice && typeof (choice as RunningSandbox).close === 'function';
}

/** Starts the sandbox on a free loopback port, keeping its state beside the app's other data. */
export async function openEmbeddedSandbox(choice: SandboxChoice | undefined, dataDir: string): Promise<EmbeddedSandbox> {
  if (choice === false) return { running: undefined, close: async () => {} };
  if (choice && isRunning(choice)) return { running: choice, close: async () => {} };
  const stateDir = path.join(dataDir, 'sandbox');
  // Made private here, before the sandbox writes its state into it.
  if (!choice?.inMemory) ensurePrivateDir(stateDir);
  const running = await startSandbox({
    host: '127.0.0.1',
    port: 0,
    ...(choice?.inMemory ? {} : { dataDir: stateDir }),
    ...(choice?.config ? { config: choice.config } : {}),
    ...(choice?.now ? { now: choice.now } : {}),
  });
  return { running, close: () => running.close() };
}
