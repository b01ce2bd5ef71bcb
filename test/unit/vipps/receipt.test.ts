import { describe, expect, it } from 'vitest';
import { minorUnits } from '../../../shared/vipps/amounts';
import { checkBarcodeData, ean13CheckDigit } from '../../../shared/vipps/barcode';
import { CURRENCIES, lineTaxRate, QUANTITY_UNITS, validateReceipt } from '../../../shared/vipps/receipt';
import { receiptTotals } from '../../../shared/vipps/receipt-totals';

// OM receipt (reference §3.5): integer minor units, totalAmount = excluding tax + tax (R2), no
// negative amounts (R3), taxRate 0–10000 or taxPercentage 0–100 (R4), currency NOK/DKK/EUR
// (R10), quantity text of at most 10 with up to 8 decimals, barcode data checked (R6).

type Line = Record<string, unknown>;
const line = (over: Line = {}): Line => ({ name: 'Socks', id: 'socks-1', totalAmount: 1000, totalAmountExcludingTax: 800, totalTaxAmount: 200, taxRate: 2500, ...over });
const receipt = (lines: Line[] = [line()], bottomLine: Record<string, unknown> = {}) => ({ orderLines: lines, bottomLine: { currency: 'NOK', ...bottomLine } });

function issues(input: unknown, prefix?: string) {
  const r = validateReceipt(input, prefix);
  return r.ok ? [] : r.issues;
}
const names = (input: unknown) => issues(input).map((i) => i.name);
const reasonOf = (input: unknown, name: string) => issues(input).find((i) => i.name === name)?.reason;

describe('line totals (R2)', () => {
  it('accepts totalAmount equal to excluding tax plus tax, and names totalTaxAmount with the amount it should be', () => {
    expect(issues(receipt())).toEqual([]);
    const off = issues(receipt([line({ totalTaxAmount: 199 })]));
    expect(off).toEqual([
      {
        name: 'orderLines[0].totalTaxAmount',
        reason: 'totalAmount (1000) must equal totalAmountExcludingTax (800) plus totalTaxAmount (199); with these amounts totalTaxAmount would be 200.',
      },
    ]);
    expect(names(receipt([line({ totalTaxAmount: 201 })]))).toEqual(['orderLines[0].totalTaxAmount']);
    expect(names(receipt([line({ totalAmount: 0, totalAmountExcludingTax: 0, totalTaxAmount: 0, taxRate: 0 })]))).toEqual([]);
  });

  it('checks every line, and names each by its index', () => {
    expect(names(receipt([line(), line({ totalAmountExcludingTax: 801 }), line({ totalAmount: 999 })]))).toEqual(['orderLines[1].totalTaxAmount', 'orderLines[2].totalTaxAmount']);
  });

  it('does not add a sum complaint on top of a wrong amount type', () => {
    expect(names(receipt([line({ totalAmount: '1000' })]))).toEqual(['orderLines[0].totalAmount']);
    expect(names(receipt([line({ totalTaxAmount: 200.5 })]))).toEqual(['orderLines[0].totalTaxAmount']);
    expect(names(receipt([line({ totalAmountExcludingTax: 2 ** 60, totalAmount: 2 ** 60 })])).sort()).toEqual(['orderLines[0].totalAmount', 'orderLines[0].totalAmountExcludingTax']);
  });

  it('follows the official worked example (socks, flip-flops with a discount, shipping)', () => {
    const example = receipt([
      line({ unitInfo: { unitPrice: 400, quantity: '2.5', quantityUnit: 'KG' } }),
      line({ name: 'Flip-flops', id: 'ff-1', totalAmount: 5000, totalAmountExcludingTax: 4000, totalTaxAmount: 1000, discount: 2500, unitInfo: { unitPrice: 2500, quantity: '3' } }),
      line({ name: 'Home delivery', id: 'shipping_1', totalAmount: 1000, totalAmountExcludingTax: 1000, totalTaxAmount: 0, taxRate: 0, isShipping: true }),
    ]);
    expect(issues(example)).toEqual([]);
  });
});

