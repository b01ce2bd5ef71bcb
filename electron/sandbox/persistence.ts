import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { IdempotencyRecord, SandboxStore, StoredImage } from './state';

const FILE_NAME = 'sandbox-state.json';
const SAVE_DELAY_MS = 50;

interface PersistedState {
  version: 1;
  tokenSecret: string;
  images: Array<Omit<StoredImage, 'bytes'> & { bytes: string }>;
  orders: unknown[];
  epayments: unknown[];
  ecomPayments: unknown[];
  agreements: unknown[];
  charges: unknown[];
  idempotency: Array<[string, IdempotencyRecord]>;
}

function entries<T>(map: Map<string, T>): T[] {
  return [...map.values()];
}

/**
 * Keeps the store in `<dataDir>/sandbox-state.json`. Saves are coalesced and written to a
 * temporary file that is then renamed over the old one, so a crash never leaves half a file.
 */
export class StatePersister {
  readonly file: string;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private dirty = false;
  private writes = 0;

  constructor(
    private readonly dir: string,
    private readonly store: SandboxStore,
    private readonly tokenSecret: () => string,
  ) {
    this.file = join(dir, FILE_NAME);
  }

  /** Loads saved state into the store; returns the saved token secret and any notice for the user. */
  async load(): Promise<{ tokenSecret: string | null; notice: string | null }> {
    await mkdir(this.dir, { recursive: true });
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { tokenSecret: null, notice: null };
      throw error;
    }
    try {
      const saved = JSON.parse(text) as PersistedState;
      this.restore(saved);
      return { tokenSecret: saved.tokenSecret ?? null, notice: null };
    } catch {
      const aside = `${this.file}.corrupt-${Date.now()}`;
      await rename(this.file, aside);
      return { tokenSecret: null, notice: `The saved sandbox state could not be read and was moved to ${aside}; starting empty.` };
    }
  }

  private restore(saved: PersistedState): void {
    const s = this.store;
    for (const image of saved.images ?? []) {
      s.images.set(`${image.msn}\u0000${image.imageId}`, { ...image, bytes: new Uint8Array(Buffer.from(image.bytes, 'base64')) });
    }
    const fill = <T extends { msn: string }>(map: Map<string, T>, list: unknown[] | undefined, id: (r: T) => string[]) => {
      for (const record of (list ?? []) as T[]) map.set([record.msn, ...id(record)].join('\u0000'), record);
    };
    fill(s.orders, saved.orders, (r: { paymentType: string; orderId: string }) => [r.paymentType, r.orderId]);
    fill(s.epayments, saved.epayments, (r: { reference: string }) => [r.reference]);
    fill(s.ecomPayments, saved.ecomPayments, (r: { orderId: string }) => [r.orderId]);
    fill(s.agreements, saved.agreements, (r: { id: string }) => [r.id]);
    fill(s.charges, saved.charges, (r: { id: string }) => [r.id]);
    for (const [k, record] of saved.idempotency ?? []) s.idempotency.set(k, record);
  }

  private snapshot(): PersistedState {
    const s = this.store;
    return {
      version: 1,
      tokenSecret: this.tokenSecret(),
      images: entries(s.images).map((image) => ({ ...image, bytes: Buffer.from(image.bytes).toString('base64') })),
      orders: entries(s.orders),
      epayments: entries(s.epayments),
      ecomPayments: entries(s.ecomPayments),
      agreements: entries(s.agreements),
      charges: entries(s.charges),
      idempotency: [...s.idempotency.entries()],
    };
  }

  schedule(): void {
    this.dirty = true;
    if (this.timer || this.inFlight) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.saveNow();
    }, SAVE_DELAY_MS);
  }

  private async saveNow(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    this.dirty = false;
    this.inFlight = this.write(JSON.stringify(this.snapshot()))
      .catch((error: unknown) => {
        this.dirty = true;
        console.error(`Vipps sandbox: could not save state to ${this.file}:`, error);
      })
      .finally(() => {
        this.inFlight = null;
        if (this.dirty && !this.timer) this.schedule();
      });
    return this.inFlight;
  }

  private async write(text: string): Promise<void> {
    const temp = `${this.file}.${process.pid}.${++this.writes}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, this.file);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  /** Waits for pending saves; used on close so nothing written is lost. */
  async flush(): Promise<void> {
    for (;;) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      if (this.inFlight) {
        await this.inFlight;
        continue;
      }
      if (!this.dirty) return;
      await this.saveNow();
    }
  }
}
