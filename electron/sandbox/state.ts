import type { Category } from '../../shared/vipps/category';
import type { ImageFormat } from '../../shared/vipps/image';
import type { OmPaymentType } from '../../shared/vipps/patterns';
import type { Receipt } from '../../shared/vipps/receipt';
import type { Reply } from './context';

export interface StoredImage {
  msn: string;
  imageId: string;
  format: ImageFormat;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
  bytes: Uint8Array;
  createdAt: string;
}

export interface OrderRecord {
  msn: string;
  paymentType: OmPaymentType;
  orderId: string;
  category: Category | null;
  categoryUpdatedAt: string | null;
  receipt: Receipt | null;
  receiptCreatedAt: string | null;
  /** Where the receipt came from: the OM endpoint or an ePayment createPayment body. */
  receiptSource: 'order-management' | 'epayment' | null;
}

export interface Amount {
  currency: string;
  value: number;
}

export interface EpaymentEvent {
  name: 'CREATED' | 'AUTHORIZED' | 'ABORTED' | 'EXPIRED' | 'CANCELLED' | 'CAPTURED' | 'REFUNDED' | 'TERMINATED';
  amount: Amount;
  timestamp: string;
  idempotencyKey: string | null;
  success: boolean;
}

/** What the simulated customer decided for a payment or agreement, and when it acted. */
export interface CustomerNote {
  act: 'approve' | 'refuse' | 'reject' | 'ignore';
  why: string;
  decidedAt: string;
  /** Null until the act has happened (a delayed approval, or one overtaken by a cancel). */
  actedAt: string | null;
}

export interface EpaymentRecord {
  msn: string;
  reference: string;
  pspReference: string;
  amount: Amount;
  state: 'CREATED' | 'AUTHORIZED' | 'ABORTED' | 'EXPIRED' | 'TERMINATED';
  paymentMethodType: 'WALLET' | 'CARD';
  userFlow: string;
  redirectUrl: string | null;
  profileScope: string | null;
  sub: string | null;
  metadata: Record<string, string> | null;
  paymentDescription: string | null;
  createdAt: string;
  authorizedAt: string | null;
  /** Epoch ms after which a CREATED payment counts as EXPIRED. */
  expiresAtMs: number;
  captured: number;
  refunded: number;
  cancelled: number;
  events: EpaymentEvent[];
  customer?: CustomerNote;
  /** A test phone number approves but has every capture refused. */
  captureRefused?: boolean;
}

export interface EcomLogEntry {
  amount: number;
  operation: 'INITIATE' | 'RESERVE' | 'CAPTURE' | 'REFUND' | 'CANCEL' | 'VOID';
  operationSuccess: boolean;
  requestId: string | null;
  timeStamp: string;
  transactionId: string;
  transactionText: string;
}

export interface EcomRecord {
  msn: string;
  orderId: string;
  amount: number;
  transactionText: string;
  status: 'INITIATE' | 'RESERVE' | 'CANCEL' | 'VOID';
  mobileNumber: string | null;
  scope: string | null;
  sub: string | null;
  captured: number;
  refunded: number;
  url: string;
  createdAt: string;
  log: EcomLogEntry[];
  customer?: CustomerNote;
  captureRefused?: boolean;
}

export interface AgreementRecord {
  msn: string;
  id: string;
  uuid: string;
  status: 'PENDING' | 'ACTIVE' | 'STOPPED' | 'EXPIRED';
  pricing: { type: 'LEGACY' | 'VARIABLE'; currency: string; amount?: number; suggestedMaxAmount?: number };
  interval: { unit: string; count: number };
  productName: string;
  productDescription: string | null;
  campaign: Record<string, unknown> | null;
  merchantAgreementUrl: string;
  merchantRedirectUrl: string;
  externalId: string | null;
  phoneNumber: string | null;
  scope: string | null;
  sub: string | null;
  created: string;
  start: string | null;
  stop: string | null;
  vippsConfirmationUrl: string;
  initialChargeId: string | null;
  customer?: CustomerNote;
}

export interface ChargeEvent {
  occurred: string;
  event: 'CREATE' | 'RESERVE' | 'CAPTURE' | 'REFUND' | 'CANCEL';
  amount: number;
  idempotencyKey: string | null;
  success: boolean;
}

export interface ChargeRecord {
  msn: string;
  id: string;
  agreementId: string;
  amount: number;
  currency: string;
  description: string;
  due: string;
  retryDays: number;
  status: 'PENDING' | 'DUE' | 'RESERVED' | 'CHARGED' | 'PARTIALLY_CAPTURED' | 'CANCELLED' | 'PARTIALLY_REFUNDED' | 'REFUNDED' | 'FAILED';
  /** Why a charge FAILED (a magic amount), else absent. */
  failureReason?: string;
  type: 'INITIAL' | 'RECURRING';
  transactionType: 'DIRECT_CAPTURE' | 'RESERVE_CAPTURE';
  externalId: string | null;
  transactionId: string | null;
  captured: number;
  refunded: number;
  cancelled: number;
  history: ChargeEvent[];
}

export interface IdempotencyRecord {
  msn: string;
  fingerprint: string;
  reply: Reply;
  at: string;
}

