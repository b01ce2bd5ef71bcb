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
  outcome: 'pending' | 'delivered' | 'failed';
  attempts: DeliveryAttempt[];
}

/** setTimeout by default; tests pass one that runs at once, so no test sleeps through a backoff. */
export type Schedule = (run: () => void, delayMs: number) => void;

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const DELIVERY_LOG_SIZE = 200;
const MAX_PER_SALES_UNIT = 25;

export type RegisterResult = { ok: true; webhook: WebhookRegistration } | { ok: false; field: string; reason: string };

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
    },
  ) {}

  register(msn: string, url: string, events: string[]): RegisterResult {
    const checked = checkLoopbackUrl(url);
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
    for (const webhook of this.registrations.values()) {
      if (webhook.msn !== msn || !webhook.events.includes(event)) continue;
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
      this.pending++;
      void this.attempt(delivery, webhook, body);
    }
  }

  /** Resolves once no delivery is waiting or in flight (tests, and a clean shutdown). */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  clear(): void {
    this.registrations.clear();
    this.deliveries = [];
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
    schedule(() => void this.attempt(delivery, webhook, body), delays[retry] ?? 0);
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
