import { CATEGORY_TYPES, type CategoryType } from '../vipps/category';
import { receiptTotals } from '../vipps/receipt-totals';
import { CATEGORY_MEANINGS } from './steps';

/** What the order preview draws: the order as a customer sees it in the payment history. */
export interface OrderPreview {
  category: { type: CategoryType; label: string; buttonText: string; url: string; imageId: string | null } | null;
  receipt: {
    currency: string;
    lines: Array<{ id: string; name: string; quantity: string | null; amount: string; isShipping: boolean; isReturn: boolean }>;
    total: string;
    tax: string;
    shipping: string | null;
    discount: string | null;
  } | null;
}

/** Our own button wording for each category (the app's exact texts are not published). */
const BUTTON_TEXT: Record<CategoryType, string> = {
  GENERAL: 'About the order',
  RECEIPT: 'Show receipt',
  ORDER_CONFIRMATION: 'See the order',
  DELIVERY: 'Track the delivery',
  TICKET: 'Show ticket',
  BOOKING: 'See the booking',
};

const UNIT_TEXT: Record<string, string> = { PCS: 'pcs', KG: 'kg', KM: 'km', MINUTE: 'min', LITRE: 'l', KWH: 'kWh' };

/** Minor units to a price as people read it: 44700 NOK → "447,00 kr", 1999 EUR → "€19,99". */
export function formatAmount(minor: number, currency: string): string {
  const negative = minor < 0;
  const abs = Math.abs(Math.trunc(minor));
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const amount = `${negative ? '−' : ''}${whole},${String(abs % 100).padStart(2, '0')}`;
  if (currency === 'EUR') return `€${amount}`;
  if (currency === 'NOK' || currency === 'DKK') return `${amount}\u00a0kr`;
  return `${amount}\u00a0${currency}`;
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function int(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : 0;
}

function previewCategory(raw: unknown): OrderPreview['category'] {
  const c = record(raw);
  const type = c?.category;
  if (!c || typeof type !== 'string' || !(CATEGORY_TYPES as readonly string[]).includes(type)) return null;
  const t = type as CategoryType;
  return {
    type: t,
    label: CATEGORY_MEANINGS[t].label,
    buttonText: BUTTON_TEXT[t],
    url: typeof c.orderDetailsUrl === 'string' ? c.orderDetailsUrl : '',
    imageId: typeof c.imageId === 'string' ? c.imageId : null,
  };
}

function previewReceipt(raw: unknown): OrderPreview['receipt'] {
  const r = record(raw);
  if (!r || !Array.isArray(r.orderLines)) return null;
  const currency = typeof record(r.bottomLine)?.currency === 'string' ? String(record(r.bottomLine)?.currency) : 'NOK';
  const lines = r.orderLines.map(record).filter((l): l is Record<string, unknown> => l !== null);
  const normalised = lines.map((l) => ({
    totalAmount: int(l.totalAmount),
    totalAmountExcludingTax: int(l.totalAmountExcludingTax),
    totalTaxAmount: int(l.totalTaxAmount),
    discount: int(l.discount),
    isReturn: l.isReturn === true,
    isShipping: l.isShipping === true,
  }));
  const totals = receiptTotals({ orderLines: normalised, bottomLine: { tipAmount: int(record(r.bottomLine)?.tipAmount) } });
  return {
    currency,
    lines: lines.map((l, i) => {
      const unit = record(l.unitInfo);
      const quantity = unit && typeof unit.quantity === 'string' ? `${unit.quantity} ${UNIT_TEXT[String(unit.quantityUnit ?? 'PCS')] ?? ''}`.trim() : null;
      const line = normalised[i]!;
      return {
        id: typeof l.id === 'string' ? l.id : String(i),
        name: typeof l.name === 'string' ? l.name : '(no name)',
        quantity,
        amount: formatAmount(line.isReturn ? -line.totalAmount : line.totalAmount, currency),
        isShipping: line.isShipping,
        isReturn: line.isReturn,
      };
    }),
    total: formatAmount(totals.totalAmount + totals.tipAmount, currency),
    tax: formatAmount(totals.totalTaxAmount, currency),
    shipping: totals.shippingAmount !== 0 ? formatAmount(totals.shippingAmount, currency) : null,
    discount: totals.totalDiscount !== 0 ? formatAmount(totals.totalDiscount, currency) : null,
  };
}

/** Builds the preview from the body of GET /order-management/v2/{paymentType}/{orderId}. */
export function buildOrderPreview(body: unknown): OrderPreview {
  const order = record(body);
  return { category: previewCategory(order?.category), receipt: previewReceipt(order?.receipt) };
}
