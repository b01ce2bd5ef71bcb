import { receiptTotals } from '../../shared/vipps/receipt-totals';
import type { FaultConfig, SalesUnit } from './config';
import type { AgreementRecord, ChargeRecord, CustomerNote, SandboxStore } from './state';

export interface ImageSummary {
  msn: string;
  imageId: string;
  format: string;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
  createdAt: string;
}

export type PaymentSummary =
  | { api: 'epayment'; msn: string; reference: string; state: string; amount: { currency: string; value: number }; captured: number; refunded: number; cancelled: number; userFlow: string; createdAt: string; customer: CustomerNote | null }
  | { api: 'ecom'; msn: string; orderId: string; status: string; amount: number; captured: number; refunded: number; createdAt: string; customer: CustomerNote | null };

/** Which slice of each list to return: newest first, `limit` items from `offset`. */
export interface SnapshotPage {
  offset: number;
  limit: number;
}

export interface SnapshotTotals {
  images: number;
  orders: number;
  categories: number;
  receipts: number;
  payments: number;
  agreements: number;
  charges: number;
}

/** Read-only view of what the sandbox holds, for the app's inspector panel, one page at a time. */
export interface SandboxSnapshot {
  baseUrl: string;
  startedAt: string;
  salesUnits: Array<Pick<SalesUnit, 'name' | 'msn' | 'clientId'>>;
  faults: FaultConfig;
  requestsSeen: number;
  notices: string[];
  retentionPerSalesUnit: number;
  page: SnapshotPage;
  totals: SnapshotTotals;
  images: ImageSummary[];
  categories: Array<{ msn: string; paymentType: string; orderId: string; category: string; orderDetailsUrl: string; imageId: string | null; updatedAt: string | null }>;
  receipts: Array<{ msn: string; paymentType: string; orderId: string; source: string | null; createdAt: string | null; totals: ReturnType<typeof receiptTotals>; receipt: unknown }>;
  payments: PaymentSummary[];
  agreements: Array<Omit<AgreementRecord, 'phoneNumber'>>;
  charges: ChargeRecord[];
}

const DEFAULT_PAGE: SnapshotPage = { offset: 0, limit: 200 };

/** Newest first, without copying more of a large map than the page needs. */
function newest<T, U>(values: Iterable<T>, size: number, page: SnapshotPage, keep: (v: T) => boolean, map: (v: T) => U): { items: U[]; total: number } {
  const all: T[] = [];
  for (const v of values) if (keep(v)) all.push(v);
  const end = Math.max(0, all.length - page.offset);
  const start = Math.max(0, end - page.limit);
  const items: U[] = [];
  for (let i = end - 1; i >= start; i--) items.push(map(all[i] as T));
  void size;
  return { items, total: all.length };
}

export function buildSnapshot(
  store: SandboxStore,
  meta: Omit<SandboxSnapshot, 'images' | 'categories' | 'receipts' | 'payments' | 'agreements' | 'charges' | 'page' | 'totals'>,
  page: SnapshotPage = DEFAULT_PAGE,
): SandboxSnapshot {
  const all = () => true;
  const images = newest(store.images.values(), store.images.size, page, all, ({ bytes: _bytes, ...summary }) => summary);
  const categories = newest(store.orders.values(), store.orders.size, page, (o) => o.category !== null, (o) => ({ msn: o.msn, paymentType: o.paymentType, orderId: o.orderId, ...o.category!, updatedAt: o.categoryUpdatedAt }));
  const receipts = newest(store.orders.values(), store.orders.size, page, (o) => o.receipt !== null, (o) => ({ msn: o.msn, paymentType: o.paymentType, orderId: o.orderId, source: o.receiptSource, createdAt: o.receiptCreatedAt, totals: receiptTotals(o.receipt!), receipt: o.receipt }));
  const epayments = newest(store.epayments.values(), store.epayments.size, page, all, (p): PaymentSummary => ({ api: 'epayment', msn: p.msn, reference: p.reference, state: p.state, amount: p.amount, captured: p.captured, refunded: p.refunded, cancelled: p.cancelled, userFlow: p.userFlow, createdAt: p.createdAt, customer: p.customer ?? null }));
  const ecom = newest(store.ecomPayments.values(), store.ecomPayments.size, page, all, (p): PaymentSummary => ({ api: 'ecom', msn: p.msn, orderId: p.orderId, status: p.status, amount: p.amount, captured: p.captured, refunded: p.refunded, createdAt: p.createdAt, customer: p.customer ?? null }));
  // Phone numbers are personal data; the inspector has no use for them.
  const agreements = newest(store.agreements.values(), store.agreements.size, page, all, ({ phoneNumber: _phone, ...rest }) => rest);
  const charges = newest(store.charges.values(), store.charges.size, page, all, (c) => c);
  return {
    ...meta,
    page,
    totals: {
      images: images.total,
      orders: store.orders.size,
      categories: categories.total,
      receipts: receipts.total,
      payments: epayments.total + ecom.total,
      agreements: agreements.total,
      charges: charges.total,
    },
    images: images.items,
    categories: categories.items,
    receipts: receipts.items,
    payments: [...epayments.items, ...ecom.items],
    agreements: agreements.items,
    charges: charges.items,
  };
}
