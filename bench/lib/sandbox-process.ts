import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './report';

export const cliJs = path.join(repoRoot, 'dist', 'electron', 'cli.js');
export const newmanJs = path.join(repoRoot, 'node_modules', 'newman', 'bin', 'newman.js');

export interface SandboxProcess {
  baseUrl: string;
  keys: { clientId: string; clientSecret: string; subscriptionKey: string; msn: string };
  stop(): Promise<void>;
}

/** `vipps-explorer sandbox` in a process of its own, so neither tool under test shares its CPU time. */
export function startSandboxProcess(): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [cliJs, 'sandbox', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vipps-explorer sandbox printed nothing in 30 s:\n${out}`)), 30_000);
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      out += text;
      const field = (name: string) => new RegExp(`^${name}: (.+)$`, 'm').exec(out)?.[1]?.trim();
      const msn = field('MSN');
      if (!msn) return;
      clearTimeout(timer);
      resolve({
        baseUrl: field('base url')!,
        keys: { clientId: field('client_id')!, clientSecret: field('client_secret')!, subscriptionKey: field('subscription key')!, msn },
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`vipps-explorer sandbox exited with ${code}:\n${out}`)));
  });
}
