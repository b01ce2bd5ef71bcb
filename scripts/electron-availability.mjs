import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './build-lib.mjs';

const defaults = {
  electronDir: path.join(root, 'node_modules', 'electron'),
  // Kept with the installed packages: a new `npm install` of another Electron version asks again by itself.
  cacheFile: path.join(root, 'node_modules', '.cache', 'vipps-explorer', 'electron-availability.json'),
};

/** One try at the download is enough to know; a network that hangs must not hold `npm start` for minutes. */
export const DOWNLOAD_TIMEOUT_MS = 20_000;

function installedBinary(electronDir, env) {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  if (override) return path.join(override, relative ?? 'electron');
  return relative ? path.join(electronDir, 'dist', relative) : undefined;
}

function electronVersion(electronDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function readCache(cacheFile, version) {
  try {
    const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    return cached.version === version && typeof cached.reason === 'string' ? cached : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(cacheFile, entry) {
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(cacheFile, JSON.stringify(entry, null, 2));
  } catch {
    // Not remembering only means asking again next time.
  }
}

const runInstaller = (electronDir) => spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8', timeout: DOWNLOAD_TIMEOUT_MS });

/**
 * Finds the Electron binary. When it is missing, its download is tried once (with a short
 * timeout) and a failure is remembered, so later starts go straight to the browser host
 * instead of waiting on the network again; `recheck` (npm start -- --retry-electron) tries
 * again. Returns the binary, or the one-line reason it cannot be used here.
 */
export function locateElectron(env = process.env, platform = process.platform, options = {}) {
  const { electronDir, cacheFile } = { ...defaults, ...options };
  const download = options.download ?? runInstaller;
  if (!fs.existsSync(electronDir)) return { ok: false, reason: 'the electron package is not installed (run npm install)' };
  let binary = installedBinary(electronDir, env);
  const version = electronVersion(electronDir);
  if ((!binary || !fs.existsSync(binary)) && !env.ELECTRON_OVERRIDE_DIST_PATH && env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
    const cached = options.recheck ? undefined : readCache(cacheFile, version);
    if (cached) return { ok: false, reason: `${cached.reason}; checked ${cached.checkedAt}, run npm start -- --retry-electron to try again`, cached: true };
    const result = download(electronDir);
    binary = installedBinary(electronDir, env);
    if (result.status !== 0 || !binary || !fs.existsSync(binary)) {
      const timedOut = result.error?.code === 'ETIMEDOUT' || result.signal === 'SIGTERM';
      const detail = timedOut
        ? `no answer within ${DOWNLOAD_TIMEOUT_MS / 1000} s`
        : (`${result.stderr ?? ''}`.split('\n').find((line) => /error/i.test(line))?.trim() ?? 'no network access');
      const reason = `its binary is not installed and could not be downloaded (${detail})`;
      writeCache(cacheFile, { version, reason, checkedAt: new Date().toISOString() });
      return { ok: false, reason };
    }
    fs.rmSync(cacheFile, { force: true });
  }
  if (!binary || !fs.existsSync(binary)) return { ok: false, reason: `its binary is not installed (looked for ${binary ?? 'node_modules/electron/dist'})` };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { ok: false, reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  return { ok: true, binary };
}
