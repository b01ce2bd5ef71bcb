import type { HttpMethod } from '../../../shared/contract/requests';
import { checkRequestRules, irreversibleActOf } from '../../../shared/vipps/request-rules';
import { fail } from '../failure';
import type { SalesUnitProfile } from '../profiles/profile-document';
import { isStateChanging } from './endpoints';

/** Enough for any realistic session; the oldest confirmations go first. */
const MAX_CONFIRMED_RUNS = 1_000;

/**
 * Production moves real money. The first state-changing request of a run against a
 * production profile's host waits for an explicit yes; after that the run goes on without
 * asking again. A send without a run id is a run of its own, so it asks every time.
 * Receipts and images cannot be undone at all: before one goes, every rule is checked (a
 * broken one is refused outright), and it asks on its own, naming what becomes permanent.
 */
export class ProductionGuard {
  readonly #confirmedRuns = new Set<string>();

  check(input: {
    profile: SalesUnitProfile;
    method: HttpMethod;
    toProfileHost: boolean;
    tokenEndpoint: boolean;
    runId: string | undefined;
    confirmed: boolean;
    /** The filled URL and body, to recognise a receipt or an image and check it. */
    url: string;
    body: string;
  }): void {
    const { profile, method, runId } = input;
    if (profile.environment !== 'production' || !input.toProfileHost || input.tokenEndpoint || !isStateChanging(method)) return;
    const permanent = irreversibleActOf({ method, url: input.url, body: input.body });
    if (permanent) {
      const { issues } = checkRequestRules({ method, url: input.url, body: input.body });
      if (issues.length > 0) {
        fail(
          'INVALID_INPUT',
          `Not sent to Production: ${permanent} It breaks ${issues.length === 1 ? 'a rule' : `${issues.length} rules`}: ${issues.map((i) => `${i.name}: ${i.reason}`).join(' ')} Fix ${issues.length === 1 ? 'it' : 'them'} first.`,
          issues.map((i) => ({ path: i.name, message: i.reason })),
        );
      }
      if (!input.confirmed) {
        fail('CONFIRMATION_REQUIRED', `This ${method} goes to Production for "${profile.name}" (MSN ${profile.msn}) and cannot be undone. ${permanent} Every rule check passed. Confirm to send it.`);
      }
      return;
    }
    if (runId !== undefined && this.#confirmedRuns.has(runId)) return;
    if (!input.confirmed) {
      fail(
        'CONFIRMATION_REQUIRED',
        `This ${method} goes to Production for "${profile.name}" (MSN ${profile.msn}) and can move real money. Confirm to send it${runId ? '; the rest of this run will not ask again' : ''}.`,
      );
    }
    if (runId !== undefined) {
      this.#confirmedRuns.add(runId);
      if (this.#confirmedRuns.size > MAX_CONFIRMED_RUNS) this.#confirmedRuns.delete(this.#confirmedRuns.values().next().value as string);
    }
  }
}
