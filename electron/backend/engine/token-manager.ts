import type { TokenInfo } from '../../../shared/contract/profiles';

export interface AccessToken {
  value: string;
  /** Epoch ms. */
  fetchedAt: number;
  expiresAt: number;
  renewAt: number;
  lifetimeSeconds: number;
}

/** Renew this long before expiry, or at half the lifetime when tokens live shorter than twice this. */
const RENEW_MARGIN_MS = 5 * 60_000;

function seconds(value: unknown): number | undefined {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
}

/**
 * Reads the token API's answer. Every number in it is a string ("3600"), so each is parsed
 * before use. When both expires_on and expires_in are present the earlier end wins, which keeps
 * a skewed local clock from using a token past its real expiry.
 */
export function parseTokenResponse(body: unknown, fetchedAt: number): AccessToken | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const fields = body as Record<string, unknown>;
  const value = fields.access_token;
  if (typeof value !== 'string' || value.length === 0) return undefined;
  const expiresIn = seconds(fields.expires_in);
  const expiresOn = seconds(fields.expires_on);
  const candidates: number[] = [];
  if (expiresIn !== undefined && expiresIn > 0) candidates.push(fetchedAt + expiresIn * 1000);
  if (expiresOn !== undefined && expiresOn > 0) candidates.push(expiresOn * 1000);
  // Without any expiry the token is treated as short-lived rather than trusted forever.
  const expiresAt = candidates.length > 0 ? Math.min(...candidates) : fetchedAt + 60_000;
  const lifetimeMs = Math.max(0, expiresAt - fetchedAt);
  const renewAt = expiresAt - Math.min(RENEW_MARGIN_MS, lifetimeMs / 2);
  return { value, fetchedAt, expiresAt, renewAt, lifetimeSeconds: Math.round(lifetimeMs / 1000) };
}

export interface TokenManagerOptions {
  /** Calls POST {base}/accesstoken/get for the profile and returns the parsed token (or throws a failure). */
  fetch: (profileId: string) => Promise<AccessToken>;
  now?: () => number;
}

/** Access tokens, one per profile, kept in memory only and renewed before they run out. */
export class TokenManager {
  readonly #tokens = new Map<string, AccessToken>();
  readonly #inFlight = new Map<string, Promise<AccessToken>>();
  readonly #options: TokenManagerOptions;
  /** Bumped when a profile's keys change, so an answer to an older fetch is not kept. */
  readonly #generation = new Map<string, number>();
  /** Tokens replaced by newer ones may still appear in a response being recorded; keep the recent ones for redaction. */
  readonly #recent: string[] = [];

  constructor(options: TokenManagerOptions) {
    this.#options = options;
  }

  now(): number {
    return this.#options.now?.() ?? Date.now();
  }

  /** The held token while it is still good for a while (before its renewal time), without waiting for anything. */
  fresh(profileId: string): AccessToken | undefined {
    const cached = this.#tokens.get(profileId);
    return cached && this.now() < cached.renewAt ? cached : undefined;
  }

  /** A token that is still good for a while, fetched only when needed; `renew` forces a new one (after a 401). */
  async get(profileId: string, renew = false): Promise<AccessToken> {
    const cached = renew ? undefined : this.fresh(profileId);
    if (cached) return cached;
    const pending = this.#inFlight.get(profileId);
    if (pending) return pending;
    const generation = this.#generation.get(profileId) ?? 0;
    const fetching = this.#options
      .fetch(profileId)
      .then((token) => {
        if ((this.#generation.get(profileId) ?? 0) === generation) this.#keep(profileId, token);
        return token;
      })
      .finally(() => this.#inFlight.delete(profileId));
    this.#inFlight.set(profileId, fetching);
    return fetching;
  }

  /** A token the user fetched by sending the token request themselves is used from then on. */
  adopt(profileId: string, token: AccessToken): void {
    this.#keep(profileId, token);
  }

  #keep(profileId: string, token: AccessToken): void {
    this.#tokens.set(profileId, token);
    this.#recent.push(token.value);
    if (this.#recent.length > 20) this.#recent.shift();
  }

  cached(profileId: string): AccessToken | undefined {
    return this.#tokens.get(profileId);
  }

  forget(profileId: string): void {
    this.#tokens.delete(profileId);
    this.#generation.set(profileId, (this.#generation.get(profileId) ?? 0) + 1);
  }

  /** Every token held, so the history can redact them wherever they show up. */
  values(): string[] {
    return [...new Set([...this.#recent, ...[...this.#tokens.values()].map((token) => token.value)])];
  }

  info(profileId: string): TokenInfo {
    const token = this.#tokens.get(profileId);
    if (!token) return { profileId, state: 'none' };
    return {
      profileId,
      state: this.now() < token.expiresAt ? 'valid' : 'expired',
      expiresAt: new Date(token.expiresAt).toISOString(),
      fetchedAt: new Date(token.fetchedAt).toISOString(),
      renewsAt: new Date(token.renewAt).toISOString(),
      lifetimeSeconds: token.lifetimeSeconds,
    };
  }
}
