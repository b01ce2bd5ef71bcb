import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SalesUnit } from './config';
import { shortId } from './ids';

export interface TokenClaims {
  /** client_id of the sales unit the token was issued to. */
  cid: string;
  msn: string;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'not-yet-valid'; claims?: TokenClaims };

/** The token response exactly as the real endpoint sends it: every value a string. */
export interface AccessTokenResponse {
  token_type: 'Bearer';
  expires_in: string;
  ext_expires_in: string;
  expires_on: string;
  not_before: string;
  resource: string;
  access_token: string;
}

const RESOURCE = '00000002-0000-0000-c000-000000000000';
const HEADER_SEGMENT = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'HS256' })).toString('base64url');
const CACHE_LIMIT = 10_000;
const CLOCK_SKEW_SECONDS = 300;

function isClaims(value: unknown): value is TokenClaims {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.cid === 'string' &&
    typeof v.msn === 'string' &&
    typeof v.jti === 'string' &&
    Number.isInteger(v.iat) &&
    Number.isInteger(v.nbf) &&
    Number.isInteger(v.exp)
  );
}

/**
 * Issues and checks JWT-shaped, HMAC-signed access tokens. Verified tokens are cached so the
 * hot path costs one Map lookup; expiry is still checked on every call against the clock.
 */
export class TokenAuthority {
  private readonly verified = new Map<string, TokenClaims>();

  constructor(
    private readonly secret: string,
    private readonly nowMs: () => number,
    private readonly lifetimeSeconds: () => number,
  ) {}

  issue(unit: SalesUnit, issuer: string): AccessTokenResponse {
    const now = Math.floor(this.nowMs() / 1000);
    const lifetime = this.lifetimeSeconds();
    const claims = { iss: issuer, aud: RESOURCE, cid: unit.clientId, msn: unit.msn, iat: now, nbf: now, exp: now + lifetime, jti: shortId('', 16) };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const signature = this.sign(`${HEADER_SEGMENT}.${payload}`);
    return {
      token_type: 'Bearer',
      expires_in: String(lifetime),
      ext_expires_in: '0',
      expires_on: String(claims.exp),
      not_before: String(claims.nbf),
      resource: RESOURCE,
      access_token: `${HEADER_SEGMENT}.${payload}.${signature}`,
    };
  }

  check(token: string): TokenCheck {
    const claims = this.verified.get(token) ?? this.verify(token);
    if (typeof claims === 'string') return { ok: false, reason: claims };
    const now = Math.floor(this.nowMs() / 1000);
    if (now >= claims.exp) return { ok: false, reason: 'expired', claims };
    if (now + CLOCK_SKEW_SECONDS < claims.nbf) return { ok: false, reason: 'not-yet-valid', claims };
    return { ok: true, claims };
  }

  private verify(token: string): TokenClaims | 'malformed' | 'signature' {
    const parts = token.split('.');
    const [head, payload, signature] = parts;
    if (parts.length !== 3 || !head || !payload || !signature) return 'malformed';
    const expected = Buffer.from(this.sign(`${head}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'signature';
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      claims = undefined;
    }
    if (!isClaims(claims)) return 'malformed';
    if (this.verified.size >= CACHE_LIMIT) this.verified.clear();
    this.verified.set(token, claims);
    return claims;
  }

  private sign(input: string): string {
    return createHmac('sha256', this.secret).update(input).digest('base64url');
  }
}
