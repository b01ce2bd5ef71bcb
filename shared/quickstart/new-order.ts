import { EPAYMENT_REFERENCE_PATTERN, ECOM_ORDER_ID_PATTERN, IMAGE_ID_PATTERN, OM_ORDER_ID_PATTERN } from '../vipps/patterns';

/** The ids one quick-start run uses. Order Management needs nothing to exist before it. */
export interface OrderIds {
  /** ePayment `reference`, eCom `orderId`, the Recurring charge's `orderId`, and OM's `{orderId}`. */
  orderId: string;
  imageId: string;
  /** For ePayment create and Recurring writes; a UUID fits both limits (≤ 50 and 1–40 without # ? / \). */
  idempotencyKey: string;
  createdAt: string;
}

export const RANDOM_BYTES_PER_ORDER = 24;

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

function stamp(now: Date): string {
  const iso = now.toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
}

function base36(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += BASE36.charAt(byte % 36);
  return out;
}

function uuidV4(bytes: Uint8Array): string {
  const b = Array.from(bytes.subarray(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.map((n) => n.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Fresh ids for a new order, from the given time and random bytes (so tests can pin them).
 * The order id is the strictest common shape: 8–50 characters of letters, digits and dashes
 * satisfies ePayment, eCom, Recurring and Order Management at once.
 */
export function newOrderIds(now: Date, random: Uint8Array): OrderIds {
  if (random.length < RANDOM_BYTES_PER_ORDER) {
    throw new Error(`newOrderIds needs ${RANDOM_BYTES_PER_ORDER} random bytes, got ${random.length}.`);
  }
  const when = stamp(now);
  return {
    orderId: `vx-${when}-${base36(random.subarray(16, 20))}`,
    imageId: `vx-img-${when}-${base36(random.subarray(20, 24))}`,
    idempotencyKey: uuidV4(random.subarray(0, 16)),
    createdAt: now.toISOString(),
  };
}

/** A new image id for the same order, for when an upload under the old one already exists. */
export function newImageId(now: Date, random: Uint8Array): string {
  return `vx-img-${stamp(now)}-${base36(random.subarray(0, 4))}`;
}

export function randomBytes(length = RANDOM_BYTES_PER_ORDER): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** True when an id is accepted by every API the quick start sends it to. */
export function isPortableOrderId(id: string): boolean {
  return EPAYMENT_REFERENCE_PATTERN.test(id) && ECOM_ORDER_ID_PATTERN.test(id) && OM_ORDER_ID_PATTERN.test(id);
}

export function isValidImageId(id: string): boolean {
  return id.length >= 1 && id.length <= 128 && IMAGE_ID_PATTERN.test(id);
}
