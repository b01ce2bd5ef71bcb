import { parseJsonStrict } from '../../../../shared/json';
import { CURRENCIES, QUANTITY_PATTERN, QUANTITY_UNITS } from '../../../../shared/vipps';
import type { Currency } from './money';

export type QuantityUnit = (typeof QUANTITY_UNITS)[number];

/** One order line as the table edits it; the three totals are always computed, never typed. */
export interface DraftLine {
  name: string;
  id: string;
  quantity: string;
  unit: QuantityUnit | null;
  unitPrice: number;
  discount: number;
  /** Hundredths of a percent: 2500 = 25 %. */
  taxRate: number;
  isShipping: boolean;
  isReturn: boolean;
  /** Kept as it was; the table has no column for it. */
  productUrl?: string | null;
}

export interface ReceiptDraft {
  currency: Currency;
  lines: DraftLine[];
  /** Bottom-line fields the table does not edit (tip, barcode, receipt number…), kept untouched. */
  bottomLineExtra: Record<string, unknown>;
}

export interface LineTotals {
  totalAmount: number;
  totalAmountExcludingTax: number;
  totalTaxAmount: number;
}

export type ReadOutcome = { ok: true; draft: ReceiptDraft; notes: string[] } | { ok: false; reason: string };

const LINE_KEYS = new Set(['name', 'id', 'totalAmount', 'totalAmountExcludingTax', 'totalTaxAmount', 'taxRate', 'taxPercentage', 'unitInfo', 'discount', 'productUrl', 'isReturn', 'isShipping']);
const UNIT_INFO_KEYS = new Set(['unitPrice', 'quantity', 'quantityUnit']);
const BOTTOM_LINE_KEYS = new Set(['currency', 'tipAmount', 'posId', 'paymentSources', 'barcode', 'receiptNumber', 'terminalId', 'giftCardAmount', 'totalAmount', 'totalTax', 'totalDiscount', 'shippingAmount', 'shippingInfo']);

export function emptyLine(): DraftLine {
  return { name: '', id: '', quantity: '1', unit: 'PCS', unitPrice: 0, discount: 0, taxRate: 2500, isShipping: false, isReturn: false };
}

/**
 * totalAmount = unitPrice × quantity − discount; the tax is taken out of that total at the line's
 * rate and rounded once, and the tax is whatever remains, so total = ex-tax + tax always holds.
 */
