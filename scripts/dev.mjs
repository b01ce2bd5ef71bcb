// `npm run dev`: the browser host for the backend plus Vite's dev server (hot reload) for the
// renderer, which forwards /rpc/ calls to the host. Open the Vite URL with the printed token.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded, root } from './build-lib.mjs';
import { pickDevPort } from './dev-port.mjs';

const PREFERRED_PORT = Number(process.env.VIPPS_EXPLORER_DEV_PORT ?? 5173);

await buildIfNeeded();
const host = spawn(process.execPath, [path.join(root, 'dist/electron/web.js'), '--no-open', ...process.argv.slice(2)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
let vite;
let stopping = false;
const stop = (code) => {
  if (stopping) return;
  stopping = true;
  host.kill('SIGTERM');
  vite?.kill('SIGTERM');
  process.exit(code);
};
host.stdout.setEncoding('utf8');
host.stdout.on('data', async (text) => {
  process.stdout.write(text);
  const match = /(http:\/\/127\.0\.0\.1:(\d+))\/#token=(\S+)/.exec(text);
  if (!match || vite) return;
  vite = 'starting';
  const { port, note } = await pickDevPort(PREFERRED_PORT);
  if (note) console.log(note);
  vite = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), '--strictPort', '--port', String(port)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, EXPLORER_RPC_TARGET: match[1] },
  });
  // Another program may take the port between the check and Vite's start: then stop, never point at it.
  vite.on('exit', (code) => {
    if (stopping) return;
    console.error(`The dev renderer (Vite) stopped${code ? ` with code ${code}` : ''}; stopping the browser host too. If port ${port} was taken, run npm run dev again.`);
    stop(code || 1);
  });
  console.log(`\nDev renderer: http://127.0.0.1:${port}/#token=${match[3]}\n`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));
host.on('exit', (code) => {
  if (stopping) return;
  stopping = true;
  if (vite && typeof vite !== 'string') vite.kill('SIGTERM');
  process.exit(code ?? 0);
});
