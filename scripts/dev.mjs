// `npm run dev`: the browser host for the backend plus Vite's dev server (hot reload) for the
// renderer, which forwards /rpc/ calls to the host. Open the Vite URL with the printed token.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildAll, root } from './build-lib.mjs';

await buildAll({ quiet: true });
const host = spawn(process.execPath, [path.join(root, 'dist/electron/web.js'), '--no-open', ...process.argv.slice(2)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
let vite;
host.stdout.setEncoding('utf8');
host.stdout.on('data', (text) => {
  process.stdout.write(text);
  const match = /(http:\/\/127\.0\.0\.1:(\d+))\/#token=(\S+)/.exec(text);
  if (match && !vite) {
    vite = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), '--strictPort', '--port', '5173'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, EXPLORER_RPC_TARGET: match[1] },
    });
    console.log(`\nDev renderer: http://127.0.0.1:5173/#token=${match[3]}\n`);
  }
});
const stop = () => {
  host.kill('SIGTERM');
  vite?.kill('SIGTERM');
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { stop(); process.exit(0); });
host.on('exit', (code) => { vite?.kill('SIGTERM'); process.exit(code ?? 0); });
