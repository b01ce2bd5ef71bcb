import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');

/**
 * These tests talk to a real Secret Service on a private D-Bus session. Run by hand, they would
 * touch the developer's own keyring (or find none), so they refuse to run outside the wrapper.
 */
export function requireKeyringSession(): void {
  if (process.env.VIPPS_EXPLORER_KEYRING_WRAPPER !== '1' || !process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error(
      'The keychain system tests need a private D-Bus session with an unlocked gnome-keyring. Run them via `npm run test:system` (which wraps vitest in scripts/with-keyring.sh), or: bash scripts/with-keyring.sh npx vitest run --project system test/system/keychain',
    );
  }
}

/** Reads an entry with libsecret's own CLI, independent of our code. Null when there is none. */
export function secretToolLookup(account: string): string | null {
  const result = spawnSync('secret-tool', ['lookup', 'service', 'vipps-explorer', 'account', account], { encoding: 'utf8' });
  if (result.error) throw new Error(`secret-tool could not run (${result.error.message}); install libsecret-tools.`);
  return result.status === 0 ? result.stdout : null;
}

export interface ChildOutcome {
  status: { state: string; message: string };
  create: { ok: boolean; error?: { code: string; message: string } };
  notices: Array<{ level: string; message: string }>;
}

/**
 * Runs fixtures/save-key.ts in a child process: a fresh backend on `dataDir` that tries to save
 * `secret`. A child is needed because libsecret keeps its bus connection for the life of a process.
 */
export function saveKeyInChild(options: { dataDir: string; secret: string; env: NodeJS.ProcessEnv; wrapIn?: string }): ChildOutcome {
  const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
  const script = path.join(import.meta.dirname, 'fixtures', 'save-key.ts');
  const command = options.wrapIn
    ? ['dbus-run-session', '--', 'bash', '-c', options.wrapIn, '_', tsx, script, options.dataDir]
    : [tsx, script, options.dataDir];
  const result = spawnSync(command[0]!, command.slice(1), {
    cwd: repoRoot,
    env: { ...options.env, VX_TEST_SECRET: options.secret },
    encoding: 'utf8',
    timeout: 90_000,
  });
  const line = result.stdout.split('\n').find((l) => l.startsWith('{"status"'));
  if (!line) throw new Error(`The child backend printed no result (exit ${result.status}).\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  return JSON.parse(line) as ChildOutcome;
}