export function lineTotals(line: Pick<DraftLine, 'unitPrice' | 'quantity' | 'discount' | 'taxRate'>): LineTotals {
  const quantity = QUANTITY_PATTERN.test(line.quantity) ? Number(line.quantity) : 0;
  const totalAmount = Math.round(line.unitPrice * quantity) - line.discount;
  const totalAmountExcludingTax = Math.round((totalAmount * 10000) / (10000 + line.taxRate));
  return { totalAmount, totalAmountExcludingTax, totalTaxAmount: totalAmount - totalAmountExcludingTax };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isAmount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isAbsent = (value: unknown) => value === undefined || value === null;

class Unrepresentable extends Error {}

function refuse(reason: string): never {
  throw new Unrepresentable(reason);
}

function readLine(input: unknown, at: string, notes: string[]): DraftLine {
  if (!isRecord(input)) refuse(`${at} is not an object.`);
  const unknown = Object.keys(input).filter((key) => !LINE_KEYS.has(key));
  if (unknown.length > 0) refuse(`${at} has ${unknown.length === 1 ? 'a field' : 'fields'} the table has no column for: ${unknown.join(', ')}.`);
  for (const key of ['name', 'id'] as const) if (typeof input[key] !== 'string') refuse(`${at}.${key} must be text.`);
  for (const key of ['totalAmount', 'totalAmountExcludingTax', 'totalTaxAmount'] as const) {
    if (!isAbsent(input[key]) && !isAmount(input[key])) refuse(`${at}.${key} must be a whole, non-negative number of minor units.`);
  }
  if (!isAbsent(input.discount) && !isAmount(input.discount)) refuse(`${at}.discount must be a whole, non-negative number of minor units.`);
  const discount = (input.discount as number | null | undefined) ?? 0;
  let taxRate = 0;
  if (!isAbsent(input.taxRate)) {
    if (!isAmount(input.taxRate) || input.taxRate > 10000) refuse(`${at}.taxRate must be a whole number from 0 to 10000 (hundredths of a percent).`);
    taxRate = input.taxRate;
  } else if (!isAbsent(input.taxPercentage)) {
    if (!isAmount(input.taxPercentage) || input.taxPercentage > 100) refuse(`${at}.taxPercentage must be a whole number from 0 to 100.`);
    taxRate = input.taxPercentage * 100;
  }
  let quantity = '1';
  let unit: QuantityUnit | null = null;
  let unitPrice = ((input.totalAmount as number | undefined) ?? 0) + discount;
  if (!isAbsent(input.unitInfo)) {
    const info = input.unitInfo;
    if (!isRecord(info)) refuse(`${at}.unitInfo is not an object.`);
    const extra = Object.keys(info).filter((key) => !UNIT_INFO_KEYS.has(key));
    if (extra.length > 0) refuse(`${at}.unitInfo has fields the table has no column for: ${extra.join(', ')}.`);
    if (!isAmount(info.unitPrice)) refuse(`${at}.unitInfo.unitPrice must be a whole, non-negative number of minor units.`);
    if (typeof info.quantity !== 'string' || !QUANTITY_PATTERN.test(info.quantity)) refuse(`${at}.unitInfo.quantity must be text such as "2" or "2.5".`);
    if (!isAbsent(info.quantityUnit) && !(QUANTITY_UNITS as readonly unknown[]).includes(info.quantityUnit)) {
      refuse(`${at}.unitInfo.quantityUnit must be one of ${QUANTITY_UNITS.join(', ')}.`);
    }
    unitPrice = info.unitPrice;
    quantity = info.quantity;
    unit = (info.quantityUnit as QuantityUnit | null | undefined) ?? null;
  }
  for (const key of ['isReturn', 'isShipping'] as const) if (!isAbsent(input[key]) && typeof input[key] !== 'boolean') refuse(`${at}.${key} must be true or false.`);
  if (!isAbsent(input.productUrl) && typeof input.productUrl !== 'string') refuse(`${at}.productUrl must be text.`);
  const line: DraftLine = { name: input.name as string, id: input.id as string, quantity, unit, unitPrice, discount, taxRate, isShipping: input.isShipping === true, isReturn: input.isReturn === true };
  if (input.productUrl !== undefined) line.productUrl = input.productUrl as string | null;
  const computed = lineTotals(line);
  if (input.totalAmount !== computed.totalAmount || input.totalAmountExcludingTax !== computed.totalAmountExcludingTax || input.totalTaxAmount !== computed.totalTaxAmount) {
    notes.push(`${at}: the totals in the JSON differ from what the table computes; a change in the table rewrites them.`);
  }
  return line;
}

/** The receipt JSON as the table shows it, or why it cannot be shown (the JSON is then left alone). */
export function readReceipt(json: string): ReadOutcome {
  if (json.trim() === '') return { ok: true, draft: { currency: 'NOK', lines: [], bottomLineExtra: {} }, notes: [] };
  const parsed = parseJsonStrict(json);
  if (!parsed.ok) return { ok: false, reason: parsed.error.message };
  const value = parsed.value;
  try {
    if (!isRecord(value)) refuse('A receipt is an object with orderLines and bottomLine.');
    const unknown = Object.keys(value).filter((key) => key !== 'orderLines' && key !== 'bottomLine');
    if (unknown.length > 0) refuse(`The receipt has fields the table has no place for: ${unknown.join(', ')}.`);
    if (!Array.isArray(value.orderLines)) refuse('orderLines must be a list of order lines.');
    const bottomLine = value.bottomLine ?? {};
    if (!isRecord(bottomLine)) refuse('bottomLine must be an object.');
    const extraKeys = Object.keys(bottomLine).filter((key) => !BOTTOM_LINE_KEYS.has(key));
    if (extraKeys.length > 0) refuse(`bottomLine has fields the table does not know: ${extraKeys.join(', ')}.`);
    const currency = bottomLine.currency ?? 'NOK';
    if (!(CURRENCIES as readonly unknown[]).includes(currency)) refuse(`bottomLine.currency must be one of ${CURRENCIES.join(', ')}.`);
    const notes: string[] = [];
    const lines = value.orderLines.map((line, i) => readLine(line, `orderLines[${i}]`, notes));
    const { currency: _currency, ...bottomLineExtra } = bottomLine;
    return { ok: true, draft: { currency: currency as Currency, lines, bottomLineExtra }, notes };
  } catch (cause) {
    if (cause instanceof Unrepresentable) return { ok: false, reason: cause.message };
    throw cause;
  }
}

/** The receipt as the API takes it: minor units, taxRate in hundredths of a percent, totals computed. */
export function writeReceipt(draft: ReceiptDraft): string {
  const orderLines = draft.lines.map((line) => {
    const totals = lineTotals(line);
    const out: Record<string, unknown> = { name: line.name, id: line.id, ...totals, taxRate: line.taxRate };
    out.unitInfo = line.unit ? { unitPrice: line.unitPrice, quantity: line.quantity, quantityUnit: line.unit } : { unitPrice: line.unitPrice, quantity: line.quantity };
    if (line.discount > 0) out.discount = line.discount;
    if (line.productUrl !== undefined) out.productUrl = line.productUrl;
    if (line.isReturn) out.isReturn = true;
    if (line.isShipping) out.isShipping = true;
    return out;
  });
  return JSON.stringify({ orderLines, bottomLine: { currency: draft.currency, ...draft.bottomLineExtra } }, null, 2);
}
