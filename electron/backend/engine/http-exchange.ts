import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import axios, { AxiosHeaders, type AxiosAdapter, type AxiosInstance, type AxiosRequestConfig, type AxiosResponse, type InternalAxiosRequestConfig, type RawAxiosHeaders } from 'axios';
import type { HeaderLine, HttpMethod } from '../../../shared/contract/requests';
import { isLoopbackHost } from './endpoints';
import { TimingRecorder } from './timings';

export interface ExchangeRequest {
  method: HttpMethod;
  url: URL;
  headers: HeaderLine[];
  /** Text, or the bytes of a multipart or binary body. */
  body: string | Buffer;
  signal: AbortSignal;
}

export interface ExchangeResponse {
  status: number;
  statusText: string;
  headers: HeaderLine[];
  /** Already decompressed; the caller must consume or destroy it. */
  stream: Readable;
  timings: TimingRecorder;
}

/** The TCP keep-alive delay axios' http adapter gives every socket it sends on (lib/adapters/http.js). */
export const AXIOS_KEEP_ALIVE_MS = 60_000;

/**
 * Keep-alive pools owned by one engine, so dispose() can close every socket it opened, and the one
 * axios instance that sends through them. What never changes between requests is settled once,
 * here: the instance's options, the config template derived from its defaults, and the default
 * headers per method. A request then adds only its own method, URL, headers, body and signal.
 */
export class ConnectionPools {
  // Axios' adapter sets TCP keep-alive to 60 s on every request's socket and the agent set it back
  // to its own 1 s each time the socket went back to the pool: two setsockopt calls per request.
  // With the agent at axios' value, Node sees no change and makes none.
  readonly http = new http.Agent({ keepAlive: true, keepAliveMsecs: AXIOS_KEEP_ALIVE_MS });
  readonly https = new https.Agent({ keepAlive: true, keepAliveMsecs: AXIOS_KEEP_ALIVE_MS });
  /** Axios is told to leave everything alone: no status errors, no body transforms, and the body comes back as a stream. */
  readonly client: AxiosInstance = axios.create({
    transformRequest: [],
    transformResponse: [],
    responseType: 'stream',
    // Redirects are followed by the engine itself (redirects.ts), hop by hop.
    maxRedirects: 0,
    // Always Node's http: axios would pick XMLHttpRequest or fetch wherever a host defines them.
    adapter: 'http',
    validateStatus: null,
    maxContentLength: -1,
    maxBodyLength: -1,
    httpAgent: this.http,
    httpsAgent: this.https,
  });
  /**
   * The instance's adapter, called directly. Axios' request() would merge the defaults into a new
   * config, flatten the header buckets, run the (empty) interceptor chain and the (empty) transforms
   * on every request: the same result each time, so it is done once here instead.
   */
  readonly send: AxiosAdapter = axios.getAdapter(this.client.defaults.adapter);
  /** The merged defaults without their headers; a request inherits them (axios reads inherited template members). */
  readonly template: Readonly<InternalAxiosRequestConfig> = templateOf(this.client);
  readonly #methodHeaders = new Map<string, Readonly<Record<string, string | undefined>>>();

  /**
   * The headers axios adds to a request of this method (its `common` and per-method defaults:
   * Accept), as plain values. A name without a value (Content-Type) only holds its place: a
   * request's own header of that name goes out there.
   */
  defaultHeaders(method: string): Readonly<Record<string, string | undefined>> {
    const key = method.toLowerCase();
    let headers = this.#methodHeaders.get(key);
    if (!headers) {
      const buckets = this.client.defaults.headers as unknown as Record<string, RawAxiosHeaders | undefined>;
      headers = Object.freeze({ ...(AxiosHeaders.concat(buckets.common ?? {}, buckets[key] ?? {}) as unknown as Record<string, string | undefined>) });
      this.#methodHeaders.set(key, headers);
    }
    return headers;
  }

