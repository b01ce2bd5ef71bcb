#!/usr/bin/env node
// The `vipps-explorer` command of a clone: starts the built CLI, or says how to build it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'electron', 'cli.js');
if (!existsSync(built)) {
  process.stderr.write('vipps-explorer has not been built in this clone yet. Run `npm run build` once, then try again.\n');
  process.exit(2);
}
await import(pathToFileURL(built).href);