describe('tax rate (R4)', () => {
  it('wants taxRate or taxPercentage on every line', () => {
    const none = receipt([line({ taxRate: undefined }), line({ taxRate: null, taxPercentage: null })]);
    expect(issues(none)).toEqual([
      { name: 'orderLines[0].taxRate', reason: 'Give the tax rate: taxRate in hundredths of a percent (2500 = 25 %), or the older taxPercentage in whole percent.' },
      { name: 'orderLines[1].taxRate', reason: 'Give the tax rate: taxRate in hundredths of a percent (2500 = 25 %), or the older taxPercentage in whole percent.' },
    ]);
    expect(names(receipt([line({ taxRate: undefined, taxPercentage: 25 })]))).toEqual([]);
    expect(names(receipt([line({ taxRate: 0 })]))).toEqual([]);
    expect(names(receipt([line({ taxRate: undefined, taxPercentage: 0 })]))).toEqual([]);
  });

  it('keeps taxRate within 0–10000 hundredths of a percent, whole numbers only', () => {
    expect(names(receipt([line({ taxRate: 10000 })]))).toEqual([]);
    expect(reasonOf(receipt([line({ taxRate: 10001 })]), 'orderLines[0].taxRate')).toBe('taxRate must be between 0 and 10000 (hundredths of a percent): 2500 means 25 %.');
    expect(reasonOf(receipt([line({ taxRate: -1 })]), 'orderLines[0].taxRate')).toBe('taxRate must be between 0 and 10000 (hundredths of a percent).');
    expect(reasonOf(receipt([line({ taxRate: 12.5 })]), 'orderLines[0].taxRate')).toBe('taxRate is a whole number in hundredths of a percent: 2500 means 25 %, 1250 means 12.5 %.');
  });

  it('keeps taxPercentage within 0–100 whole percent, pointing to taxRate for 12.5 %', () => {
    const pct = (value: unknown) => receipt([line({ taxRate: undefined, taxPercentage: value })]);
    expect(names(pct(100))).toEqual([]);
    expect(reasonOf(pct(101), 'orderLines[0].taxPercentage')).toBe('taxPercentage must be between 0 and 100; did you mean taxRate (hundredths of a percent)?');
    expect(reasonOf(pct(-1), 'orderLines[0].taxPercentage')).toBe('taxPercentage must be between 0 and 100.');
    expect(reasonOf(pct(12.5), 'orderLines[0].taxPercentage')).toBe('taxPercentage is a whole percent (25 means 25 %); for 12.5 % use taxRate: 1250.');
  });

  it('reads a line’s rate in hundredths of a percent, taxRate first', () => {
    expect(lineTaxRate({ taxRate: 1250, taxPercentage: 25 })).toBe(1250);
    expect(lineTaxRate({ taxRate: 0, taxPercentage: 25 })).toBe(0);
    expect(lineTaxRate({ taxRate: null, taxPercentage: 25 })).toBe(2500);
    expect(lineTaxRate({ taxPercentage: 0 })).toBe(0);
    expect(lineTaxRate({ taxRate: null, taxPercentage: null })).toBeNull();
    expect(lineTaxRate({})).toBeNull();
  });
});

