import { spawn } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');

export interface CommandOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Keys a developer may have exported in their shell must not leak into these runs. */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of ['VIPPS_CLIENT_ID', 'VIPPS_CLIENT_SECRET', 'VIPPS_SUBSCRIPTION_KEY', 'VIPPS_MSN', 'FORCE_COLOR']) delete env[name];
  return { ...env, ...extra };
}

/**
 * The real command from the build (`npm run test:system` builds first). `npx` is how a user of a
 * clone runs it, and the acceptance tests go through it; the others start the same bin file
 * with node directly, because npx's own start-up costs seconds on a busy machine.
 */
export function vippsExplorer(args: string[], env: NodeJS.ProcessEnv = {}, via: 'npx' | 'bin' = 'bin'): Promise<CommandOutcome> {
  const [command, prefix] = via === 'npx' ? ['npx', ['--no-install', 'vipps-explorer']] : [process.execPath, [path.join(repoRoot, 'bin', 'vipps-explorer.mjs')]];
  const child = spawn(command, [...prefix, ...args], { cwd: repoRoot, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `vipps-explorer sandbox` in the background, until stop(); resolves once it printed its lines. */
export interface BackgroundSandbox {
  baseUrl: string;
  keys: { clientId: string; clientSecret: string; subscriptionKey: string; msn: string };
  stop: () => Promise<void>;
  output: () => string;
}

export function backgroundSandbox(extraArgs: string[] = []): Promise<BackgroundSandbox> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'vipps-explorer.mjs'), 'sandbox', '--port', '0', ...extraArgs], { cwd: repoRoot, env: cleanEnv({}), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (out += text));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      process.kill(-child.pid!, 'SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`vipps-explorer sandbox printed nothing in 60 s:\n${out}`));
    }, 60_000);
    child.stdout.on('data', () => {
      const field = (name: string) => new RegExp(`^${name}: (\\S+)$`, 'm').exec(out)?.[1];
      const baseUrl = field('base url');
      const msn = field('MSN');
      if (baseUrl && msn) {
        clearTimeout(timer);
        const keys = { clientId: field('client_id')!, clientSecret: field('client_secret')!, subscriptionKey: field('subscription key')!, msn };
        resolve({ baseUrl, keys, stop, output: () => out });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vipps-explorer sandbox exited with ${code}:\n${out}`));
    });
  });
}
