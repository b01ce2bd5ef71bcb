import { MAX_ADVANCE_MS, type ClockState } from './clock';
import type { SandboxDeps } from './context';
import { expireIfDue } from './epayment';
import { settleIfDue } from './recurring-charges';

export interface AdvanceResult {
  clock: ClockState;
  /** What happened on the way, in time order. */
  happened: string[];
}

/** Bounds one advance, so a huge backlog cannot hold the sandbox for long. */
const MAX_STEPS = 10_000;

/** The earliest moment after which something is waiting to happen, or null. */
function nextDue(deps: SandboxDeps): number | null {
  let next: number | null = deps.agenda.nextDueMs();
  const consider = (ms: number) => {
    if (next === null || ms < next) next = ms;
  };
  for (const p of deps.store.epayments.values()) if (p.state === 'CREATED') consider(p.expiresAtMs);
  for (const c of deps.store.charges.values()) if (c.status === 'PENDING' || c.status === 'DUE') consider(Date.parse(c.due));
  const retry = deps.webhooks.nextRetryMs();
  if (retry !== null) consider(retry);
  return next;
}

/** Everything whose time has come happens now: customer acts, expiries, due charges, webhook retries. */
export function catchUp(deps: SandboxDeps): string[] {
  const ctx = { deps };
  const happened: string[] = [];
  happened.push(...deps.agenda.runDue());
  for (const p of deps.store.epayments.values()) {
    const before = p.state;
    expireIfDue(ctx, p);
    if (p.state !== before) happened.push(`payment ${p.reference} expired`);
  }
  for (const c of deps.store.charges.values()) {
    const before = c.status;
    settleIfDue(ctx, c);
    if (c.status !== before) happened.push(`charge ${c.id} ${c.status.toLowerCase()}`);
  }
  deps.webhooks.runDueRetries();
  return happened;
}

/**
 * Moves the test clock forward, stopping at each moment something falls due on the way, so
 * events carry the time they would have had and come in the order they would have come.
 */
export function advanceClock(deps: SandboxDeps, ms: number): AdvanceResult {
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_ADVANCE_MS) throw new RangeError(`The clock moves forward only, by at most ${MAX_ADVANCE_MS / 86_400_000} days at a time.`);
  const target = deps.clock.now() + ms;
  const happened: string[] = [];
  for (let step = 0; step < MAX_STEPS; step++) {
    const next = nextDue(deps);
    if (next === null || next > target) break;
    deps.clock.moveTo(next);
    const done = catchUp(deps);
    happened.push(...done.map((what) => `${new Date(deps.clock.now()).toISOString()} ${what}`));
    if (done.length === 0 && next <= deps.clock.now() && nextDue(deps) === next) break;
  }
  deps.clock.moveTo(target);
  happened.push(...catchUp(deps).map((what) => `${new Date(deps.clock.now()).toISOString()} ${what}`));
  return { clock: deps.clock.state(), happened };
}
