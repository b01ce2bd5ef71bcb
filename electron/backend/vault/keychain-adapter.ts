import { createRequire } from 'node:module';

/** The slice of keytar's API the vault uses; tests pass an in-memory one. */
export interface KeychainAdapter {
  /** Resolves null when there is no such entry. */
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export type KeychainLoad = { ok: true; adapter: KeychainAdapter } | { ok: false; reason: string };

/**
 * keytar is a native optional dependency: it may be missing (install skipped), built for another
 * Node ABI, or unable to find libsecret. Loading it lazily keeps the rest of the app working and
 * lets the vault explain the problem instead of the process failing at import time.
 */
export function loadKeytar(moduleName = 'keytar'): KeychainLoad {
  try {
    const require = createRequire(import.meta.url);
    const loaded = require(moduleName) as Partial<KeychainAdapter> & { default?: Partial<KeychainAdapter> };
    const api = typeof loaded.getPassword === 'function' ? loaded : loaded.default;
    if (!api || typeof api.getPassword !== 'function' || typeof api.setPassword !== 'function' || typeof api.deletePassword !== 'function') {
      return { ok: false, reason: `the ${moduleName} module does not offer getPassword/setPassword/deletePassword` };
    }
    return {
      ok: true,
      adapter: {
        getPassword: (service, account) => api.getPassword!(service, account),
        setPassword: (service, account, password) => api.setPassword!(service, account, password),
        deletePassword: (service, account) => api.deletePassword!(service, account),
      },
    };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
}
