import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { shortId, uuid } from './ids';
import { signWebhook } from './webhook-signing';

export interface WebhookRegistration {
  msn: string;
  id: string;
  url: string;
  events: string[];
  secret: string;
  createdAt: string;
}

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  msn: string;
  url: string;
  event: string;
  reference: string;
  createdAt: string;
  /** 'held': the URL is not on this machine, so the sandbox kept the event instead of sending it. */
  outcome: 'pending' | 'delivered' | 'failed' | 'held';
  /** Why the delivery was held, when it was. */
  heldReason?: string;
  attempts: DeliveryAttempt[];
}

/** `--forward-to`: every event of every sales unit also goes here, signed with this secret. */
export interface ForwardTarget {
  url: string;
  secret: string;
}

/** setTimeout by default; tests pass one that runs at once, so no test sleeps through a backoff. */
export type Schedule = (run: () => void, delayMs: number) => void;

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const DELIVERY_LOG_SIZE = 200;
const MAX_PER_SALES_UNIT = 25;

export type RegisterResult = { ok: true; webhook: WebhookRegistration } | { ok: false; field: string; reason: string };

interface Retry {
  dueAtMs: number;
  fired: boolean;
  run: () => void;
}

export const HELD_REASON = 'The URL is not on this machine; the sandbox never sends traffic elsewhere, so it keeps the event here. Use --forward-to to receive every event locally.';

/**
 * What the Webhooks API accepts: any https URL, as the real one does (it wants a public one), and
 * for local receivers an http URL on this machine. Where the sandbox will deliver is decided later.
 */
export function checkRegistrationUrl(raw: string): { ok: true; url: URL } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'The url is not an absolute URL, e.g. https://example.com/vipps-webhooks.' };
  }
  if (url.username || url.password) return { ok: false, reason: 'The url may not carry a user name or password.' };
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && LOOPBACK_NAMES.has(url.hostname.toLowerCase())) return { ok: true, url };
  return { ok: false, reason: 'The url must start with https:// (an http:// URL is accepted only on this machine: 127.0.0.1, localhost or ::1).' };
}

/** This machine only: the sandbox is local and must never send traffic anywhere else. */
export function checkLoopbackUrl(raw: string): { ok: true; url: URL } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'The url is not an absolute URL, e.g. http://127.0.0.1:3000/vipps-webhooks.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'The url must start with http:// or https://.' };
  if (url.username || url.password) return { ok: false, reason: 'The url may not carry a user name or password.' };
  if (!LOOPBACK_NAMES.has(url.hostname.toLowerCase())) {
    return {
      ok: false,
      reason: 'The sandbox delivers webhooks only to this machine (127.0.0.1, localhost or ::1), never elsewhere. Run your receiver locally, e.g. at http://127.0.0.1:3000/vipps-webhooks.',
    };
  }
  return { ok: true, url };
}

/**
 * Keeps webhook registrations (in memory: their secrets are never written to disk) and delivers
 * events to them, signed, retrying failures after the configured, bounded delays.
 */
