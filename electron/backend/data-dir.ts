import os from 'node:os';
import path from 'node:path';

export const DATA_DIR_ENV = 'VIPPS_EXPLORER_DATA_DIR';
export const PRODUCT_NAME = 'Vipps Explorer';

/** Reads `--data-dir DIR` / `--data-dir=DIR` from argv; the flag wins over the environment variable. */
export function dataDirFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir') {
      const value = argv[i + 1];
      if (!value || value.startsWith('--')) throw new Error('--data-dir needs a folder, for example --data-dir ./explorer-data');
      return path.resolve(value);
    }
    if (arg.startsWith('--data-dir=')) return path.resolve(arg.slice('--data-dir='.length));
  }
  const fromEnv = env[DATA_DIR_ENV];
  return fromEnv ? path.resolve(fromEnv) : undefined;
}

/**
 * Where Electron keeps userData for this product (appData/productName), computed without
 * Electron so the browser host and the CLI read and write the same files as the desktop app.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}
