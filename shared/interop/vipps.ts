import type { ApiRequest } from '../model/request';
import type { PortableCollection, PortableItem } from './tree';

/**
 * Vipps' own Postman collections send their keys as headers filled from environment variables
 * (`client_id: {{client_id}}`, `Authorization: Bearer {{access_token}}`, …). Here the profile's
 * Vipps auth does that job: the engine adds the keys from the keychain, only to the profile's
 * host, when the request is sent. So those headers are taken out and the request signs with the
 * profile instead; no key ever needs to be a plain variable. Everything else (URLs, bodies,
 * scripts) stays as Vipps wrote it.
 */
const VIPPS_HEADERS = new Set([
  'authorization',
  'client_id',
  'client_secret',
  'ocp-apim-subscription-key',
  'merchant-serial-number',
  'vipps-system-name',
  'vipps-system-version',
  'vipps-system-plugin-name',
  'vipps-system-plugin-version',
]);
/** The headers that carry a key or the token; one of them makes a request a Vipps-signed one. */
const KEY_HEADERS = new Set(['authorization', 'client_id', 'client_secret', 'ocp-apim-subscription-key']);
const TOKEN_PATH = /\/accesstoken\/get\/?$/i;
const FROM_VARIABLE = /^\s*(Bearer\s+)?\{\{[^{}]+\}\}\s*$/i;

export interface VippsAdoption {
  /** How many requests now sign with the profile. */
  requests: number;
}

export function adoptVippsAuth(collection: PortableCollection): VippsAdoption {
  const result = { requests: 0 };
  visit(collection.items, result);
  return result;
}

function visit(items: PortableItem[], result: VippsAdoption): void {
  for (const item of items) {
    if (item.kind === 'folder') {
      visit(item.items, result);
      continue;
    }
    // Said once for the whole import (adoptionNote), not under every request: per request, a
    // preview lists only what is different about that one.
    if (adoptOne(item.request)) result.requests++;
  }
}

/** The one note an import shows for every request that now signs with the profile. */
export function adoptionNote(adoption: VippsAdoption): string | null {
  if (adoption.requests === 0) return null;
  const which = adoption.requests === 1 ? '1 request now signs' : `${adoption.requests} requests now sign`;
  return `${which} with the profile’s Vipps auth: their key headers (client_id, client_secret, Ocp-Apim-Subscription-Key, Authorization, Merchant-Serial-Number, Vipps-System-*) are filled from the keychain when sent, never from a variable, and an Idempotency-Key taken from a variable is made fresh for each send.`;
}

/** True when the request's key headers were all variables and now come from the profile. */
function adoptOne(request: ApiRequest): boolean {
  if (request.auth.type !== 'inherit' && request.auth.type !== 'none') return false;
  const tokenCall = TOKEN_PATH.test(request.url);
  const vipps = request.headers.filter((h) => VIPPS_HEADERS.has(h.key.toLowerCase()));
  const keys = vipps.filter((h) => KEY_HEADERS.has(h.key.toLowerCase()) && h.enabled);
  // The token call signs with client_id and client_secret; an Authorization header there (an API-key
  // auth inherited from the collection, say) is not used by the gateway.
  const fromVariables = (h: { key: string; value: string }) => FROM_VARIABLE.test(h.value) || (tokenCall && h.key.toLowerCase() === 'authorization');
  if (keys.length === 0 || !vipps.every(fromVariables)) return false;
  // Vipps' files fill Idempotency-Key from a variable; the engine makes a fresh key for every send the API requires one for.
  request.headers = request.headers.filter((h) => !VIPPS_HEADERS.has(h.key.toLowerCase()) && !(h.key.toLowerCase() === 'idempotency-key' && FROM_VARIABLE.test(h.value)));
  request.auth = { type: 'vipps' };
  return true;
}
