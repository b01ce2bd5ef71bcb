import type { SandboxCustomer, SandboxFaults } from '../../../shared/contract/sandbox';

export type StatusTone = 'ok' | 'redirect' | 'client-error' | 'server-error';

/** The colour group of an HTTP status; the number is always shown too, colour only helps. */
export function statusTone(status: number): StatusTone {
  if (status >= 500) return 'server-error';
  if (status >= 400) return 'client-error';
  if (status >= 300) return 'redirect';
  return 'ok';
}

/** Wall-clock time with seconds, in the user's locale: enough to match a log line to a click. */
export function formatClock(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

export function formatDateTime(iso: string | null): string {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { hour12: false });
}

const ACT_WORDS: Record<SandboxCustomer['act'], [string, string]> = {
  approve: ['approved', 'will approve'],
  refuse: ['was refused', 'will be refused'],
  reject: ['declined', 'will decline'],
  ignore: ['did nothing', 'does nothing'],
};

/** What the simulated customer did and when, e.g. "approved at 12:03:44 (the customer approves at once)". */
export function customerText(customer: SandboxCustomer | null): string {
  if (!customer) return 'manual: approve with the test endpoint';
  const [done, later] = ACT_WORDS[customer.act];
  if (customer.act === 'ignore') return `${done} (${customer.why})`;
  return customer.actedAt ? `${done} at ${formatClock(customer.actedAt)} (${customer.why})` : `${later} (${customer.why})`;
}

export function formatPercentShare(rate: number): string {
  return `${Math.round(rate * 1000) / 10} %`;
}

/** Each active fault as a sentence for the banner; empty when the sandbox answers normally. */
export function describeFaults(faults: SandboxFaults): string[] {
  const lines: string[] = [];
  if (faults.latencyMs > 0) lines.push(`Every API answer is held back ${faults.latencyMs} ms.`);
  if (faults.errorRate > 0) {
    lines.push(
      faults.errorRate >= 1
        ? `Every API call is answered with ${faults.errorStatus} instead of being handled.`
        : `About ${formatPercentShare(faults.errorRate)} of API calls are answered with ${faults.errorStatus} instead of being handled.`,
    );
  }
  if (faults.failTokenEndpoint) lines.push(`Asking for an access token fails with ${faults.errorStatus}; tokens already issued keep working.`);
  const units = Object.keys(faults.perSalesUnit);
  if (units.length > 0) lines.push(`The sandbox's config file sets its own faults for MSN ${units.join(', ')}.`);
  return lines;
}