describe('amounts (R3, R7)', () => {
  it('takes zero and refuses negative, decimal, text and unsafe amounts, each with its own reason', () => {
    const schema = minorUnits();
    const reason = (value: unknown) => {
      const r = schema.safeParse(value);
      return r.success ? null : r.error.issues[0]?.message;
    };
    expect(reason(0)).toBeNull();
    expect(reason(Number.MAX_SAFE_INTEGER)).toBeNull();
    expect(reason(-1)).toBe('Amounts may not be negative: mark returned items with isReturn: true instead.');
    expect(reason(10.5)).toBe('10.5 has decimals: amounts are whole minor units (øre or cents), so 10.50 is written 1050.');
    expect(reason('1000')).toBe('Amounts are numbers, not text: write 1000, not "1000" (minor units, 10.00 = 1000).');
    expect(reason(undefined)).toBe('This amount is required but missing.');
    expect(reason(true)).toBe('Expected a whole number of minor units (10.00 = 1000).');
    expect(reason(Number.MAX_SAFE_INTEGER + 1)).toBe('This amount is too large.');
  });

  it('refuses negative discounts, tips and payment sources, and allows them absent or null', () => {
    expect(issues(receipt([line({ discount: -1 })]))).toEqual([{ name: 'orderLines[0].discount', reason: 'Amounts may not be negative: mark returned items with isReturn: true instead.' }]);
    expect(reasonOf(receipt([line({ totalAmount: -1000, totalAmountExcludingTax: -800, totalTaxAmount: -200 })]), 'orderLines[0].totalAmount')).toBe('Amounts may not be negative: mark returned items with isReturn: true instead.');
    expect(reasonOf(receipt([line({ discount: 1.5 })]), 'orderLines[0].discount')).toBe('1.5 has decimals: amounts are whole minor units (øre or cents), so 10.50 is written 1050.');
    expect(names(receipt([line({ discount: null })]))).toEqual([]);
    expect(names(receipt(undefined, { tipAmount: -1 }))).toEqual(['bottomLine.tipAmount']);
    expect(names(receipt(undefined, { tipAmount: 0, paymentSources: { card: 1000, cash: null } }))).toEqual([]);
    expect(names(receipt(undefined, { paymentSources: { giftCard: -5 } }))).toEqual(['bottomLine.paymentSources.giftCard']);
  });
});

describe('currency and lines (R10)', () => {
  it('allows NOK, DKK and EUR only', () => {
    expect([...CURRENCIES]).toEqual(['NOK', 'DKK', 'EUR']);
    for (const currency of CURRENCIES) expect(names(receipt(undefined, { currency })), currency).toEqual([]);
    expect(issues(receipt(undefined, { currency: 'SEK' }))).toEqual([{ name: 'bottomLine.currency', reason: 'currency must be NOK, DKK or EUR.' }]);
    expect(names(receipt(undefined, { currency: 'nok' }))).toEqual(['bottomLine.currency']);
  });

  it('needs at least one order line and a bottom line', () => {
    expect(issues({ orderLines: [], bottomLine: { currency: 'NOK' } })).toEqual([{ name: 'orderLines', reason: 'A receipt needs at least one order line.' }]);
    expect(names({ orderLines: [line()] })).toEqual(['bottomLine']);
    expect(names({ orderLines: 'x', bottomLine: { currency: 'NOK' } })).toEqual(['orderLines']);
    expect(names('not a receipt')).toEqual(['$']);
    expect(names(receipt(['line' as unknown as Line]))).toEqual(['orderLines[0]']);
  });
});

