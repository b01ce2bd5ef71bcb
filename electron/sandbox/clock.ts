/**
 * The sandbox's own time, like Stripe's test clocks: read from a source (the wall clock, or a
 * test's), and moved by an offset so a flow can jump an hour ahead and see payments expire and
 * charges fall due without waiting. Freezing holds the time still until it is advanced or resumed.
 */
export interface ClockState {
  now: string;
  nowMs: number;
  frozen: boolean;
  /** How far the sandbox's time is ahead of its source, in milliseconds. */
  offsetMs: number;
}

/** The longest single move: a year covers every expiry, retry and charge interval the APIs have. */
export const MAX_ADVANCE_MS = 366 * 86_400_000;

export class SandboxClock {
  private offsetMs = 0;
  private frozenAt: number | null = null;

  constructor(private readonly source: () => number) {}

  readonly now = (): number => this.frozenAt ?? this.source() + this.offsetMs;

  state(): ClockState {
    const nowMs = this.now();
    return { now: new Date(nowMs).toISOString(), nowMs, frozen: this.frozenAt !== null, offsetMs: nowMs - this.source() };
  }

  freeze(): ClockState {
    this.frozenAt ??= this.now();
    return this.state();
  }

  /** Lets time run again from where it stands (a frozen clock keeps its lead over the source). */
  resume(): ClockState {
    if (this.frozenAt !== null) {
      this.offsetMs = this.frozenAt - this.source();
      this.frozenAt = null;
    }
    return this.state();
  }

  /** Moves forward to `targetMs` (never back); `advanceClock` steps through what falls due on the way. */
  moveTo(targetMs: number): void {
    const by = targetMs - this.now();
    if (by <= 0) return;
    if (this.frozenAt !== null) this.frozenAt += by;
    else this.offsetMs += by;
  }

  /** Back to the source's time, running. */
  reset(): ClockState {
    this.offsetMs = 0;
    this.frozenAt = null;
    return this.state();
  }
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "90s", "15m", "2h", "1d", "1h30m" or a number of milliseconds; null when it is none of them. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const parts = [...trimmed.matchAll(/(\d+)(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) return null;
  return parts.reduce((sum, p) => sum + Number(p[1]) * (UNIT_MS[p[2] ?? ''] ?? 0), 0);
}
