import { collectionVariableAccount, type SecretVault } from '../vault/secret-vault';
import type { LoadedCollection } from './collection-loader';

/** One secret variable of a folder: where its keychain entry is now and where it must go. */
interface Carried {
  from: string;
  to: string;
}

/**
 * Secret variable values live in the keychain under an account named after the collection and
 * the folder's path, so a folder that moves, is renamed or is duplicated must take them along.
 * The new entries are written before any file moves (a keychain that refuses stops the move with
 * nothing changed), and the old ones are removed only after the files have moved.
 */
export class FolderSecrets {
  readonly #vault: SecretVault;
  readonly #carried: Carried[];

  private constructor(vault: SecretVault, carried: Carried[]) {
    this.#vault = vault;
    this.#carried = carried;
  }

  /** The secrets of `fromPath` and every folder below it, bound for `toPath` (in `toId`). */
  static plan(vault: SecretVault, loaded: LoadedCollection, fromId: string, fromPath: string, toId: string, toPath: string): FolderSecrets {
    const carried: Carried[] = [];
    for (const [folderPath, folder] of loaded.folders) {
      if (folderPath !== fromPath && !folderPath.startsWith(`${fromPath}/`)) continue;
      const target = toPath + folderPath.slice(fromPath.length);
      for (const variable of folder.settings.variables) {
        if (variable.secret) carried.push({ from: collectionVariableAccount(fromId, folderPath, variable.key), to: collectionVariableAccount(toId, target, variable.key) });
      }
    }
    return new FolderSecrets(vault, carried.filter((c) => c.from !== c.to));
  }

  /** Writes each value under its new account; a variable that never got a value has nothing to carry. */
  async copy(): Promise<void> {
    for (const { from, to } of this.#carried) {
      const value = await this.#vault.getNamed(from);
      if (value !== undefined) await this.#vault.setNamed(to, value);
    }
  }

  /** Removes the entries under the old accounts, once the folder has left them. */
  async removeOld(log: (line: string) => void): Promise<void> {
    for (const { from } of this.#carried) {
      // The value is safe under its new name by now; a leftover entry is only clutter.
      await this.#vault.removeNamed(from).catch((error: unknown) => log(`collections: could not remove the moved secret entry ${from}: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
}
