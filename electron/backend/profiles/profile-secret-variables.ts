import type { SecretState, SecretVariableChange } from '../../../shared/contract/profiles';
import { fail } from '../failure';
import { profileVariableAccount, secretState, type SecretVault } from '../vault/secret-vault';

/** What an update does to the keychain: values written first, stale entries removed after the file is saved. */
export interface SecretVariablePlan {
  names: string[];
  /** Writes the new and renamed values; a keychain that refuses stops the update with the file unchanged. */
  write(): Promise<void>;
  /** Removes the entries of secrets that were dropped or renamed away. */
  removeStale(): Promise<void>;
}

/**
 * The secret variables of profiles (environments). The profile document keeps only their names;
 * each value is one keychain entry, so it is never in profiles.json, a log or an export.
 */
export class ProfileSecretVariables {
  readonly #vault: SecretVault;

  constructor(vault: SecretVault) {
    this.#vault = vault;
  }

  /** The values the engine fills `{{name}}` with. A value the keychain cannot give is left out (the send then names it as undefined). */
  async values(profileId: string, names: readonly string[]): Promise<Record<string, string>> {
    const values: Record<string, string> = {};
    for (const name of names) {
      const value = await this.#vault.getNamed(profileVariableAccount(profileId, name)).catch(() => undefined);
      if (value !== undefined) values[name] = value;
    }
    return values;
  }

  /** What the window may know: set or not, and the last four characters of a long value. */
  async describe(profileId: string, names: readonly string[]): Promise<Record<string, SecretState>> {
    const states: Record<string, SecretState> = {};
    for (const name of names) {
      const value = await this.#vault.getNamed(profileVariableAccount(profileId, name)).catch(() => undefined);
      states[name] = value === undefined ? { set: false } : secretState(value);
    }
    return states;
  }

  set(profileId: string, name: string, value: string): Promise<SecretState> {
    return this.#vault.setNamed(profileVariableAccount(profileId, name), value);
  }

  remove(profileId: string, name: string): Promise<SecretState> {
    return this.#vault.removeNamed(profileVariableAccount(profileId, name));
  }

  async removeAll(profileId: string, names: readonly string[]): Promise<void> {
    for (const name of names) await this.remove(profileId, name);
  }

  /** Turns the full list an update sends into keychain work, refusing names that clash. */
  plan(profileId: string, current: readonly string[], changes: readonly SecretVariableChange[], plainNames: readonly string[]): SecretVariablePlan {
    const names = changes.map((c) => c.name);
    const twice = names.find((name, i) => names.indexOf(name) !== i);
    if (twice) fail('INVALID_INPUT', `The secret variable "${twice}" is listed twice. Give each variable its own name.`);
    const clash = names.find((name) => plainNames.includes(name));
    if (clash) fail('INVALID_INPUT', `"${clash}" is both a plain and a secret variable. Keep one of them (turn the secret switch off, or remove the plain row).`);
    for (const change of changes) {
      if (change.previousName !== undefined && change.value === undefined && !current.includes(change.previousName)) {
        fail('INVALID_INPUT', `There is no secret variable "${change.previousName}" to rename to "${change.name}". Type the value of "${change.name}" again.`);
      }
    }
    const kept = new Set(names);
    const stale = current.filter((name) => !kept.has(name));
    return {
      names,
      write: async () => {
        for (const change of changes) {
          if (change.value !== undefined) await this.set(profileId, change.name, change.value);
          else if (change.previousName !== undefined && change.previousName !== change.name) {
            const value = await this.#vault.getNamed(profileVariableAccount(profileId, change.previousName));
            if (value !== undefined) await this.set(profileId, change.name, value);
          }
        }
      },
      removeStale: async () => {
        for (const name of stale) await this.remove(profileId, name).catch(() => undefined);
      },
    };
  }
}