export class WebhookDispatcher {
  private readonly registrations = new Map<string, WebhookRegistration>();
  private deliveries: WebhookDelivery[] = [];
  private pending = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly options: {
      now: () => number;
      retryDelaysMs: () => readonly number[];
      timeoutMs: () => number;
      schedule?: Schedule;
      forwardTo?: () => ForwardTarget | null;
    },
  ) {}

  private retries: Retry[] = [];

  register(msn: string, url: string, events: string[]): RegisterResult {
    const checked = checkRegistrationUrl(url);
    if (!checked.ok) return { ok: false, field: 'url', reason: checked.reason };
    if (this.list(msn).length >= MAX_PER_SALES_UNIT) return { ok: false, field: 'url', reason: `A sales unit may register at most ${MAX_PER_SALES_UNIT} webhooks; delete one first.` };
    const webhook: WebhookRegistration = { msn, id: uuid(), url, events: [...new Set(events)], secret: shortId('', 40), createdAt: new Date(this.options.now()).toISOString() };
    this.registrations.set(`${msn}\u0000${webhook.id}`, webhook);
    return { ok: true, webhook };
  }

  list(msn?: string): WebhookRegistration[] {
    return [...this.registrations.values()].filter((w) => msn === undefined || w.msn === msn);
  }

  remove(msn: string, id: string): boolean {
    return this.registrations.delete(`${msn}\u0000${id}`);
  }

  /** Newest first. */
  deliveryLog(limit = DELIVERY_LOG_SIZE): WebhookDelivery[] {
    return this.deliveries.slice(-limit).reverse();
  }

  /** Sends `payload` to every webhook of this sales unit that listens for `event`. */
  emit(msn: string, event: string, reference: string, payload: unknown): void {
    const body = JSON.stringify(payload);
    const targets: WebhookRegistration[] = [...this.registrations.values()].filter((w) => w.msn === msn && w.events.includes(event));
    const forward = this.options.forwardTo?.() ?? null;
    if (forward) targets.push({ msn, id: 'forward-to', url: forward.url, events: [event], secret: forward.secret, createdAt: '' });
    for (const webhook of targets) {
      const delivery: WebhookDelivery = {
        id: uuid(),
        webhookId: webhook.id,
        msn,
        url: webhook.url,
        event,
        reference,
        createdAt: new Date(this.options.now()).toISOString(),
        outcome: 'pending',
        attempts: [],
      };
      this.deliveries.push(delivery);
      if (this.deliveries.length > DELIVERY_LOG_SIZE) this.deliveries = this.deliveries.slice(-DELIVERY_LOG_SIZE);
      if (!checkLoopbackUrl(webhook.url).ok) {
        delivery.outcome = 'held';
        delivery.heldReason = HELD_REASON;
        continue;
      }
      this.pending++;
      void this.attempt(delivery, webhook, body);
    }
  }

  /** When the next retry is due on the sandbox clock, or null. */
  nextRetryMs(): number | null {
    let next: number | null = null;
    for (const r of this.retries) if (!r.fired && (next === null || r.dueAtMs < next)) next = r.dueAtMs;
    return next;
  }

  /** The test clock moved: retries whose backoff has passed on the sandbox clock go now. */
  runDueRetries(): void {
    const now = this.options.now();
    for (const r of [...this.retries]) if (r.dueAtMs <= now) this.fire(r);
  }

  private fire(retry: Retry): void {
    if (retry.fired) return;
    retry.fired = true;
    this.retries = this.retries.filter((r) => r !== retry);
    retry.run();
  }

  /** Resolves once no delivery is waiting or in flight (tests, and a clean shutdown). */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  clear(): void {
    this.registrations.clear();
    this.deliveries = [];
    this.retries = [];
  }

  private settle(delivery: WebhookDelivery, outcome: 'delivered' | 'failed'): void {
    delivery.outcome = outcome;
    this.pending--;
    if (this.pending === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const wake of waiters) wake();
    }
  }

  private async attempt(delivery: WebhookDelivery, webhook: WebhookRegistration, body: string): Promise<void> {
    const started = performance.now();
    const at = new Date(this.options.now()).toISOString();
    let status: number | null = null;
    let error: string | null = null;
    try {
      status = await this.post(webhook, body);
      if (status < 200 || status > 299) error = `The receiver answered ${status}.`;
    } catch (cause) {
      error = cause instanceof Error ? cause.message.slice(0, 200) : 'The delivery failed.';
    }
    delivery.attempts.push({ at, status, error, durationMs: Math.round(performance.now() - started) });
    if (error === null) return this.settle(delivery, 'delivered');
    const delays = this.options.retryDelaysMs();
    const retry = delivery.attempts.length - 1;
    if (retry >= delays.length || !this.registrations.has(`${webhook.msn}\u0000${webhook.id}`)) return this.settle(delivery, 'failed');
    const schedule = this.options.schedule ?? ((run, ms) => setTimeout(run, ms).unref());
    const delay = delays[retry] ?? 0;
    // Due on the sandbox clock too, so moving the test clock past the backoff sends it at once.
    const entry: Retry = { dueAtMs: this.options.now() + delay, fired: false, run: () => void this.attempt(delivery, webhook, body) };
    this.retries.push(entry);
    schedule(() => this.fire(entry), delay);
  }

  private post(webhook: WebhookRegistration, body: string): Promise<number> {
    const checked = checkLoopbackUrl(webhook.url);
    if (!checked.ok) return Promise.reject(new Error(checked.reason));
    const url = checked.url;
    const pathAndQuery = `${url.pathname}${url.search}`;
    const date = new Date(this.options.now()).toUTCString();
    const signed = signWebhook({ secret: webhook.secret, pathAndQuery, host: url.host, date, body });
    // "localhost" is dialled as 127.0.0.1 so no resolver can point it elsewhere.
    const address = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname.replace(/^\[|\]$/g, '');
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(
        {
          host: address,
          port: url.port || (url.protocol === 'https:' ? 443 : 80),
          path: pathAndQuery,
          method: 'POST',
          headers: { host: url.host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...signed },
          timeout: this.options.timeoutMs(),
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`No answer within ${this.options.timeoutMs()} ms.`)));
      req.on('error', (e: NodeJS.ErrnoException) => reject(new Error(e.code === 'ECONNREFUSED' ? `Nothing listens at ${url.host}.` : e.message)));
      req.end(body);
    });
  }
}
