import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { esbuildLazyCliPackages } from './lazy-packages.mjs';
import { esbuildZodWithoutLocales } from './zod-locales.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = path.join(root, 'dist', '.build-stamp');
const sourceRoots = ['electron', 'shared', 'renderer', 'package.json', 'vite.config.ts'];

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** True when dist/ is missing or older than any source file. */
export function needsBuild() {
  if (!fs.existsSync(stampFile)) return true;
  const built = fs.statSync(stampFile).mtimeMs;
  return sourceRoots.some((entry) => newestMtime(entry) > built);
}

const nodeTargets = [
  { entry: 'electron/main.ts', out: 'dist/electron/main.js', format: 'esm' },
  // Sandboxed preloads cannot require other files, so everything but `electron` is inlined.
  { entry: 'electron/preload.ts', out: 'dist/electron/preload.cjs', format: 'cjs' },
  { entry: 'electron/web.ts', out: 'dist/electron/web.js', format: 'esm' },
  // The command line starts once per CI step, so its start-up counts: it is split into chunks
  // beside it (`--help`/`--version` load the argument parser only; the chunks find package.json
  // and the script sandbox's child where the other bundles do) and the pure-JS libraries it runs on are
  // bundled in, which saves Node resolving and reading hundreds of files. Packages with native
  // parts or files of their own (keytar, script sandboxes…) stay in node_modules.
  { entry: 'electron/cli.ts', out: 'dist/electron/cli.js', format: 'esm', splitting: true, bundled: ['commander', 'zod', 'yaml', 'axios', 'conf', 'jsonc-parser'] },
  { entry: 'electron/sandbox/standalone.ts', out: 'dist/electron/sandbox.js', format: 'esm' },
];

/** Every package the app depends on at run time (package.json), to keep out of a bundle. */
function dependencyNames() {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})];
}

export async function buildAll({ quiet = false } = {}) {
  const log = quiet ? () => {} : (line) => console.log(line);
  for (const target of nodeTargets) {
    if (!fs.existsSync(path.join(root, target.entry))) continue;
    await esbuild({
      absWorkingDir: root,
      entryPoints: [target.entry],
      ...(target.splitting
        ? { outdir: path.dirname(target.out), entryNames: '[name]', chunkNames: 'cli-chunk-[name]-[hash]', splitting: true }
        : { outfile: target.out }),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: target.format,
      sourcemap: true,
      // The preload carries the contract (and so zod) inline; minified it loads faster per window.
      minify: target.format === 'cjs',
      // Dependencies stay in node_modules (electron-builder ships them; keytar is native).
      ...(target.bundled
        ? {
            external: ['electron', ...dependencyNames().filter((name) => !target.bundled.includes(name))],
            // ESM builds of the bundled libraries where they have one; CommonJS ones get a `require`.
            mainFields: ['module', 'main'],
            banner: { js: "import { createRequire as __vxCreateRequire } from 'node:module'; const require = __vxCreateRequire(import.meta.url);" },
          }
        : { packages: target.format === 'cjs' ? undefined : 'external', external: ['electron'] }),
      // The CLI's stand-ins for packages it loads on first use only (lazy-packages.mjs).
      plugins: target.bundled ? [esbuildLazyCliPackages, esbuildZodWithoutLocales] : [esbuildZodWithoutLocales],
      logLevel: 'warning',
    });
    log(`built ${target.out}`);
  }
  // Imported Postman scripts run in a process of their own, started from this plain CommonJS file.
  fs.copyFileSync(path.join(root, 'electron/backend/scripts/script-child.cjs'), path.join(root, 'dist/electron/script-child.cjs'));
  log('copied dist/electron/script-child.cjs');
  // The same file with uvm and teleport-javascript inlined, for `node --build-snapshot`, which
  // loads no package from disk (see electron/backend/scripts/boot-snapshot.ts).
  await esbuild({
    absWorkingDir: root,
    entryPoints: ['electron/backend/scripts/script-child.cjs'],
    outfile: 'dist/electron/script-child-snapshot.cjs',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  log('built dist/electron/script-child-snapshot.cjs');
  const vite = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', quiet ? 'warn' : 'info'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (vite.status !== 0) throw new Error('The renderer build (vite build) failed; see the messages above.');
  fs.writeFileSync(stampFile, new Date().toISOString());
}

export async function buildIfNeeded() {
  if (needsBuild()) {
    console.log('Building Vipps Explorer (sources changed since the last build)…');
    await buildAll({ quiet: true });
  }
}
