import { receiptTotals } from '../../shared/vipps/receipt-totals';
import type { FaultConfig, SalesUnit } from './config';
import type { AgreementRecord, ChargeRecord, SandboxStore } from './state';

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
  | { api: 'epayment'; msn: string; reference: string; state: string; amount: { currency: string; value: number }; userFlow: string; createdAt: string }
  | { api: 'ecom'; msn: string; orderId: string; status: string; amount: number; createdAt: string };

/** Read-only view of everything in the sandbox, for the app's inspector panel. */
export interface SandboxSnapshot {
  baseUrl: string;
  startedAt: string;
  salesUnits: Array<Pick<SalesUnit, 'name' | 'msn' | 'clientId'>>;
  faults: FaultConfig;
  requestsSeen: number;
  notices: string[];
  images: ImageSummary[];
  categories: Array<{ msn: string; paymentType: string; orderId: string; category: string; orderDetailsUrl: string; imageId: string | null; updatedAt: string | null }>;
  receipts: Array<{ msn: string; paymentType: string; orderId: string; source: string | null; createdAt: string | null; totals: ReturnType<typeof receiptTotals>; receipt: unknown }>;
  payments: PaymentSummary[];
  agreements: Array<Omit<AgreementRecord, 'phoneNumber'>>;
  charges: ChargeRecord[];
}

export function buildSnapshot(
  store: SandboxStore,
  meta: Pick<SandboxSnapshot, 'baseUrl' | 'startedAt' | 'salesUnits' | 'faults' | 'requestsSeen' | 'notices'>,
): SandboxSnapshot {
  const orders = [...store.orders.values()];
  return {
    ...meta,
    images: [...store.images.values()].map(({ bytes: _bytes, ...summary }) => summary),
    categories: orders.flatMap((o) =>
      o.category ? [{ msn: o.msn, paymentType: o.paymentType, orderId: o.orderId, ...o.category, updatedAt: o.categoryUpdatedAt }] : [],
    ),
    receipts: orders.flatMap((o) =>
      o.receipt
        ? [{ msn: o.msn, paymentType: o.paymentType, orderId: o.orderId, source: o.receiptSource, createdAt: o.receiptCreatedAt, totals: receiptTotals(o.receipt), receipt: o.receipt }]
        : [],
    ),
    payments: [
      ...[...store.epayments.values()].map((p): PaymentSummary => ({ api: 'epayment', msn: p.msn, reference: p.reference, state: p.state, amount: p.amount, userFlow: p.userFlow, createdAt: p.createdAt })),
      ...[...store.ecomPayments.values()].map((p): PaymentSummary => ({ api: 'ecom', msn: p.msn, orderId: p.orderId, status: p.status, amount: p.amount, createdAt: p.createdAt })),
    ],
    // Phone numbers are personal data; the inspector has no use for them.
    agreements: [...store.agreements.values()].map(({ phoneNumber: _phone, ...rest }) => rest),
    charges: [...store.charges.values()],
  };
}
