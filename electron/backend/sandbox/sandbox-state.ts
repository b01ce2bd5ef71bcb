import type { SandboxFaults, SandboxOrder, SandboxReceipt, SandboxState } from '../../../shared/contract/sandbox';
import type { Receipt } from '../../../shared/vipps/receipt';
import type { FaultConfig, SandboxSnapshot } from '../../sandbox/index';

/** Any fault that changes an answer: a global one, or an override the config file set for one unit. */
export function faultsActive(faults: FaultConfig): boolean {
  const changes = (f: Partial<FaultConfig>) => (f.latencyMs ?? 0) > 0 || (f.errorRate ?? 0) > 0 || f.failTokenEndpoint === true;
  return changes(faults) || Object.values(faults.perSalesUnit).some(changes);
}

export function toFaults(faults: FaultConfig): SandboxFaults {
  return { ...faults, active: faultsActive(faults) };
}

function toReceipt(entry: SandboxSnapshot['receipts'][number]): SandboxReceipt {
  // The sandbox stores only receipts that passed its schema, so this shape holds.
  const receipt = entry.receipt as Receipt;
  return {
    source: entry.source,
    createdAt: entry.createdAt,
    currency: receipt.bottomLine.currency,
    receiptNumber: receipt.bottomLine.receiptNumber ?? null,
    lines: receipt.orderLines.map((line) => ({
      id: line.id,
      name: line.name,
      totalAmount: line.totalAmount,
      totalAmountExcludingTax: line.totalAmountExcludingTax,
      totalTaxAmount: line.totalTaxAmount,
      quantity: line.unitInfo?.quantity ?? null,
      quantityUnit: line.unitInfo?.quantityUnit ?? null,
      discount: line.discount ?? null,
      isReturn: line.isReturn === true,
      isShipping: line.isShipping === true,
    })),
    totals: entry.totals,
  };
}

function orderKey(o: { msn: string; paymentType: string; orderId: string }): string {
  return `${o.msn}\u0000${o.paymentType}\u0000${o.orderId}`;
}

/** Categories and receipts joined per order, newest change first, so a tester finds the order just sent on top. */
function toOrders(snapshot: SandboxSnapshot): SandboxOrder[] {
  const orders = new Map<string, SandboxOrder & { changedAt: string }>();
  const entry = (o: { msn: string; paymentType: string; orderId: string }) => {
    const k = orderKey(o);
    let order = orders.get(k);
    if (!order) {
      order = { msn: o.msn, paymentType: o.paymentType, orderId: o.orderId, category: null, receipt: null, changedAt: '' };
      orders.set(k, order);
    }
    return order;
  };
  for (const c of snapshot.categories) {
    const order = entry(c);
    order.category = { category: c.category, orderDetailsUrl: c.orderDetailsUrl, imageId: c.imageId, updatedAt: c.updatedAt };
    if (c.updatedAt && c.updatedAt > order.changedAt) order.changedAt = c.updatedAt;
  }
  for (const r of snapshot.receipts) {
    const order = entry(r);
    order.receipt = toReceipt(r);
    if (r.createdAt && r.createdAt > order.changedAt) order.changedAt = r.createdAt;
  }
  return [...orders.values()].sort((a, b) => b.changedAt.localeCompare(a.changedAt)).map(({ changedAt: _changedAt, ...order }) => order);
}

const newestFirst = <T extends { createdAt: string }>(items: T[]): T[] => [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

/** The snapshot in the contract's shape: no image bytes, no phone numbers, no charge history. */
export function toSandboxState(snapshot: SandboxSnapshot): SandboxState {
  return {
    page: snapshot.page,
    totals: { orders: snapshot.totals.orders, images: snapshot.totals.images, payments: snapshot.totals.payments, agreements: snapshot.totals.agreements, charges: snapshot.totals.charges },
    orders: toOrders(snapshot),
    images: newestFirst(snapshot.images.map(({ contentType, ...image }) => ({ ...image, mime: contentType }))),
    payments: newestFirst(
      snapshot.payments.map((p) =>
        p.api === 'epayment'
          ? { api: p.api, msn: p.msn, id: p.reference, state: p.state, amount: p.amount.value, currency: p.amount.currency, captured: p.captured, refunded: p.refunded, userFlow: p.userFlow, createdAt: p.createdAt, customer: p.customer }
          : // eCom v2 amounts are in NOK øre; the API has no currency field.
            { api: p.api, msn: p.msn, id: p.orderId, state: p.status, amount: p.amount, currency: 'NOK', captured: p.captured, refunded: p.refunded, userFlow: null, createdAt: p.createdAt, customer: p.customer },
      ),
    ),
    agreements: snapshot.agreements
      .map((a) => ({
        msn: a.msn,
        id: a.id,
        status: a.status,
        productName: a.productName,
        pricingType: a.pricing.type,
        currency: a.pricing.currency,
        amount: a.pricing.amount ?? a.pricing.suggestedMaxAmount ?? null,
        interval: a.interval,
        created: a.created,
        initialChargeId: a.initialChargeId,
        customer: a.customer ?? null,
      }))
      .sort((a, b) => b.created.localeCompare(a.created)),
    charges: snapshot.charges.map((c) => ({
      msn: c.msn,
      id: c.id,
      agreementId: c.agreementId,
      amount: c.amount,
      currency: c.currency,
      description: c.description,
      due: c.due,
      status: c.status,
      type: c.type,
      transactionType: c.transactionType,
    })),
  };
}
