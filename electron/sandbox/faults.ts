import { effectiveFaults } from './config';
import type { ApiKind, Reply, SandboxDeps } from './context';
import { problemReply } from './errors';

export interface FaultDecision {
  delayMs: number;
  /** A ready 5xx answer when this request was picked to fail; null otherwise. */
  failure: Reply | null;
}

const NONE: FaultDecision = { delayMs: 0, failure: null };

/**
 * Decides the injected faults for one API call. The sales unit is known from the subscription
 * key alone, so per-unit faults apply even to calls that would fail authentication.
 */
export function decideFaults(deps: SandboxDeps, api: ApiKind, path: string, subscriptionKey: string | undefined): FaultDecision {
  const all = deps.config.faults;
  const unit = subscriptionKey ? deps.units.bySubscriptionKey(subscriptionKey) : undefined;
  const hasOverrides = unit !== undefined && all.perSalesUnit[unit.msn] !== undefined;
  if (!hasOverrides && all.latencyMs === 0 && all.errorRate === 0) return NONE;
  const faults = effectiveFaults(all, unit?.msn ?? null);
  const fails = faults.errorRate > 0 && deps.random() < faults.errorRate;
  return {
    delayMs: faults.latencyMs,
    failure: fails
      ? problemReply(api, path, {
          status: faults.errorStatus,
          title: 'Injected server error.',
          detail: `The sandbox answered ${faults.errorStatus} on purpose (fault injection, error rate ${faults.errorRate}). Retry the call; turn faults off in the sandbox settings.`,
        })
      : null,
  };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
