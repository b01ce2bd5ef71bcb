import { randomBytes, randomUUID } from 'node:crypto';

export function uuid(): string {
  return randomUUID();
}

/** W3C trace-parent shape, which is what the OM service puts in `instance`. */
export function traceParent(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function shortId(prefix: string, length = 10): string {
  const bytes = randomBytes(length);
  let out = prefix;
  for (const b of bytes) out += ALPHANUMERIC.charAt(b % ALPHANUMERIC.length);
  return out;
}

export function digits(length: number): string {
  const bytes = randomBytes(length);
  let out = String(1 + ((bytes[0] ?? 0) % 9));
  for (let i = 1; i < length; i++) out += String((bytes[i] ?? 0) % 10);
  return out;
}
