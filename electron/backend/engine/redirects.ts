import type { HttpMethod, RequestOptions, Timings } from '../../../shared/contract/requests';
import { exchange, type ConnectionPools, type ExchangeResponse } from './http-exchange';
import { withoutCredentials, type OutgoingHeader } from './request-builder';
import { redactUserinfo } from '../../../shared/url-userinfo';
import { addTimings } from './timings';

export interface RedirectHop {
  status: number;
  from: string;
  to: string;
  credentialsDropped: boolean;
}

export interface ExchangeOutcome {
  /** The last response; its body has not been read yet. */
  response: ExchangeResponse;
  redirects: RedirectHop[];
  /** False once a redirect left the profile's host and the credentials were left behind. */
  credentialsKept: boolean;
  /** Time spent on the hops before the last response. */
  earlier: Timings;
}

export const NO_TIME: Timings = { dns: 0, connect: 0, tls: 0, firstByte: 0, total: 0 };
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Sends a request and follows redirects by hand (axios runs with maxRedirects 0), because the
 * engine must decide per hop which headers go along: the token and keys are dropped as soon as
 * a hop leaves the active profile's scheme, host and port, and stay dropped. A 307/308 keeps the
 * URL's query and the body, so each hop is checked again for secrets that may not go there.
 */
export async function followRedirects(
  start: { method: HttpMethod; url: URL; headers: OutgoingHeader[]; body: string | Buffer },
  options: Pick<RequestOptions, 'followRedirects' | 'maxRedirects'>,
  profileOrigin: string | undefined,
  signal: AbortSignal,
  pools: ConnectionPools,
  /** Runs before every hop goes out, the first included; throwing stops the request there. */
  beforeHop: (hop: { url: URL; headers: OutgoingHeader[]; body: string | Buffer }) => void = () => undefined,
): Promise<ExchangeOutcome> {
  let current = { ...start };
  const redirects: RedirectHop[] = [];
  let credentialsKept = true;
  let earlier = NO_TIME;
  for (;;) {
    beforeHop(current);
    const response = await exchange({ ...current, signal }, pools);
    const location = response.headers.find((h) => h.name.toLowerCase() === 'location')?.value;
    const next = location && options.followRedirects && REDIRECT_STATUSES.has(response.status) && redirects.length < options.maxRedirects ? nextUrl(location, current.url) : undefined;
    if (!next) return { response, redirects, credentialsKept, earlier };

    response.stream.destroy();
    response.timings.finish();
    earlier = addTimings(earlier, response.timings.result());
    let headers = current.headers;
    let dropped = false;
    if (next.origin !== profileOrigin) {
      ({ headers, dropped } = withoutCredentials(headers));
      if (dropped) credentialsKept = false;
    }
    // 303 always, and 301/302 after a POST, continue as GET without a body, as browsers do.
    const becomesGet = (response.status === 303 && current.method !== 'HEAD') || ((response.status === 301 || response.status === 302) && current.method === 'POST');
    const method: HttpMethod = becomesGet ? 'GET' : current.method;
    const body = becomesGet ? '' : current.body;
    if (becomesGet) headers = headers.filter((h) => !/^content-(type|length)$/i.test(h.name));
    redirects.push({ status: response.status, from: redactUserinfo(current.url.href), to: redactUserinfo(next.href), credentialsDropped: dropped });
    current = { method, url: next, headers, body };
  }
}

function nextUrl(location: string, base: URL): URL | undefined {
  try {
    const url = new URL(location, base);
    // A Location that carries user:password@ would become Basic auth to that host: it is followed without them.
    url.username = '';
    url.password = '';
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