describe('unitInfo', () => {
  const unit = (unitInfo: unknown) => receipt([line({ unitInfo })]);
  it('takes quantity as text of digits with up to 8 decimals and at most 10 characters', () => {
    for (const quantity of ['2', '2.5', '0.822', '1.12345678', '1234567890', '0']) expect(names(unit({ unitPrice: 400, quantity })), quantity).toEqual([]);
    const pattern = 'quantity must be digits with an optional "." and 1 to 8 decimals, such as "2", "2.5" or "0.822".';
    for (const quantity of ['2.', '.5', '2,5', '-1', '1e3', ' 2', '2 ']) {
      expect(reasonOf(unit({ unitPrice: 400, quantity }), 'orderLines[0].unitInfo.quantity'), quantity).toBe(pattern);
    }
    // Nine decimals never fit in ten characters, so the length rule is the one that speaks.
    expect(reasonOf(unit({ unitPrice: 400, quantity: '12345678901' }), 'orderLines[0].unitInfo.quantity')).toBe('quantity may be at most 10 characters long.');
    expect(reasonOf(unit({ unitPrice: 400, quantity: '0.123456789' }), 'orderLines[0].unitInfo.quantity')).toBe('quantity may be at most 10 characters long.');
    expect(reasonOf(unit({ unitPrice: 400, quantity: 2 }), 'orderLines[0].unitInfo.quantity')).toBe('quantity is written as text: "2", not 2.');
    expect(reasonOf(unit({ unitPrice: 400 }), 'orderLines[0].unitInfo.quantity')).toBe('quantity is required when unitInfo is given (text such as "2" or "2.5").');
  });

  it('needs a unitPrice of zero or more and a known quantity unit', () => {
    expect(names(unit({ quantity: '1' }))).toEqual(['orderLines[0].unitInfo.unitPrice']);
    expect(names(unit({ unitPrice: -1, quantity: '1' }))).toEqual(['orderLines[0].unitInfo.unitPrice']);
    expect(names(unit({ unitPrice: 0, quantity: '0.822' }))).toEqual([]);
    expect([...QUANTITY_UNITS]).toEqual(['PCS', 'KG', 'KM', 'MINUTE', 'LITRE', 'KWH']);
    for (const quantityUnit of QUANTITY_UNITS) expect(names(unit({ unitPrice: 1, quantity: '1', quantityUnit })), quantityUnit).toEqual([]);
    expect(names(unit({ unitPrice: 1, quantity: '1', quantityUnit: 'GRAM' }))).toEqual(['orderLines[0].unitInfo.quantityUnit']);
    expect(names(unit(null))).toEqual([]);
  });
});

describe('deprecated bottom-line fields', () => {
  it('are still taken, and shippingInfo needs all four of its fields', () => {
    expect(names(receipt(undefined, { terminalId: 'pos_1', giftCardAmount: 0, totalAmount: -5, totalTax: 0, totalDiscount: 0, shippingAmount: 0 }))).toEqual([]);
    expect(names(receipt(undefined, { shippingInfo: { amount: 1000, amountExcludingTax: 800, taxAmount: 200, taxPercentage: 25 } }))).toEqual([]);
    expect(names(receipt(undefined, { shippingInfo: { amount: 1000, amountExcludingTax: 800, taxAmount: 200 } }))).toEqual(['bottomLine.shippingInfo.taxPercentage']);
    expect(names(receipt(undefined, { shippingInfo: { amount: 1000, amountExcludingTax: 800, taxAmount: 200, taxPercentage: 101 } }))).toEqual(['bottomLine.shippingInfo.taxPercentage']);
  });
});

describe('barcode (R6)', () => {
  const barcode = (format: unknown, data: unknown) => receipt(undefined, { barcode: { format, data } });
  it('checks EAN-13: 13 digits with the GS1 check digit', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1);
    expect(ean13CheckDigit('590123412345')).toBe(7);
    expect(ean13CheckDigit('000000000000')).toBe(0);
    expect(names(barcode('EAN-13', '4006381333931'))).toEqual([]);
    expect(issues(barcode('EAN-13', '4006381333932'))).toEqual([{ name: 'bottomLine.barcode.data', reason: 'The EAN-13 check digit is wrong: with these first 12 digits the last digit must be 1.' }]);
    expect(issues(barcode('EAN-13', '123456'))).toEqual([{ name: 'bottomLine.barcode.data', reason: 'EAN-13 data must be exactly 13 digits; "123456" has 6 characters.' }]);
    expect(names(barcode('EAN-13', '40063813339310'))).toEqual(['bottomLine.barcode.data']);
    expect(names(barcode('EAN-13', '400638133393a'))).toEqual(['bottomLine.barcode.data']);
  });

  it('checks CODE 39’s character set and CODE 128’s printable ASCII', () => {
    expect(checkBarcodeData('CODE 39', 'ABC-123. $/+%', 'd')).toBeNull();
    expect(checkBarcodeData('CODE 39', 'abc', 'd')).toEqual({ name: 'd', reason: 'CODE 39 data may only hold digits, capital letters A–Z, space and - . $ / + %.' });
    expect(checkBarcodeData('CODE 39', '', 'd')).not.toBeNull();
    expect(checkBarcodeData('CODE 39', 'A*B', 'd')).not.toBeNull();
    expect(checkBarcodeData('CODE 128', ' ~Az09!', 'd')).toBeNull();
    expect(checkBarcodeData('CODE 128', 'blåbær', 'd')).toEqual({ name: 'd', reason: 'CODE 128 data must be printable ASCII characters (no letters like æ, ø, å, no control characters).' });
    expect(checkBarcodeData('CODE 128', 'a\tb', 'd')).not.toBeNull();
    expect(checkBarcodeData('CODE 128', '\x7f', 'd')).not.toBeNull();
    expect(checkBarcodeData('CODE 128', '', 'd')).not.toBeNull();
    expect(names(barcode('CODE 128', 'ORDER-1'))).toEqual([]);
  });

  it('wants the format spelled with its space and in capitals, and data as text', () => {
    expect(issues(barcode('CODE128', 'x'))).toEqual([{ name: 'bottomLine.barcode.format', reason: 'format must be "EAN-13", "CODE 39" or "CODE 128" (with the space, in capitals).' }]);
    expect(issues(barcode('EAN-13', 4006381333931))).toEqual([{ name: 'bottomLine.barcode.data', reason: 'data is required: the text the barcode encodes.' }]);
  });
});

