import { secretFields, type KeychainStatus, type SecretField, type SecretState } from '../../../shared/contract/profiles';
import { fail } from '../failure';
import { classifyKeychainError, describeKeychainProblem, type KeychainProblem } from './diagnosis';
import { loadKeytar, type KeychainAdapter } from './keychain-adapter';
import { MemoryKeychain } from './memory-keychain';

export const KEYCHAIN_SERVICE = 'vipps-explorer';
/** Written and deleted again to find out whether the keychain accepts writes (a locked one still answers reads, with nothing). */
const PROBE_ACCOUNT = '__vipps-explorer-probe__';
/** An empty read shortly after a successful probe is trusted, so listing many profiles does not probe per key. */
const PROBE_TRUST_MS = 2_000;

export type SecretValues = Partial<Record<SecretField, string>>;

export interface SecretVaultOptions {
  /** A fixed adapter (tests); otherwise keytar is loaded on first use. */
  keychain?: KeychainAdapter;
  loadKeychain?: () => ReturnType<typeof loadKeytar>;
  /** A desktop keyring may be showing an unlock prompt; give the user time to answer it. */
  timeoutMs?: number;
}

type Availability = { state: 'unknown' } | { state: 'available' } | { state: 'unavailable'; problem: KeychainProblem; message: string };

export function keychainAccount(profileId: string, field: SecretField): string {
  return `${profileId}:${field}`;
}

/** A secret variable of a collection or folder: `collection:<id>:<key>`, or `collection:<id>/<folder path>:<key>`. */
export function collectionVariableAccount(collectionId: string, folderPath: string, key: string): string {
  return `collection:${collectionId}${folderPath ? `/${folderPath}` : ''}:${key}`;
}

/** A secret variable of a profile (environment): `profile-variable:<profile id>:<name>`. */
export function profileVariableAccount(profileId: string, name: string): string {
  return `profile-variable:${profileId}:${name}`;
}

/** Short values would be half given away by their last four characters, so those show none. */
export function lastFour(value: string): string | undefined {
  return value.length > 8 ? value.slice(-4) : undefined;
}

/**
 * Keys of every profile, one keychain entry per profile and field. Values read or written in
 * this run are cached in memory so a send does not wait on the keychain each time; nothing here
 * ever writes a key anywhere but the keychain (or memory, when the user opted in).
 */
export class SecretVault {
  readonly #options: SecretVaultOptions;
  #adapter: KeychainAdapter | undefined;
  #memory: MemoryKeychain | undefined;
  #availability: Availability = { state: 'unknown' };
  #probedAt = 0;
  readonly #cache = new Map<string, string>();
  readonly #presets = new Map<string, SecretValues>();

  constructor(options: SecretVaultOptions = {}) {
    this.#options = options;
    this.#adapter = options.keychain;
  }

  /** Read-only keys that never touch the keychain or a file (the embedded sandbox's public demo keys). */
  preset(profileId: string, values: SecretValues): void {
    this.#presets.set(profileId, { ...values });
  }

