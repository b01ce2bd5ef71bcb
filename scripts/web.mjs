// `npm run web`: build if the sources changed, then run the browser host with the given flags.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded, root } from './build-lib.mjs';

await buildIfNeeded();
const child = spawn(process.execPath, [path.join(root, 'dist/electron/web.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
