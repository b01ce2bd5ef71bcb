export interface ReceiptTotalsInput {
  orderLines: ReadonlyArray<{
    totalAmount: number;
    totalAmountExcludingTax: number;
    totalTaxAmount: number;
    discount?: number | null;
    isReturn?: boolean | null;
    isShipping?: boolean | null;
  }>;
  bottomLine?: { tipAmount?: number | null } | null;
}

export interface ReceiptTotals {
  /** Σ line totalAmount (tax included, after discount); returned lines subtracted. */
  totalAmount: number;
  totalAmountExcludingTax: number;
  totalTaxAmount: number;
  totalDiscount: number;
  /** Part of totalAmount that comes from lines marked isShipping. */
  shippingAmount: number;
  tipAmount: number;
  returnedLines: number;
}

/**
 * The bottom line as the app computes it: the deprecated bottom-line sums are ignored by Vipps,
 * and a line with isReturn counts negative in every sum.
 */
export function receiptTotals(receipt: ReceiptTotalsInput): ReceiptTotals {
  const totals: ReceiptTotals = {
    totalAmount: 0,
    totalAmountExcludingTax: 0,
    totalTaxAmount: 0,
    totalDiscount: 0,
    shippingAmount: 0,
    tipAmount: receipt.bottomLine?.tipAmount ?? 0,
    returnedLines: 0,
  };
  for (const line of receipt.orderLines) {
    const sign = line.isReturn ? -1 : 1;
    if (line.isReturn) totals.returnedLines++;
    totals.totalAmount += sign * line.totalAmount;
    totals.totalAmountExcludingTax += sign * line.totalAmountExcludingTax;
    totals.totalTaxAmount += sign * line.totalTaxAmount;
    totals.totalDiscount += sign * (line.discount ?? 0);
    if (line.isShipping) totals.shippingAmount += sign * line.totalAmount;
  }
  return totals;
}