  async status(recheck = false): Promise<KeychainStatus> {
    if (this.#memory) {
      return {
        state: 'memory',
        message: 'Keys are kept in memory for this run only and are forgotten when Vipps Explorer quits. Fix the OS keychain to keep them.',
      };
    }
    if (recheck || this.#availability.state === 'unknown') await this.#probe();
    const availability = this.#availability;
    if (availability.state === 'unavailable') return { state: 'unavailable', message: availability.message };
    return { state: 'available', message: 'Keys are kept in the OS keychain.' };
  }

  /** The user's explicit choice for this run, offered only when the OS keychain cannot be used. */
  async useMemory(): Promise<KeychainStatus> {
    if (!this.#memory && (await this.status(true)).state === 'available') {
      fail('CONFLICT', 'The OS keychain works, so keys stay there. Keeping them in memory is only offered when the keychain cannot be used.');
    }
    this.#memory ??= new MemoryKeychain();
    this.#cache.clear();
    return this.status();
  }

  async get(profileId: string, field: SecretField): Promise<string | undefined> {
    const preset = this.#presets.get(profileId);
    if (preset) return preset[field];
    return this.getNamed(keychainAccount(profileId, field));
  }

  /** Any entry of ours by account name (secret collection variables use collectionVariableAccount). */
  async getNamed(account: string): Promise<string | undefined> {
    const cached = this.#cache.get(account);
    if (cached !== undefined) return cached;
    const adapter = await this.#usableAdapter();
    const value = await this.#run(() => adapter.getPassword(KEYCHAIN_SERVICE, account));
    if (value === null || value === undefined) {
      // A locked keyring answers reads with "nothing"; make sure that is not what happened.
      if (!this.#memory) await this.#requireWritable();
      return undefined;
    }
    this.#cache.set(account, value);
    return value;
  }

  async getAll(profileId: string): Promise<SecretValues> {
    const values: SecretValues = {};
    for (const field of secretFields) {
      const value = await this.get(profileId, field);
      if (value !== undefined) values[field] = value;
    }
    return values;
  }

  async set(profileId: string, field: SecretField, value: string): Promise<SecretState> {
    this.#refusePreset(profileId);
    return this.setNamed(keychainAccount(profileId, field), value);
  }

  async setNamed(account: string, value: string): Promise<SecretState> {
    const adapter = await this.#usableAdapter();
    await this.#run(() => adapter.setPassword(KEYCHAIN_SERVICE, account, value));
    this.#cache.set(account, value);
    return secretState(value);
  }

  async remove(profileId: string, field: SecretField): Promise<SecretState> {
    this.#refusePreset(profileId);
    return this.removeNamed(keychainAccount(profileId, field));
  }

  async removeNamed(account: string): Promise<SecretState> {
    const adapter = await this.#usableAdapter();
    await this.#run(() => adapter.deletePassword(KEYCHAIN_SERVICE, account));
    this.#cache.delete(account);
    return { set: false };
  }

  async removeAll(profileId: string): Promise<void> {
    if (this.#presets.has(profileId)) return;
    for (const field of secretFields) await this.remove(profileId, field);
  }

  /** What the renderer may see. An unusable keychain shows every key as not set; the status explains why. */
  async describe(profileId: string): Promise<Record<SecretField, SecretState>> {
    const states = {} as Record<SecretField, SecretState>;
    for (const field of secretFields) {
      let value: string | undefined;
      try {
        value = await this.get(profileId, field);
      } catch {
        value = undefined;
      }
      states[field] = value === undefined ? { set: false } : secretState(value);
    }
    return states;
  }

  #refusePreset(profileId: string): void {
    if (this.#presets.has(profileId)) {
      fail('CONFLICT', 'The built-in Sandbox profile always uses the embedded sandbox’s demo keys. To use other keys, create a new profile.');
    }
  }

  async #usableAdapter(): Promise<KeychainAdapter> {
    if (this.#memory) return this.#memory;
    if (this.#availability.state === 'unknown') await this.#probe();
    const availability = this.#availability;
    if (availability.state === 'unavailable' || !this.#adapter) {
      fail('KEYCHAIN_UNAVAILABLE', availability.state === 'unavailable' ? availability.message : describeKeychainProblem('other', 'no keychain'));
    }
    return this.#adapter;
  }

  async #requireWritable(): Promise<void> {
    if (this.#availability.state === 'available' && Date.now() - this.#probedAt < PROBE_TRUST_MS) return;
    await this.#probe();
    const availability = this.#availability;
    if (availability.state === 'unavailable') fail('KEYCHAIN_UNAVAILABLE', availability.message);
  }

  async #probe(): Promise<void> {
    if (!this.#adapter) {
      const loaded = (this.#options.loadKeychain ?? loadKeytar)();
      if (!loaded.ok) {
        this.#availability = { state: 'unavailable', problem: 'module', message: describeKeychainProblem('module', loaded.reason) };
        return;
      }
      this.#adapter = loaded.adapter;
    }
    const adapter = this.#adapter;
    try {
      await this.#withTimeout(async () => {
        await adapter.setPassword(KEYCHAIN_SERVICE, PROBE_ACCOUNT, 'probe');
        await adapter.deletePassword(KEYCHAIN_SERVICE, PROBE_ACCOUNT);
      });
      this.#availability = { state: 'available' };
      this.#probedAt = Date.now();
    } catch (error) {
      this.#availability = unavailableFrom(error);
    }
  }

  /** Every keychain failure becomes KEYCHAIN_UNAVAILABLE with advice; the raw error never escapes. */
  async #run<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await this.#withTimeout(operation);
    } catch (error) {
      if (this.#memory) throw error;
      const unavailable = unavailableFrom(error);
      this.#availability = unavailable;
      return fail('KEYCHAIN_UNAVAILABLE', unavailable.message);
    }
  }

  #withTimeout<T>(operation: () => Promise<T>): Promise<T> {
    const timeoutMs = this.#options.timeoutMs ?? 60_000;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new KeychainTimeout(`no answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
      timer.unref?.();
      operation().then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }
}

class KeychainTimeout extends Error {}

export function secretState(value: string): SecretState {
  const last4 = lastFour(value);
  return last4 ? { set: true, last4 } : { set: true };
}

function unavailableFrom(error: unknown): Availability & { state: 'unavailable' } {
  const reason = error instanceof Error ? error.message : String(error);
  const problem = error instanceof KeychainTimeout ? 'timeout' : classifyKeychainError(reason);
  return { state: 'unavailable', problem, message: describeKeychainProblem(problem, reason) };
}
