import type { KeychainAdapter } from './keychain-adapter';

/** Keys held in this process only: chosen by the user for one run when no keychain works, and used by tests. */
export class MemoryKeychain implements KeychainAdapter {
  readonly #entries = new Map<string, string>();

  async getPassword(service: string, account: string): Promise<string | null> {
    return this.#entries.get(`${service}\u0000${account}`) ?? null;
  }

  async setPassword(service: string, account: string, password: string): Promise<void> {
    this.#entries.set(`${service}\u0000${account}`, password);
  }

  async deletePassword(service: string, account: string): Promise<boolean> {
    return this.#entries.delete(`${service}\u0000${account}`);
  }

  get size(): number {
    return this.#entries.size;
  }
}
