/**
 * Acts set for a later sandbox time (a customer who approves after 30 seconds). They run when
 * the time comes, by a timer while the clock runs, or at once when the test clock is moved past
 * them; never twice. Kept in memory: after a restart the payment simply waits, as if the
 * customer had put the phone away.
 */
interface Entry {
  dueAtMs: number;
  label: string;
  run: () => void;
}

export interface AgendaItem {
  dueAt: string;
  label: string;
}

const MAX_ENTRIES = 10_000;

export class Agenda {
  private entries: Entry[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly now: () => number, private readonly onError: (error: unknown) => void) {}

  add(dueAtMs: number, label: string, run: () => void): void {
    if (this.entries.length >= MAX_ENTRIES) this.entries.shift();
    this.entries.push({ dueAtMs, label, run });
    this.entries.sort((a, b) => a.dueAtMs - b.dueAtMs);
    this.arm();
  }

  /** Runs, in time order, every act whose time has come; answers their labels. */
  runDue(): string[] {
    const now = this.now();
    const ran: string[] = [];
    while (this.entries.length > 0 && (this.entries[0]?.dueAtMs ?? Infinity) <= now) {
      const entry = this.entries.shift() as Entry;
      try {
        entry.run();
        ran.push(entry.label);
      } catch (error) {
        this.onError(error);
      }
    }
    this.arm();
    return ran;
  }

  nextDueMs(): number | null {
    return this.entries[0]?.dueAtMs ?? null;
  }

  list(): AgendaItem[] {
    return this.entries.map((e) => ({ dueAt: new Date(e.dueAtMs).toISOString(), label: e.label }));
  }

  clear(): void {
    this.entries = [];
    this.arm();
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const next = this.entries[0];
    if (!next) return;
    // A frozen clock never reaches the time by itself; the timer then just finds nothing due.
    this.timer = setTimeout(() => this.runDue(), Math.min(Math.max(next.dueAtMs - this.now(), 0), 2 ** 31 - 1));
    this.timer.unref();
  }
}
