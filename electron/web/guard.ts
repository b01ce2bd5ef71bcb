import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RPC_TOKEN_HEADER } from '../../shared/contract';

/**
 * The browser host listens on loopback, but any web page the user visits can still send
 * requests to 127.0.0.1 (and DNS rebinding can make a foreign name point there). So every
 * request must name our exact host and port, carry no foreign Origin, and RPC calls must
 * carry the per-launch token. These checks run before routing so an unknown method is
 * refused the same way as a known one.
 */
export interface GuardOptions {
  port: number;
  token: string;
}

export type GuardVerdict = { allowed: true } | { allowed: false; reason: string };

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

function tokensMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function checkRequest(req: IncomingMessage, options: GuardOptions, isRpc: boolean): GuardVerdict {
  const host = req.headers.host?.toLowerCase();
  if (!host || !allowedHosts(options.port).has(host)) return { allowed: false, reason: 'unexpected Host header' };
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(options.port).has(origin.toLowerCase())) {
    return { allowed: false, reason: 'foreign Origin' };
  }
  const fetchSite = req.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string' && fetchSite === 'cross-site') return { allowed: false, reason: 'cross-site request' };
  if (isRpc) {
    const token = req.headers[RPC_TOKEN_HEADER];
    if (typeof token !== 'string' || !tokensMatch(token, options.token)) return { allowed: false, reason: 'missing or wrong token' };
  }
  return { allowed: true };
}
