/** What the inspector shows per request. Header values are never kept: they hold secrets. */
export interface RequestLogEntry {
  seq: number;
  time: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  api: string | null;
  msn: string | null;
  fault: 'error' | 'latency' | null;
  /** Values accepted leniently, each with what the spec asks for. */
  notes: string[];
}

/** Fixed-size ring buffer, so logging costs the same at request 10 and request 10 million. */
export class RequestLog {
  private readonly entries: Array<RequestLogEntry | undefined>;
  private next = 0;
  private count = 0;
  private seq = 0;

  constructor(private readonly capacity: number) {
    this.entries = new Array<RequestLogEntry | undefined>(capacity);
  }

  add(entry: Omit<RequestLogEntry, 'seq'>): void {
    this.entries[this.next] = { seq: ++this.seq, ...entry };
    this.next = (this.next + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  /** Oldest first; `limit` keeps the newest ones. */
  list(limit = this.capacity): RequestLogEntry[] {
    const n = Math.min(limit, this.count);
    const out: RequestLogEntry[] = [];
    for (let i = n; i > 0; i--) {
      const entry = this.entries[(this.next - i + this.capacity) % this.capacity];
      if (entry) out.push(entry);
    }
    return out;
  }

  get total(): number {
    return this.seq;
  }

  clear(): void {
    this.entries.fill(undefined);
    this.next = 0;
    this.count = 0;
  }
}
