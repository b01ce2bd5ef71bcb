import type { IncomingHttpHeaders } from 'node:http';
import type { SalesUnit, SandboxConfig } from './config';
import type { SandboxStore } from './state';
import type { TokenAuthority } from './auth';
import type { Agenda } from './agenda';
import type { SandboxClock } from './clock';
import type { WebhookDispatcher } from './webhook-delivery';

/** Which API a route belongs to; it decides the error body shape and header rules. */
export type ApiKind = 'token' | 'om' | 'epayment' | 'ecom' | 'recurring' | 'userinfo' | 'webhooks';

export interface Reply {
  status: number;
  /** Serialised as JSON unless `raw` is given. */
  body?: unknown;
  raw?: string | Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface SalesUnitRegistry {
  bySubscriptionKey(key: string): SalesUnit | undefined;
  byClientId(clientId: string): SalesUnit | undefined;
  all(): readonly SalesUnit[];
}

/** Everything a handler may use; one per running sandbox. */
export interface SandboxDeps {
  config: SandboxConfig;
  store: SandboxStore;
  tokens: TokenAuthority;
  units: SalesUnitRegistry;
  now: () => number;
  random: () => number;
  baseUrl: () => string;
  webhooks: WebhookDispatcher;
  /** The test clock behind `now`. */
  clock: SandboxClock;
  /** Acts due at a later sandbox time (a customer who approves after a while). */
  agenda: Agenda;
}

export interface RequestContext {
  deps: SandboxDeps;
  api: ApiKind;
  method: string;
  /** The path as received (case kept), without the query string. */
  path: string;
  /** The query string, parsed. */
  query: URLSearchParams;
  /** Path parameters, percent-decoded, case kept. */
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  bodyText: string | null;
  /** Set once the subscription key and token have been checked. */
  unit: SalesUnit | null;
  /** Said in the request log: values accepted leniently, and why. */
  notes: string[];
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export function header(ctx: Pick<RequestContext, 'headers'>, name: string): string | undefined {
  const value = ctx.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function requireUnit(ctx: RequestContext): SalesUnit {
  if (!ctx.unit) throw new Error('Handler reached without an authenticated sales unit');
  return ctx.unit;
}
