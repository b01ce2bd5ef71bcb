// `npm run bench`: every benchmark, one after another (they share 2 cores, so never in
// parallel), each writing its JSON figures to bench/results/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './build-lib.mjs';

const benches = [
  { name: 'sandbox', file: 'bench/sandbox.bench.ts' },
  { name: 'json-viewer', file: 'bench/json-viewer.bench.ts' },
  { name: 'sidebar', file: 'bench/sidebar.bench.ts' },
  { name: 'collections', file: 'bench/collections.bench.ts' },
];
const only = process.argv.slice(2);
let failed = 0;
for (const bench of benches) {
  if (only.length > 0 && !only.includes(bench.name)) continue;
  if (!fs.existsSync(path.join(root, bench.file))) continue;
  console.log(`\n=== bench: ${bench.name}`);
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), bench.file], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    failed += 1;
    console.error(`bench ${bench.name} failed (exit ${run.status})`);
  }
}
process.exit(failed === 0 ? 0 : 1);
