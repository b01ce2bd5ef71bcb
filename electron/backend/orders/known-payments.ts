import { paymentIdOf } from '../../../shared/vipps/order-ids';
import type { RunningSandbox } from '../../sandbox/index';
import type { HistoryStore } from '../history/history-store';

export type PaymentSource = 'session' | 'history' | 'sandbox';

export interface OrderIdCheck {
  /** Where a payment with this id was seen; empty when none was. */
  matches: PaymentSource[];
  /** The newest payment ids known, newest first, for the editor to offer instead. */
  recent: string[];
}

/** A request as the engine sent it and the status it got; only ids are read from it, nothing is kept. */
export interface SentExchange {
  method: string;
  url: string;
  body: string;
  status: number;
  responseBody?: string;
}

/** Enough for any session; the oldest ids go first. */
const MAX_SESSION_IDS = 2_000;
const MAX_RECENT = 8;
/** History entries read per check: the store keeps 500 by default. */
const HISTORY_SCAN = 1_000;
const SANDBOX_SCAN = 500;

/**
 * The payments this backend knows of: those its engine made or named with success in this
 * session, those in the history, and those the embedded sandbox holds. An Order Management
 * category or receipt for any other id is accepted by the API and shown nowhere, so the editor
 * and the CLI ask here before sending one.
 */
export class KnownPayments {
  readonly #history: HistoryStore | undefined;
  readonly #sandbox: () => RunningSandbox | undefined;
  /** Insertion order is age: the newest id is last. */
  readonly #session = new Set<string>();

  constructor(deps: { history?: HistoryStore; sandbox: () => RunningSandbox | undefined }) {
    this.#history = deps.history;
    this.#sandbox = deps.sandbox;
  }

  /** Called by the engine for every answer; a refused create made no payment, so only 2xx counts. */
  noteSent(exchange: SentExchange): void {
    if (exchange.status < 200 || exchange.status >= 300) return;
    const id = paymentIdOf(exchange);
    if (!id) return;
    this.#session.delete(id);
    this.#session.add(id);
    if (this.#session.size > MAX_SESSION_IDS) this.#session.delete(this.#session.values().next().value as string);
  }

  check(orderId: string): OrderIdCheck {
    const lists: Record<PaymentSource, string[]> = { session: [...this.#session].reverse(), history: this.#historyIds(), sandbox: this.#sandboxIds() };
    const matches = (Object.keys(lists) as PaymentSource[]).filter((source) => lists[source].includes(orderId));
    const recent = [...new Set([...lists.session, ...lists.history, ...lists.sandbox])].filter((id) => id !== orderId).slice(0, MAX_RECENT);
    return { matches, recent };
  }

  #historyIds(): string[] {
    const history = this.#history;
    if (!history) return [];
    const ids: string[] = [];
    for (const summary of history.list({ offset: 0, limit: HISTORY_SCAN }).entries) {
      if (summary.status === undefined || summary.status < 200 || summary.status >= 300) continue;
      const entry = history.get(summary.id);
      if (!entry) continue;
      const id = paymentIdOf({ method: entry.request.method, url: entry.request.url, body: entry.request.body, responseBody: entry.response?.body });
      if (id) ids.push(id);
    }
    return ids;
  }

  #sandboxIds(): string[] {
    const snapshot = this.#sandbox()?.inspect({ offset: 0, limit: SANDBOX_SCAN });
    if (!snapshot) return [];
    // ePayment and eCom payments come as two newest-first lists; merged by creation time, then the charges.
    const payments = [...snapshot.payments].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return [...payments.map((p) => (p.api === 'epayment' ? p.reference : p.orderId)), ...snapshot.charges.map((c) => c.id)];
  }
}
