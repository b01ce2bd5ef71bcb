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
}

export interface EcomLogEntry {
  amount: number;
  operation: 'INITIATE' | 'RESERVE';
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
  status: 'INITIATE' | 'RESERVE';
  mobileNumber: string | null;
  url: string;
  createdAt: string;
  log: EcomLogEntry[];
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
}

export interface ChargeEvent {
  occurred: string;
  event: 'CREATE' | 'RESERVE' | 'CAPTURE';
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
  status: 'PENDING' | 'DUE' | 'RESERVED' | 'CHARGED';
  type: 'INITIAL' | 'RECURRING';
  transactionType: 'DIRECT_CAPTURE' | 'RESERVE_CAPTURE';
  externalId: string | null;
  transactionId: string | null;
  history: ChargeEvent[];
}

export interface IdempotencyRecord {
  fingerprint: string;
  reply: Reply;
  at: string;
}

/** Composite keys: ids are unique per MSN only, and case-sensitive. */
export function key(...parts: string[]): string {
  return parts.join('\u0000');
}

/**
 * All sandbox data, in memory. Writers call `changed()` so an attached persister can save;
 * readers may cache derived values (the GET order body) and drop them on change.
 */
export class SandboxStore {
  images = new Map<string, StoredImage>();
  orders = new Map<string, OrderRecord>();
  epayments = new Map<string, EpaymentRecord>();
  ecomPayments = new Map<string, EcomRecord>();
  agreements = new Map<string, AgreementRecord>();
  charges = new Map<string, ChargeRecord>();
  idempotency = new Map<string, IdempotencyRecord>();
  /** Serialised GET order bodies, so the hottest read costs one lookup. */
  readonly orderBodyCache = new Map<string, string>();
  private readonly listeners: Array<() => void> = [];

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }

  order(msn: string, paymentType: OmPaymentType, orderId: string, create: true): OrderRecord;
  order(msn: string, paymentType: OmPaymentType, orderId: string, create?: false): OrderRecord | undefined;
  order(msn: string, paymentType: OmPaymentType, orderId: string, create = false): OrderRecord | undefined {
    const k = key(msn, paymentType, orderId);
    let record = this.orders.get(k);
    if (!record && create) {
      record = { msn, paymentType, orderId, category: null, categoryUpdatedAt: null, receipt: null, receiptCreatedAt: null, receiptSource: null };
      this.orders.set(k, record);
    }
    if (create) this.orderBodyCache.delete(k);
    return record;
  }

  clear(): void {
    this.images.clear();
    this.orders.clear();
    this.epayments.clear();
    this.ecomPayments.clear();
    this.agreements.clear();
    this.charges.clear();
    this.idempotency.clear();
    this.orderBodyCache.clear();
    this.changed();
  }
}
