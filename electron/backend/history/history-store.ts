import { z } from 'zod';
import { HistoryEntrySchema, type HistoryEntry, type HistorySummary } from '../../../shared/contract/history';
import { openDocument, type DocumentStore, type StoreFactory } from '../store/document-store';
import type { NoticeBoard } from '../store/notices';

export interface HistoryLimits {
  maxEntries: number;
  /** Total size of the stored entries, measured as their JSON text. */
  maxBytes: number;
  /** Each request or response body is cut to this many characters. */
  bodyCap: number;
}

export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { maxEntries: 500, maxBytes: 20 * 1024 * 1024, bodyCap: 64 * 1024 };

const HistoryDocumentSchema = z.object({ entries: z.array(HistoryEntrySchema) });
type HistoryDocument = z.infer<typeof HistoryDocumentSchema>;

export interface HistoryQuery {
  text?: string;
  method?: string;
  status?: number | '1xx' | '2xx' | '3xx' | '4xx' | '5xx' | 'error';
  offset: number;
  limit: number;
}

function matchesStatus(entry: HistoryEntry, status: HistoryQuery['status']): boolean {
  if (status === undefined) return true;
  if (status === 'error') return entry.response === undefined;
  if (typeof status === 'number') return entry.response?.status === status;
  const hundreds = Number(status[0]);
  return entry.response !== undefined && Math.floor(entry.response.status / 100) === hundreds;
}

function searchableText(entry: HistoryEntry): string {
  const parts = [entry.label ?? '', entry.request.url, entry.request.body, entry.response?.body ?? '', entry.error?.message ?? ''];
  for (const { name, value } of [...entry.request.headers, ...(entry.response?.headers ?? [])]) parts.push(`${name}: ${value}`);
  return parts.join('\n').toLowerCase();
}

/**
 * Every send, newest last, in history.json. Entries arrive already redacted. The file is
 * bounded by count and by size (oldest dropped first), and written shortly after a change
 * rather than on every send, so a burst of requests does not rewrite a large file each time.
 */
export class HistoryStore {
  readonly #doc: DocumentStore<HistoryDocument>;
  readonly #limits: HistoryLimits;
  #entries: HistoryEntry[];
  #sizes: number[];
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(options: { factory: StoreFactory; dir: string; notices: NoticeBoard; limits?: Partial<HistoryLimits> }) {
    this.#limits = { ...DEFAULT_HISTORY_LIMITS, ...options.limits };
    this.#doc = openDocument<HistoryDocument>({
      factory: options.factory,
      dir: options.dir,
      name: 'history',
      label: 'request history',
      schema: HistoryDocumentSchema,
      version: 1,
      defaults: () => ({ entries: [] }),
      notices: options.notices,
    });
    this.#entries = [...this.#doc.read().entries];
    this.#sizes = this.#entries.map(sizeOf);
    if (this.#trim()) this.flush();
  }

  get limits(): HistoryLimits {
    return this.#limits;
  }

  get path(): string {
    return this.#doc.path;
  }

  add(entry: HistoryEntry): void {
    this.#entries.push(entry);
    this.#sizes.push(sizeOf(entry));
    this.#trim();
    this.#schedule();
  }

  get(id: string): HistoryEntry | undefined {
    return this.#entries.find((e) => e.id === id);
  }

  list(query: HistoryQuery): { entries: HistorySummary[]; total: number } {
    const text = query.text?.trim().toLowerCase();
    const method = query.method?.toUpperCase();
    const matching = this.#entries
      .filter((e) => (!method || e.request.method === method) && matchesStatus(e, query.status) && (!text || searchableText(e).includes(text)))
      .reverse();
    return { entries: matching.slice(query.offset, query.offset + query.limit).map(summarise), total: matching.length };
  }

  remove(id: string): boolean {
    const index = this.#entries.findIndex((e) => e.id === id);
    if (index < 0) return false;
    this.#entries.splice(index, 1);
    this.#sizes.splice(index, 1);
    this.#schedule();
    return true;
  }

  clear(): number {
    const removed = this.#entries.length;
    this.#entries = [];
    this.#sizes = [];
    this.flush();
    return removed;
  }

  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#doc.write({ entries: this.#entries });
  }

  /** Final write at shutdown; a request cancelled by the shutdown itself is not written after it. */
  close(): void {
    this.flush();
    this.#closed = true;
  }

  #schedule(): void {
    if (this.#timer || this.#closed) return;
    this.#timer = setTimeout(() => this.flush(), 250);
    this.#timer.unref?.();
  }

  #trim(): boolean {
    let total = this.#sizes.reduce((sum, size) => sum + size, 0);
    let dropped = false;
    while (this.#entries.length > 0 && (this.#entries.length > this.#limits.maxEntries || total > this.#limits.maxBytes)) {
      this.#entries.shift();
      total -= this.#sizes.shift() ?? 0;
      dropped = true;
    }
    return dropped;
  }
}

function sizeOf(entry: HistoryEntry): number {
  return Buffer.byteLength(JSON.stringify(entry));
}

function summarise(entry: HistoryEntry): HistorySummary {
  return {
    id: entry.id,
    time: entry.time,
    method: entry.request.method,
    url: entry.request.url,
    ...(entry.label ? { label: entry.label } : {}),
    ...(entry.response ? { status: entry.response.status, size: entry.response.size } : {}),
    ...(entry.error ? { errorCode: entry.error.code } : {}),
    ...(entry.timings ? { totalMs: entry.timings.total } : {}),
    profileName: entry.profileName,
  };
}