describe('nested receipts', () => {
  it('prefix every name, the rules’ names too', () => {
    const nested = issues(receipt([line({ totalTaxAmount: 0, taxRate: undefined })], { barcode: { format: 'EAN-13', data: '1' } }), 'receipt');
    expect(nested.map((i) => i.name)).toEqual(['receipt.orderLines[0].taxRate', 'receipt.orderLines[0].totalTaxAmount', 'receipt.bottomLine.barcode.data']);
  });

  it('report a rule once when the schema already named the same field', () => {
    const both = issues(receipt([line({ taxRate: 20000 })]));
    expect(both.map((i) => i.name)).toEqual(['orderLines[0].taxRate']);
    expect(both[0]?.reason).toMatch(/between 0 and 10000/);
  });
});

describe('receiptTotals (R5)', () => {
  it('sums the lines, subtracts returned ones everywhere, and keeps the shipping share and the tip', () => {
    const totals = receiptTotals({
      orderLines: [
        { totalAmount: 1000, totalAmountExcludingTax: 800, totalTaxAmount: 200, discount: 100 },
        { totalAmount: 300, totalAmountExcludingTax: 240, totalTaxAmount: 60, discount: 30, isReturn: true },
        { totalAmount: 500, totalAmountExcludingTax: 400, totalTaxAmount: 100, isShipping: true },
        { totalAmount: 50, totalAmountExcludingTax: 40, totalTaxAmount: 10, isShipping: true, isReturn: true, discount: null },
      ],
      bottomLine: { tipAmount: 70 },
    });
    expect(totals).toEqual({ totalAmount: 1150, totalAmountExcludingTax: 920, totalTaxAmount: 230, totalDiscount: 70, shippingAmount: 450, tipAmount: 70, returnedLines: 2 });
  });

  it('gives zeros for no tip or bottom line', () => {
    expect(receiptTotals({ orderLines: [], bottomLine: null })).toEqual({ totalAmount: 0, totalAmountExcludingTax: 0, totalTaxAmount: 0, totalDiscount: 0, shippingAmount: 0, tipAmount: 0, returnedLines: 0 });
    expect(receiptTotals({ orderLines: [], bottomLine: { tipAmount: null } }).tipAmount).toBe(0);
    expect(receiptTotals({ orderLines: [{ totalAmount: 1, totalAmountExcludingTax: 1, totalTaxAmount: 0, isReturn: false, isShipping: false }] })).toMatchObject({ totalAmount: 1, returnedLines: 0, shippingAmount: 0 });
  });
});
