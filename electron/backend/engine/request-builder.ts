import type { HeaderLine, HttpMethod, HttpRequest } from '../../../shared/contract/requests';
import type { RequestPayload } from '../../../shared/model/body';
import { fillTemplate, type VariableScopes } from '../../../shared/variables';
import { isSecretHeader } from '../history/redactor';
import { APP } from '../app-info';
import { fail } from '../failure';
import type { SalesUnitProfile } from '../profiles/profile-document';
import type { SecretValues } from '../vault/secret-vault';
import { isTokenEndpoint, requiresIdempotencyKey } from './endpoints';
import { fillPayload } from './request-payload';

export interface FilledRequest {
  method: HttpMethod;
  url: string;
  /** Enabled headers only, values filled. */
  headers: HeaderLine[];
  body: string;
  /** A multipart or binary body, its text parts and file paths filled. */
  payload?: RequestPayload;
  unresolved: string[];
}

/** Fills `{{name}}` in the URL, header values and body; names nobody defines are collected, not guessed. */
export function fillRequest(request: HttpRequest, scopes: VariableScopes, now?: Date): FilledRequest {
  const unresolved = new Set<string>();
  const fill = (text: string) => {
    const filled = fillTemplate(text, scopes, now);
    for (const name of filled.unresolved) unresolved.add(name);
    return filled.text;
  };
  const url = fill(request.url);
  const headers = request.headers.filter((h) => h.enabled).map((h) => ({ name: h.name, value: fill(h.value) }));
  const body = request.payload ? '' : fill(request.body);
  const payload = request.payload ? fillPayload(request.payload, fill) : undefined;
  return { method: request.method, url, headers, body, ...(payload ? { payload } : {}), unresolved: [...unresolved] };
}

export interface OutgoingHeader extends HeaderLine {
  auto: boolean;
  /** The value is a key or token: masked in previews, never logged. */
  secret: boolean;
}

/** The values credential headers get: real ones for a send, masked ones for a preview. */
export interface CredentialValues {
  clientId?: string;
  clientSecret?: string;
  subscriptionKey?: string;
  /** The bare token; "Bearer " is added here. */
  token?: string;
}

export interface HeaderPlanInput {
  method: HttpMethod;
  url: URL;
  userHeaders: HeaderLine[];
  body: string;
  /** The Content-Type the body implies (multipart with its boundary, binary); a text body implies JSON. */
  contentType?: string;
  profile: SalesUnitProfile;
  /** The URL is on the active profile's host (scheme, host and port). */
  toProfileHost: boolean;
  auth: 'profile' | 'none';
  credentials: CredentialValues;
  idempotencyKey: string;
}

export interface HeaderPlan {
  headers: OutgoingHeader[];
  tokenEndpoint: boolean;
  /** An automatic Authorization header is part of the request, so a 401 may mean the token expired. */
  usesProfileToken: boolean;
  /** Credentials the request needs from the profile and does not set itself. */
  needs: Array<keyof CredentialValues>;
}

const has = (headers: HeaderLine[], name: string) => headers.some((h) => h.name.toLowerCase() === name.toLowerCase());

/**
 * The headers a request goes out with: the automatic ones (keys, token, MSN, Vipps-System-*,
 * Idempotency-Key where the API requires one) followed by the user's, where a user header
 * replaces an automatic one of the same name. Keys and token are added only for the profile's
 * own host; every other host gets none of them.
 */
export function planHeaders(input: HeaderPlanInput): HeaderPlan {
  const { profile, userHeaders, credentials } = input;
  const tokenEndpoint = input.toProfileHost && isTokenEndpoint(input.url);
  const withCredentials = input.toProfileHost && input.auth === 'profile';
  const auto: OutgoingHeader[] = [];
  const needs: Array<keyof CredentialValues> = [];
  const add = (name: string, value: string, secret = false) => {
    if (!has(userHeaders, name)) auto.push({ name, value, auto: true, secret });
  };
  const addCredential = (name: string, key: keyof CredentialValues, format: (v: string) => string = (v) => v) => {
    if (has(userHeaders, name)) return;
    needs.push(key);
    auto.push({ name, value: format(credentials[key] ?? ''), auto: true, secret: true });
  };

  if (withCredentials && tokenEndpoint) {
    addCredential('client_id', 'clientId');
    addCredential('client_secret', 'clientSecret');
    addCredential('Ocp-Apim-Subscription-Key', 'subscriptionKey');
  } else if (withCredentials) {
    addCredential('Authorization', 'token', (token) => `Bearer ${token}`);
    addCredential('Ocp-Apim-Subscription-Key', 'subscriptionKey');
  }
  if (input.toProfileHost) {
    add('Merchant-Serial-Number', profile.msn);
    add('Vipps-System-Name', profile.system.name);
    add('Vipps-System-Version', profile.system.version);
    add('Vipps-System-Plugin-Name', profile.system.pluginName);
    add('Vipps-System-Plugin-Version', profile.system.pluginVersion);
  }
  if (requiresIdempotencyKey(input.method, input.url)) add('Idempotency-Key', input.idempotencyKey);
  if (input.contentType) add('Content-Type', input.contentType);
  else if (input.body.length > 0) add('Content-Type', 'application/json');
  add('Accept', 'application/json, */*');
  add('Accept-Encoding', 'gzip, deflate, br');
  add('User-Agent', `vipps-explorer/${APP.version}`);

  const usesProfileToken = auto.some((h) => h.name === 'Authorization');
  const headers = [...auto, ...userHeaders.map((h) => ({ ...h, auto: false, secret: false }))];
  return { headers, tokenEndpoint, usesProfileToken, needs };
}

/** Headers that belong to the active profile: its keys and token, its MSN and its Vipps-System-* values. */
export function isProfileScopedHeader(name: string): boolean {
  return isSecretHeader(name) || /^(merchant-serial-number|vipps-system-[a-z-]+)$/i.test(name);
}

/** Drops every header that belongs to the profile, for a redirect that leaves the profile's host. */
export function withoutCredentials(headers: OutgoingHeader[]): { headers: OutgoingHeader[]; dropped: boolean } {
  const kept = headers.filter((h) => !isProfileScopedHeader(h.name));
  return { headers: kept, dropped: kept.length !== headers.length };
}

export function maskSecret(value: string | undefined): string {
  if (!value) return '«not set»';
  return value.length > 8 ? `••••••••${value.slice(-4)}` : '••••••••';
}

const KEY_FIELDS = { clientId: 'client_id', clientSecret: 'client_secret', subscriptionKey: 'subscription_key' } as const;
const KEY_NAMES = { client_id: 'client_id', client_secret: 'client_secret', subscription_key: 'subscription key (Ocp-Apim-Subscription-Key)' } as const;

/** Stops with advice when the profile lacks a key the request needs (the token is fetched, not stored). */
export function requireKeys(profile: SalesUnitProfile, secrets: SecretValues, needs: HeaderPlan['needs']): void {
  // Checked on every send: a plain loop, and a list only when something is missing.
  let missing: string[] | undefined;
  for (const need of needs) {
    if (need === 'token') continue;
    const field = KEY_FIELDS[need];
    if (!secrets[field]) (missing ??= []).push(KEY_NAMES[field]);
  }
  if (missing) {
    fail('INVALID_INPUT', `Profile "${profile.name}" has no ${missing.join(', ')} stored. Enter the key in the profile settings, or send the request with authentication set to none.`);
  }
}