  destroy(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

function templateOf(client: AxiosInstance): InternalAxiosRequestConfig {
  // mergeConfig hands back a null-prototype object, and axios stops reading inherited members at
  // one of those (its guard against polluted prototypes): the template is an ordinary object.
  const { headers: _buckets, ...merged } = axios.mergeConfig(client.defaults as AxiosRequestConfig, {}) as InternalAxiosRequestConfig;
  // What axios' request() settles for every config; buildFullPath reads it.
  merged.allowAbsoluteUrls ??= true;
  return Object.freeze(merged) as InternalAxiosRequestConfig;
}

/**
 * The request's headers as axios takes them: a name given twice is sent once with its values
 * joined, and axios' defaults come first, a user's header of the same name (in any case) taking
 * the default's place and spelling, as axios' own header merge did. A plain object, so that the
 * adapter builds its header set once.
 */
function headerObject(lines: HeaderLine[], defaults: Readonly<Record<string, string | undefined>>): Record<string, string | false> {
  const merged = new Map<string, { name: string; values: string[]; given: boolean }>();
  for (const [name, value] of Object.entries(defaults)) merged.set(name.toLowerCase(), { name, values: value === undefined ? [] : [value], given: false });
  for (const { name, value } of lines) {
    const key = name.toLowerCase();
    const entry = merged.get(key);
    if (!entry) merged.set(key, { name, values: [value], given: true });
    else if (entry.given) entry.values.push(value);
    else merged.set(key, { name: entry.name, values: [value], given: true });
  }
  const result: Record<string, string | false> = {};
  for (const { name, values } of merged.values()) if (values.length > 0) result[name] = values.join(', ');
  // Axios would quietly add a form Content-Type to a POST without one; what is sent is what the preview shows.
  if (!merged.get('content-type')?.given) result[merged.get('content-type')?.name ?? 'Content-Type'] = false;
  return result;
}

function rawHeaderLines(raw: string[] | undefined, fallback: Record<string, unknown>): HeaderLine[] {
  if (raw && raw.length > 0) {
    const lines: HeaderLine[] = [];
    for (let i = 0; i + 1 < raw.length; i += 2) lines.push({ name: raw[i]!, value: raw[i + 1]! });
    return lines;
  }
  return Object.entries(fallback).flatMap(([name, value]) =>
    Array.isArray(value) ? value.map((v) => ({ name, value: String(v) })) : value === undefined ? [] : [{ name, value: String(value) }],
  );
}

/**
 * One request/response exchange, no redirects (the engine follows them itself so it decides
 * which headers go to the next host), through the pools' axios adapter; no default Content-Type.
 */
export async function exchange(request: ExchangeRequest, pools: ConnectionPools): Promise<ExchangeResponse> {
  const timings = new TimingRecorder();
  const transport = {
    request(options: https.RequestOptions, callback: (res: http.IncomingMessage) => void) {
      const lib = options.protocol === 'https:' ? https : http;
      const req = lib.request(options, callback);
      timings.attach(req);
      return req;
    },
  };
  const sendsBody = request.body.length > 0 || (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS');
  // What axios' dispatch would have refused before sending.
  if (request.signal.aborted) throw new axios.CanceledError();
  const config: InternalAxiosRequestConfig = Object.create(pools.template);
  Object.assign(config, {
    method: request.method.toLowerCase(),
    url: request.url.href,
    headers: headerObject(request.headers, pools.defaultHeaders(request.method)),
    data: sendsBody ? (typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : request.body) : undefined,
    signal: request.signal,
    // Environment proxies (HTTPS_PROXY, NO_PROXY) apply to real hosts; the embedded sandbox and
    // other local servers are never sent through a proxy, whatever NO_PROXY says.
    ...(isLoopbackHost(request.url.hostname) ? { proxy: false as const } : {}),
    transport,
  });
  const response = (await pools.send(config)) as AxiosResponse<Readable>;
  const incoming = (response.request as { res?: http.IncomingMessage } | undefined)?.res;
  return {
    status: response.status,
    statusText: response.statusText ?? incoming?.statusMessage ?? '',
    headers: rawHeaderLines(incoming?.rawHeaders, response.headers as Record<string, unknown>),
    stream: response.data,
    timings,
  };
}
