import { secretFields } from '../../../shared/contract/profiles';
import { fail } from '../failure';
import type { SalesUnitProfile } from '../profiles/profile-document';
import type { SecretValues } from '../vault/secret-vault';

/**
 * A secret the engine knows by value, with the hosts it may travel to. `label` names it for the
 * person at the screen ("client_secret", "secret variable apiKey"); the value never leaves this module.
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

/**
 * The profile's keys and secret variables with the hosts each may go to: the profile's own host
 * name (on any port: the sandbox's port changes every start) and the ones the user added.
 */
/**
 * The Sandbox profile's home when this process runs no embedded sandbox (a CLI run against a
 * sandbox started apart, `npm run sandbox`): a sandbox only ever listens on this machine.
 */
const SANDBOX_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

export function guardedSecretsOf(profile: SalesUnitProfile, baseUrl: string, keys: SecretValues, variables: Record<string, string>): GuardedSecret[] {
  const own = hostOfBaseUrl(baseUrl);
  const home = own ? [own] : profile.environment === 'sandbox' ? SANDBOX_HOSTS : [];
  const allowed = (extra: readonly string[] | undefined) => [...home, ...(extra ?? [])];
  const guarded: GuardedSecret[] = [];
  for (const field of secretFields) {
    const value = keys[field];
    if (value) guarded.push({ label: field, value, allowedHosts: allowed(profile.allowedHosts.keys[field]) });
  }
  for (const [name, value] of Object.entries(variables)) {
    guarded.push({ label: `secret variable ${name}`, value, allowedHosts: allowed(profile.allowedHosts.variables[name]) });
  }
  return guarded;
}

/** Every send asks for its profile's base URL's host: the last answer is kept. */
let lastHost: { baseUrl: string; host: string | undefined } | undefined;

function hostOfBaseUrl(baseUrl: string): string | undefined {
  if (lastHost?.baseUrl === baseUrl) return lastHost.host;
  let host: string | undefined;
  try {
    host = shownHost(new URL(baseUrl));
  } catch {
    host = undefined;
  }
  lastHost = { baseUrl, host };
  return host;
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

/** The host a URL is named by in messages and allowed by default: its host name, the port left out as the default rule ignores it. */
export function shownHost(url: URL): string {
  return url.hostname.toLowerCase();
}

/** Where a secret's value appears in the request, or undefined when it does not. */
export function whereCarried(request: OutgoingRequest, value: string): 'URL' | 'header' | 'body' | undefined {
  if (value.length === 0) return undefined;
  const whole = value.length < MIN_SUBSTRING_LENGTH;
  // A value in a URL or a form body may be percent-encoded, so both spellings are looked for.
  const encoded = encodeURIComponent(value);
  const contains = (text: string) => (whole ? text === value : text.includes(value) || text.includes(encoded));
  if (whole) {
    const parts = [...request.url.searchParams.values(), decodeSafely(request.url.pathname), decodeSafely(request.url.hash.slice(1))];
    if (parts.some((part) => part === value || part.split('/').includes(value))) return 'URL';
  } else if (request.url.href.includes(value) || request.url.href.includes(encoded) || decodeSafely(request.url.href).includes(value)) return 'URL';
  if (request.headers.some((h) => contains(h.value) || (whole && h.value.split(/[\s,;=]+/).includes(value)))) return 'header';
  const body = request.body;
  // A large binary body is searched as bytes; it is decoded only when it is as short as the value.
  if (typeof body === 'string' ? contains(body) : whole ? body.length === Buffer.byteLength(value) && body.toString('utf8') === value : body.includes(value)) return 'body';
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
    fail(
      'FORBIDDEN',
      `Not sent: ${secret.label} of profile “${profileName}” may only go to ${allowed}; this request goes to ${host} (in its ${where}). Add ${host} to the secret's allowed hosts in the profile settings if you mean it.`,
    );
  }
}
