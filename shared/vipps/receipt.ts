import { z } from 'zod';
import { minorUnits, nullableMinorUnits } from './amounts';
import { BARCODE_FORMATS, checkBarcodeData, type BarcodeFormat } from './barcode';
import { validateWith, type ValidationIssue, type ValidationResult } from './issues';

export const CURRENCIES = ['NOK', 'DKK', 'EUR'] as const;
export const QUANTITY_UNITS = ['PCS', 'KG', 'KM', 'MINUTE', 'LITRE', 'KWH'] as const;
export const QUANTITY_PATTERN = /^\d+([.]\d{1,8})?$/;

const quantity = z
  .string({
    error: (iss) =>
      typeof iss.input === 'number'
        ? `quantity is written as text: "${iss.input}", not ${iss.input}.`
        : 'quantity is required when unitInfo is given (text such as "2" or "2.5").',
  })
  .max(10, { error: 'quantity may be at most 10 characters long.' })
  .regex(QUANTITY_PATTERN, {
    error: 'quantity must be digits with an optional "." and 1 to 8 decimals, such as "2", "2.5" or "0.822".',
  });

const UnitInfoSchema = z.object({
  unitPrice: minorUnits(),
  quantity,
  quantityUnit: z.enum(QUANTITY_UNITS).nullable().optional(),
});

const taxRate = z
  .int({ error: 'taxRate is a whole number in hundredths of a percent: 2500 means 25 %, 1250 means 12.5 %.' })
  .min(0, { error: 'taxRate must be between 0 and 10000 (hundredths of a percent).' })
  .max(10000, { error: 'taxRate must be between 0 and 10000 (hundredths of a percent): 2500 means 25 %.' });

const taxPercentage = z
  .int({ error: 'taxPercentage is a whole percent (25 means 25 %); for 12.5 % use taxRate: 1250.' })
  .min(0, { error: 'taxPercentage must be between 0 and 100.' })
  .max(100, { error: 'taxPercentage must be between 0 and 100; did you mean taxRate (hundredths of a percent)?' });

export const OrderLineSchema = z.object({
  name: z.string(),
  id: z.string(),
  totalAmount: minorUnits(),
  totalAmountExcludingTax: minorUnits(),
  totalTaxAmount: minorUnits(),
  taxRate: taxRate.nullable().optional(),
  taxPercentage: taxPercentage.nullable().optional(),
  unitInfo: UnitInfoSchema.nullable().optional(),
  discount: nullableMinorUnits(),
  productUrl: z.string().nullable().optional(),
  isReturn: z.boolean().nullable().optional(),
  isShipping: z.boolean().nullable().optional(),
});

const ShippingInfoSchema = z.object({
  amount: minorUnits(),
  amountExcludingTax: minorUnits(),
  taxAmount: minorUnits(),
  taxPercentage,
});

const PaymentSourcesSchema = z.object({
  giftCard: nullableMinorUnits(),
  card: nullableMinorUnits(),
  voucher: nullableMinorUnits(),
  cash: nullableMinorUnits(),
});

const BarcodeSchema = z.object({
  format: z.enum(BARCODE_FORMATS, {
    error: 'format must be "EAN-13", "CODE 39" or "CODE 128" (with the space, in capitals).',
  }),
  data: z.string({ error: 'data is required: the text the barcode encodes.' }),
});

export const BottomLineSchema = z.object({
  currency: z.enum(CURRENCIES, { error: 'currency must be NOK, DKK or EUR.' }),
  tipAmount: nullableMinorUnits(),
  posId: z.string().nullable().optional(),
  paymentSources: PaymentSourcesSchema.nullable().optional(),
  barcode: BarcodeSchema.nullable().optional(),
  receiptNumber: z.string().nullable().optional(),
  // Deprecated by Vipps but still accepted; the sums are computed from the lines.
  terminalId: z.string().nullable().optional(),
  giftCardAmount: nullableMinorUnits(),
  totalAmount: z.int().nullable().optional(),
  totalTax: nullableMinorUnits(),
  totalDiscount: nullableMinorUnits(),
  shippingAmount: nullableMinorUnits(),
  shippingInfo: ShippingInfoSchema.nullable().optional(),
});

export const ReceiptSchema = z.object({
  orderLines: z.array(OrderLineSchema).min(1, { error: 'A receipt needs at least one order line.' }),
  bottomLine: BottomLineSchema,
});

export type Receipt = z.infer<typeof ReceiptSchema>;
export type OrderLine = z.infer<typeof OrderLineSchema>;
export type BottomLine = z.infer<typeof BottomLineSchema>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Rules the schema cannot express. Runs on the raw input so all problems are reported at once. */
function receiptRuleIssues(input: unknown, prefix: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isRecord(input)) return issues;
  const lines = Array.isArray(input.orderLines) ? input.orderLines : [];
  lines.forEach((line: unknown, i) => {
    if (!isRecord(line)) return;
    const at = `${prefix}orderLines[${i}]`;
    if (!hasValue(line.taxRate) && !hasValue(line.taxPercentage)) {
      issues.push({
        name: `${at}.taxRate`,
        reason: 'Give the tax rate: taxRate in hundredths of a percent (2500 = 25 %), or the older taxPercentage in whole percent.',
      });
    }
    const { totalAmount, totalAmountExcludingTax, totalTaxAmount } = line;
    if (isAmount(totalAmount) && isAmount(totalAmountExcludingTax) && isAmount(totalTaxAmount)) {
      if (totalAmount !== totalAmountExcludingTax + totalTaxAmount) {
        issues.push({
          name: `${at}.totalTaxAmount`,
          reason: `totalAmount (${totalAmount}) must equal totalAmountExcludingTax (${totalAmountExcludingTax}) plus totalTaxAmount (${totalTaxAmount}); with these amounts totalTaxAmount would be ${totalAmount - totalAmountExcludingTax}.`,
        });
      }
    }
  });
  const bottomLine = input.bottomLine;
  if (isRecord(bottomLine) && isRecord(bottomLine.barcode)) {
    const { format, data } = bottomLine.barcode;
    if ((BARCODE_FORMATS as readonly unknown[]).includes(format) && typeof data === 'string') {
      const issue = checkBarcodeData(format as BarcodeFormat, data, `${prefix}bottomLine.barcode.data`);
      if (issue) issues.push(issue);
    }
  }
  return issues;
}

/**
 * Validates an OM receipt: the schema (required fields, integer minor units, enums, patterns)
 * and the business rules (tax rate given, line totals add up, barcode data fits its format).
 * When both taxRate and taxPercentage are given the receipt is accepted and taxRate wins.
 */
export function validateReceipt(input: unknown, prefix = ''): ValidationResult<Receipt> {
  const schema = validateWith(ReceiptSchema, input, prefix);
  const rules = receiptRuleIssues(input, prefix ? `${prefix}.` : '');
  if (schema.ok && rules.length === 0) return schema;
  const issues = schema.ok ? [] : [...schema.issues];
  const named = new Set(issues.map((i) => i.name));
  for (const rule of rules) if (!named.has(rule.name)) issues.push(rule);
  return { ok: false, issues };
}

/** The tax rate of a line in hundredths of a percent, preferring taxRate over taxPercentage. */
export function lineTaxRate(line: Pick<OrderLine, 'taxRate' | 'taxPercentage'>): number | null {
  if (line.taxRate !== undefined && line.taxRate !== null) return line.taxRate;
  if (line.taxPercentage !== undefined && line.taxPercentage !== null) return line.taxPercentage * 100;
  return null;
}
