import { ExplorerFailure } from '../failure';

/**
 * A secret the engine knows by value, with the hosts it may travel to. `label` names it for the
 * person at the screen ("client_secret", "variable apiKey"); the value never leaves this module.
 */
export interface GuardedSecret {
  label: string;
  value: string;
  /** The profile's own host first, then the hosts the user added; see `hostMatches` for the forms. */
  allowedHosts: readonly string[];
}

/** One outgoing request (or redirect hop) as it will go on the wire, variables filled, app headers added. */
export interface OutgoingRequest {
  url: URL;
  headers: ReadonlyArray<{ name: string; value: string }>;
  body: string | Buffer;
}

/**
 * Below this length a value is too likely to turn up by chance ("1000" in an amount), so it counts
 * as carried only when it is a whole header value, query value or body, not a part of one.
 */
const MIN_SUBSTRING_LENGTH = 6;

/** A request that would carry a secret to a host it is not allowed on; the host is kept for the run's report. */
export class SecretHostRefusal extends ExplorerFailure {
  readonly host: string;
  readonly secretLabel: string;

  constructor(message: string, host: string, secretLabel: string) {
    super('FORBIDDEN', message);
    this.host = host;
    this.secretLabel = secretLabel;
  }
}

/**
 * Turns what a user typed as an allowed host into its stored form: lower case, no scheme, path or
 * user info, so "https://Evil.example/x" and "evil.example" are the same entry. Undefined when it
 * is not a host at all.
 */
export function normalizeAllowedHost(text: string): string | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return undefined;
  const wildcard = trimmed.startsWith('*.');
  const authority = (wildcard ? trimmed.slice(2) : trimmed).replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split(/[/?#]/)[0]!;
  if (authority === '' || authority.includes('@')) return undefined;
  let url: URL;
  try {
    url = new URL(`http://${authority}`);
  } catch {
    return undefined;
  }
  // URL drops a port that is the default for http, so the port is taken from what was typed.
  const port = /:(\d+)$/.exec(authority)?.[1];
  const host = port ? `${url.hostname}:${Number(port)}` : url.hostname;
  return wildcard ? `*.${host}` : host;
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : '80';
}

/**
 * Whether `url` is on an allowed host. "host" allows that host on any port, "host:port" that port
 * only, "*.example.com" every host below example.com (not example.com itself).
 */
export function hostMatches(url: URL, allowed: string): boolean {
  const hostname = url.hostname.toLowerCase();
  const port = url.port || defaultPort(url.protocol);
  const portMatch = /^(.*):(\d+)$/.exec(allowed);
  const [name, wantedPort] = portMatch ? [portMatch[1]!, portMatch[2]!] : [allowed, undefined];
  if (wantedPort !== undefined && wantedPort !== port) return false;
  if (name.startsWith('*.')) return hostname.endsWith(name.slice(1));
  return hostname === name;
}

/** The host a URL is shown as in messages: with its port when it has a non-default one. */
export function shownHost(url: URL): string {
  return url.host.toLowerCase();
}

/** Where a secret's value appears in the request, or undefined when it does not. */
export function whereCarried(request: OutgoingRequest, value: string): 'URL' | 'header' | 'body' | undefined {
  if (value.length === 0) return undefined;
  const whole = value.length < MIN_SUBSTRING_LENGTH;
  const contains = (text: string) => (whole ? text === value : text.includes(value));
  // A value in the URL may have been percent-encoded by URL parsing, so both spellings are looked for.
  const encoded = encodeURIComponent(value);
  if (whole) {
    const parts = [...request.url.searchParams.values(), decodeSafely(request.url.pathname), decodeSafely(request.url.hash.slice(1))];
    if (parts.some((part) => part === value || part.split('/').includes(value))) return 'URL';
  } else if (request.url.href.includes(value) || request.url.href.includes(encoded) || decodeSafely(request.url.href).includes(value)) return 'URL';
  if (request.headers.some((h) => contains(h.value) || (whole && h.value.split(/[\s,;=]+/).includes(value)))) return 'header';
  const body = request.body;
  if (typeof body === 'string' ? contains(body) : whole ? body.toString('utf8') === value : body.includes(value)) return 'body';
  return undefined;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Stops a request that would carry any of `secrets` to a host none of its allowed hosts match,
 * naming the secret and the host and saying how to allow it. Called for every request the engine
 * sends and for every redirect hop, so a script's `pm.sendRequest` is held to the same rule.
 */
export function checkSecretHosts(request: OutgoingRequest, secrets: readonly GuardedSecret[], profileName: string): void {
  for (const secret of secrets) {
    if (secret.allowedHosts.some((allowed) => hostMatches(request.url, allowed))) continue;
    const where = whereCarried(request, secret.value);
    if (!where) continue;
    const host = shownHost(request.url);
    const allowed = secret.allowedHosts.length > 0 ? secret.allowedHosts.join(', ') : 'no host';
    throw new SecretHostRefusal(
      `Not sent: ${secret.label} of profile “${profileName}” may only go to ${allowed}; this request goes to ${host} (in its ${where}). Add ${host} to the secret's allowed hosts in the profile settings if you mean it.`,
      host,
      secret.label,
    );
  }
}
