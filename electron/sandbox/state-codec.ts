import { z } from 'zod';
import { key as joinKey, TABLE_NAMES, type SandboxStore, type StoredImage, type TableName, type TableRecords } from './state';

export const HEADER_FORMAT = 'vipps-sandbox-state';
export const STATE_VERSION = 2;

export type LoadProblem = { kind: 'newer'; version: number } | { kind: 'bad'; reason: string } | { kind: 'torn-tail' };

export type DecodedLine =
  | { kind: 'header'; version: number; tokenSecret: unknown }
  | { kind: 'put'; table: TableName; key: string; record: unknown }
  | { kind: 'delete'; table: TableName; key: string }
  | { kind: 'clear' }
  | { kind: 'bad'; reason: string };

const text = z.string();
const record = <T extends z.ZodRawShape>(shape: T) => z.looseObject({ msn: text, ...shape });

/** The fields each kind of record must have for the sandbox to use it; the rest is kept as is. */
const RECORD_SHAPES: Record<TableName, z.ZodType> = {
  images: record({ imageId: text, bytes: text, contentType: text, size: z.number() }),
  orders: record({ paymentType: z.enum(['ecom', 'recurring']), orderId: text }),
  epayments: record({ reference: text, state: text, amount: z.object({ currency: text, value: z.number() }), events: z.array(z.unknown()) }),
  ecomPayments: record({ orderId: text, status: text, amount: z.number(), log: z.array(z.unknown()) }),
  agreements: record({ id: text, status: text, pricing: z.looseObject({}), interval: z.looseObject({}) }),
  charges: record({ id: text, agreementId: text, status: text, history: z.array(z.unknown()) }),
  idempotency: record({ fingerprint: text, reply: z.looseObject({ status: z.number() }) }),
  profiles: record({ sub: text, scope: text }),
};

const TABLES = new Set<string>(TABLE_NAMES);

function toStored(table: TableName, value: unknown): unknown {
  if (table !== 'images') return value;
  const image = value as Omit<StoredImage, 'bytes'> & { bytes: string };
  return { ...image, bytes: new Uint8Array(Buffer.from(image.bytes, 'base64')) };
}

export function encodeRecord<K extends TableName>(table: K, key: string, value: TableRecords[K]): string {
  const v = table === 'images' ? { ...(value as StoredImage), bytes: Buffer.from((value as StoredImage).bytes).toString('base64') } : value;
  return JSON.stringify({ t: table, k: key, v });
}

export function decodeLine(line: string): DecodedLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { kind: 'bad', reason: 'not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { kind: 'bad', reason: 'not an object' };
  const o = parsed as Record<string, unknown>;
  if (o.format === HEADER_FORMAT) {
    return Number.isInteger(o.version) ? { kind: 'header', version: o.version as number, tokenSecret: o.tokenSecret } : { kind: 'bad', reason: 'the header has no version' };
  }
  if (o.c === 1) return { kind: 'clear' };
  if (typeof o.t !== 'string' || !TABLES.has(o.t) || typeof o.k !== 'string') return { kind: 'bad', reason: 'not a record line' };
  const table = o.t as TableName;
  if (o.d === 1) return { kind: 'delete', table, key: o.k };
  const checked = RECORD_SHAPES[table].safeParse(o.v);
  if (!checked.success) return { kind: 'bad', reason: `a ${table} record has the wrong shape (${checked.error.issues[0]?.path.join('.') || 'record'})` };
  return { kind: 'put', table, key: o.k, record: toStored(table, o.v) };
}

const KEY_FIELDS: Record<Exclude<TableName, 'idempotency'>, string[]> = {
  images: ['imageId'],
  orders: ['paymentType', 'orderId'],
  epayments: ['reference'],
  ecomPayments: ['orderId'],
  agreements: ['id'],
  charges: ['id'],
  profiles: ['sub'],
};

const LegacySchema = z.looseObject({
  version: z.number(),
  tokenSecret: z.unknown(),
  images: z.array(z.unknown()).optional(),
  orders: z.array(z.unknown()).optional(),
  epayments: z.array(z.unknown()).optional(),
  ecomPayments: z.array(z.unknown()).optional(),
  agreements: z.array(z.unknown()).optional(),
  charges: z.array(z.unknown()).optional(),
});

/**
 * Reads a version-1 `sandbox-state.json` (one JSON document). Records of that version lack the
 * lifecycle fields this version keeps, so they get their neutral values.
 */
export function importLegacy(textValue: string, store: SandboxStore): { ok: true; tokenSecret: string; tokenSecretUsable: boolean } | { ok: false; problem: LoadProblem } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(textValue);
  } catch {
    return { ok: false, problem: { kind: 'bad', reason: 'not JSON' } };
  }
  const doc = LegacySchema.safeParse(parsed);
  if (!doc.success) return { ok: false, problem: { kind: 'bad', reason: 'not a sandbox state document' } };
  if (doc.data.version > 1) return { ok: false, problem: { kind: 'newer', version: doc.data.version } };
  if (doc.data.version !== 1) return { ok: false, problem: { kind: 'bad', reason: `unknown version ${doc.data.version}` } };
  const defaults: Partial<Record<TableName, Record<string, unknown>>> = {
    epayments: { captured: 0, refunded: 0, cancelled: 0, events: [], expiresAtMs: 8_640_000_000_000_000 },
    ecomPayments: { captured: 0, refunded: 0, scope: null, sub: null },
    agreements: { campaign: null },
    charges: { captured: 0, refunded: 0, cancelled: 0 },
  };
  for (const table of Object.keys(KEY_FIELDS) as Array<keyof typeof KEY_FIELDS>) {
    const list = (doc.data as Record<string, unknown>)[table];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const value = table === 'images' ? item : { ...defaults[table], ...(item as object) };
      const checked = RECORD_SHAPES[table].safeParse(value);
      if (!checked.success) return { ok: false, problem: { kind: 'bad', reason: `a ${table} record has the wrong shape` } };
      const v = checked.data as Record<string, string>;
      store.put(table, joinKey(v.msn ?? '', ...KEY_FIELDS[table].map((f) => v[f] ?? '')), toStored(table, value) as never, { silent: true });
    }
  }
  const secret = doc.data.tokenSecret;
  const usable = typeof secret === 'string' && secret.length >= 16;
  return { ok: true, tokenSecret: usable ? secret : '', tokenSecretUsable: usable };
}