/** A test user's profile, shared with the merchant when a payment or agreement asked for scopes. */
export interface ProfileRecord {
  msn: string;
  sub: string;
  scope: string;
  createdAt: string;
}

/** Composite keys: ids are unique per MSN only, and case-sensitive. */
export function key(...parts: string[]): string {
  return parts.join('\u0000');
}

export interface TableRecords {
  images: StoredImage;
  orders: OrderRecord;
  epayments: EpaymentRecord;
  ecomPayments: EcomRecord;
  agreements: AgreementRecord;
  charges: ChargeRecord;
  idempotency: IdempotencyRecord;
  profiles: ProfileRecord;
}
export type TableName = keyof TableRecords;
export const TABLE_NAMES: readonly TableName[] = ['images', 'orders', 'epayments', 'ecomPayments', 'agreements', 'charges', 'idempotency', 'profiles'];

/** `key` null: everything was cleared. `deleted`: the record is gone (evicted or removed). */
export type ChangeListener = (table: TableName | null, key: string | null) => void;

type Tables = { [K in TableName]: Map<string, TableRecords[K]> };

function emptyTables(): Tables {
  return {
    images: new Map(),
    orders: new Map(),
    epayments: new Map(),
    ecomPayments: new Map(),
    agreements: new Map(),
    charges: new Map(),
    idempotency: new Map(),
    profiles: new Map(),
  };
}

/**
 * All sandbox data, in memory, bounded: each table keeps at most `retention()` records per
 * sales unit and forgets the oldest first, so a long run cannot grow without limit. Writers go
 * through put/touch so an attached persister can append just the change.
 */
export class SandboxStore {
  private tables: Tables = emptyTables();
  /** Per table and MSN, keys in insertion order: the oldest is evicted first. */
  private recency = new Map<TableName, Map<string, Set<string>>>();
  /** Serialised GET order bodies, so the hottest read costs one lookup. */
  orderBodyCache = new Map<string, string>();
  private readonly listeners: ChangeListener[] = [];

  constructor(private readonly retention: () => number = () => Number.POSITIVE_INFINITY) {}

  get images() { return this.tables.images; }
  get orders() { return this.tables.orders; }
  get epayments() { return this.tables.epayments; }
  get ecomPayments() { return this.tables.ecomPayments; }
  get agreements() { return this.tables.agreements; }
  get charges() { return this.tables.charges; }
  get idempotency() { return this.tables.idempotency; }
  get profiles() { return this.tables.profiles; }

  table<K extends TableName>(name: K): Map<string, TableRecords[K]> {
    return this.tables[name];
  }

  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  private emit(table: TableName | null, k: string | null): void {
    for (const listener of this.listeners) listener(table, k);
  }

  /** Stores a record (new or replaced) and evicts the sales unit's oldest when over the limit. */
  put<K extends TableName>(table: K, k: string, record: TableRecords[K], options: { silent?: boolean } = {}): void {
    const map = this.tables[table];
    const isNew = !map.has(k);
    map.set(k, record);
    if (table === 'orders') this.orderBodyCache.delete(k);
    if (isNew) this.track(table, record.msn, k);
    if (!options.silent) this.emit(table, k);
  }

  /** A record was changed in place. */
  touch(table: TableName, k: string): void {
    if (table === 'orders') this.orderBodyCache.delete(k);
    this.emit(table, k);
  }

  remove(table: TableName, k: string, options: { silent?: boolean } = {}): void {
    const record = this.tables[table].get(k);
    if (!record) return;
    this.tables[table].delete(k);
    if (table === 'orders') this.orderBodyCache.delete(k);
    this.recency.get(table)?.get(record.msn)?.delete(k);
    if (!options.silent) this.emit(table, k);
  }

  private track(table: TableName, msn: string, k: string): void {
    let perMsn = this.recency.get(table);
    if (!perMsn) {
      perMsn = new Map();
      this.recency.set(table, perMsn);
    }
    let keys = perMsn.get(msn);
    if (!keys) {
      keys = new Set();
      perMsn.set(msn, keys);
    }
    keys.add(k);
    const limit = this.retention();
    while (keys.size > limit) {
      const oldest = keys.values().next().value as string;
      keys.delete(oldest);
      this.tables[table].delete(oldest);
      if (table === 'orders') this.orderBodyCache.delete(oldest);
      this.emit(table, oldest);
    }
  }

  order(msn: string, paymentType: OmPaymentType, orderId: string, create: true): OrderRecord;
  order(msn: string, paymentType: OmPaymentType, orderId: string, create?: false): OrderRecord | undefined;
  order(msn: string, paymentType: OmPaymentType, orderId: string, create = false): OrderRecord | undefined {
    const k = key(msn, paymentType, orderId);
    let record = this.tables.orders.get(k);
    if (!record && create) {
      record = { msn, paymentType, orderId, category: null, categoryUpdatedAt: null, receipt: null, receiptCreatedAt: null, receiptSource: null };
      this.put('orders', k, record, { silent: true });
    }
    return record;
  }

  /** New maps rather than Map.clear(), so the engine can hand the old tables' memory back. */
  clear(): void {
    this.tables = emptyTables();
    this.recency = new Map();
    this.orderBodyCache = new Map();
    this.emit(null, null);
  }
}
