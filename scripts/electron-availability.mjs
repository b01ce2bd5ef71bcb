import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './build-lib.mjs';

const electronDir = path.join(root, 'node_modules', 'electron');

function installedBinary() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  if (override) return path.join(override, relative ?? 'electron');
  return relative ? path.join(electronDir, 'dist', relative) : undefined;
}

/**
 * Finds the Electron binary, downloading it once if it is missing (its npm package fetches
 * it on first use). Returns the binary, or the one-line reason it cannot be used here.
 */
export function locateElectron(env = process.env, platform = process.platform) {
  if (!fs.existsSync(electronDir)) return { ok: false, reason: 'the electron package is not installed (run npm install)' };
  let binary = installedBinary();
  if ((!binary || !fs.existsSync(binary)) && !env.ELECTRON_OVERRIDE_DIST_PATH && env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
    const download = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8', timeout: 120_000 });
    binary = installedBinary();
    if (download.status !== 0 || !binary || !fs.existsSync(binary)) {
      const detail = `${download.stderr ?? ''}`.split('\n').find((line) => /error/i.test(line))?.trim() ?? 'no network access';
      return { ok: false, reason: `its binary is not installed and could not be downloaded (${detail})` };
    }
  }
  if (!binary || !fs.existsSync(binary)) return { ok: false, reason: `its binary is not installed (looked for ${binary ?? 'node_modules/electron/dist'})` };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { ok: false, reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  return { ok: true, binary };
}
