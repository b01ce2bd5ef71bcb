// `npm start`: build if needed, then open the desktop app. Where Electron cannot run (its binary
// cannot be downloaded, or there is no display), say why in one line and serve the very same
// app through the browser host instead.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded, root } from './build-lib.mjs';
import { locateElectron } from './electron-availability.mjs';

await buildIfNeeded();
// --retry-electron is ours (try the Electron download again); everything else goes to the app.
const args = process.argv.slice(2).filter((arg) => arg !== '--retry-electron');
const electron = locateElectron(process.env, process.platform, { recheck: process.argv.includes('--retry-electron') });
const entry = electron.ok
  ? { command: electron.binary, args: [root, ...args] }
  : { command: process.execPath, args: [path.join(root, 'dist/electron/web.js'), ...args] };
if (!electron.ok) console.log(`Electron cannot start here: ${electron.reason}; serving the same app through the browser host instead.`);

const child = spawn(entry.command, entry.args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
