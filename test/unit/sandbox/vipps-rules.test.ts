import { describe, it, expect } from 'vitest';
import {
  checkBarcodeData,
  checkEcomOrderId,
  checkEpaymentReference,
  checkOmOrderId,
  decodeBase64,
  encodeBase64,
  inspectImage,
  lineTaxRate,
  normalisePaymentType,
  receiptTotals,
  validateCategory,
  validateImageUpload,
  validateReceipt,
} from '../../../shared/vipps';
import { imageBody, makeJpegHeader, makePng, validReceipt } from './helpers';

function issueNames(result: { ok: boolean; issues?: Array<{ name: string }> }): string[] {
  return result.ok ? [] : (result.issues ?? []).map((i) => i.name);
}

describe('validateReceipt', () => {
  it('accepts a minimal valid receipt', () => {
    expect(validateReceipt(validReceipt()).ok).toBe(true);
  });

  it('rejects a receipt without order lines', () => {
    const r = validateReceipt({ orderLines: [], bottomLine: { currency: 'NOK' } });
    expect(issueNames(r)).toEqual(['orderLines']);
  });

  it('names each missing required line field by its JSON path', () => {
    const r = validateReceipt({ orderLines: [{ name: 'x' }], bottomLine: { currency: 'NOK', } });
    expect(issueNames(r)).toEqual(
      expect.arrayContaining(['orderLines[0].id', 'orderLines[0].totalAmount', 'orderLines[0].totalAmountExcludingTax', 'orderLines[0].totalTaxAmount']),
    );
  });

  it('rejects a line whose totalAmount is not excluding-tax plus tax, naming totalTaxAmount', () => {
    const receipt = validReceipt();
    receipt.orderLines[0].totalTaxAmount = 250;
    const r = validateReceipt(receipt);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]?.name).toBe('orderLines[0].totalTaxAmount');
      expect(r.issues[0]?.reason).toContain('200');
    }
  });

  it('requires one of taxRate or taxPercentage', () => {
    const receipt = validReceipt();
    delete receipt.orderLines[0].taxRate;
    expect(issueNames(validateReceipt(receipt))).toEqual(['orderLines[0].taxRate']);
    receipt.orderLines[0].taxPercentage = 25;
    expect(validateReceipt(receipt).ok).toBe(true);
  });

  it('accepts both taxRate and taxPercentage and prefers taxRate', () => {
    const receipt = validReceipt();
    receipt.orderLines[0].taxPercentage = 15;
    const r = validateReceipt(receipt);
    expect(r.ok).toBe(true);
    if (r.ok && r.value.orderLines[0]) expect(lineTaxRate(r.value.orderLines[0])).toBe(2500);
  });

  it('keeps taxRate within 0–10000 and taxPercentage within 0–100', () => {
    const a = validReceipt();
    a.orderLines[0].taxRate = 10001;
    expect(issueNames(validateReceipt(a))).toEqual(['orderLines[0].taxRate']);
    const b = validReceipt();
    delete b.orderLines[0].taxRate;
    b.orderLines[0].taxPercentage = 2500;
    expect(issueNames(validateReceipt(b))).toEqual(['orderLines[0].taxPercentage']);
  });

  it('rejects decimal, negative and text amounts with an explanation', () => {
    const receipt = validReceipt();
    receipt.orderLines[0].totalAmount = 10.5;
    receipt.orderLines[0].discount = -1;
    receipt.bottomLine.tipAmount = '100';
    const r = validateReceipt(receipt);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byName = Object.fromEntries(r.issues.map((i) => [i.name, i.reason]));
    expect(byName['orderLines[0].totalAmount']).toMatch(/decimals/);
    expect(byName['orderLines[0].discount']).toMatch(/negative/);
    expect(byName['bottomLine.tipAmount']).toMatch(/not text/);
  });

  it('allows NOK, DKK and EUR only', () => {
    for (const currency of ['NOK', 'DKK', 'EUR']) {
      const receipt = validReceipt();
      receipt.bottomLine.currency = currency;
      expect(validateReceipt(receipt).ok, currency).toBe(true);
    }
    const receipt = validReceipt();
    receipt.bottomLine.currency = 'SEK';
    expect(issueNames(validateReceipt(receipt))).toEqual(['bottomLine.currency']);
  });

  it('requires unitPrice and a well-formed quantity when unitInfo is given', () => {
    const ok = validReceipt();
    ok.orderLines[0].unitInfo = { unitPrice: 400, quantity: '2.5', quantityUnit: 'KG' };
    expect(validateReceipt(ok).ok).toBe(true);
    const bad = validReceipt();
    bad.orderLines[0].unitInfo = { quantity: '2.123456789', quantityUnit: 'BOX' };
    expect(issueNames(validateReceipt(bad))).toEqual(
      expect.arrayContaining(['orderLines[0].unitInfo.unitPrice', 'orderLines[0].unitInfo.quantity', 'orderLines[0].unitInfo.quantityUnit']),
    );
    const long = validReceipt();
    long.orderLines[0].unitInfo = { unitPrice: 1, quantity: '12345678901' };
    expect(issueNames(validateReceipt(long))).toEqual(['orderLines[0].unitInfo.quantity']);
  });

  it('checks isShipping/isReturn are booleans and paymentSources are amounts', () => {
    const ok = validReceipt();
    ok.orderLines[0].isShipping = true;
    ok.orderLines[0].isReturn = false;
    ok.bottomLine.paymentSources = { card: 500, giftCard: 500, voucher: null };
    expect(validateReceipt(ok).ok).toBe(true);
    const bad = validReceipt();
    bad.orderLines[0].isReturn = 'yes';
    bad.bottomLine.paymentSources = { cash: 1.5 };
    expect(issueNames(validateReceipt(bad))).toEqual(['orderLines[0].isReturn', 'bottomLine.paymentSources.cash']);
  });

  it('validates barcode data against its format', () => {
    const ok = validReceipt();
    ok.bottomLine.barcode = { format: 'EAN-13', data: '4006381333931' };
    expect(validateReceipt(ok).ok).toBe(true);
    const bad = validReceipt();
    bad.bottomLine.barcode = { format: 'EAN-13', data: '4006381333932' };
    expect(issueNames(validateReceipt(bad))).toEqual(['bottomLine.barcode.data']);
    const format = validReceipt();
    format.bottomLine.barcode = { format: 'QR', data: 'x' };
    expect(issueNames(validateReceipt(format))).toEqual(['bottomLine.barcode.format']);
  });

  it('prefixes paths when the receipt is nested (ePayment)', () => {
    const receipt = validReceipt();
    receipt.orderLines[0].totalTaxAmount = 1;
    expect(issueNames(validateReceipt(receipt, 'receipt'))).toEqual(['receipt.orderLines[0].totalTaxAmount']);
  });
});

describe('checkBarcodeData', () => {
  it('checks EAN-13 length and check digit, CODE 39 charset and CODE 128 printable ASCII', () => {
    expect(checkBarcodeData('EAN-13', '5901234123457', 'd')).toBeNull();
    expect(checkBarcodeData('EAN-13', '123456', 'd')?.reason).toMatch(/13 digits/);
    expect(checkBarcodeData('EAN-13', '5901234123458', 'd')?.reason).toMatch(/must be 7/);
    expect(checkBarcodeData('CODE 39', 'ABC-123 $/+%.', 'd')).toBeNull();
    expect(checkBarcodeData('CODE 39', 'abc', 'd')).not.toBeNull();
    expect(checkBarcodeData('CODE 128', 'Order #12 {ok}', 'd')).toBeNull();
    expect(checkBarcodeData('CODE 128', 'blåbær', 'd')).not.toBeNull();
  });
});

describe('receiptTotals', () => {
  it('sums lines, subtracts returned lines, and sums tax and discount', () => {
    const totals = receiptTotals({
      orderLines: [
        { totalAmount: 1000, totalAmountExcludingTax: 800, totalTaxAmount: 200, discount: 100 },
        { totalAmount: 5000, totalAmountExcludingTax: 4000, totalTaxAmount: 1000, discount: 2500 },
        { totalAmount: 1000, totalAmountExcludingTax: 800, totalTaxAmount: 200, isReturn: true },
        { totalAmount: 500, totalAmountExcludingTax: 400, totalTaxAmount: 100, isShipping: true },
      ],
      bottomLine: { tipAmount: 300 },
    });
    expect(totals).toEqual({
      totalAmount: 5500,
      totalAmountExcludingTax: 4400,
      totalTaxAmount: 1100,
      totalDiscount: 2600,
      shippingAmount: 500,
      tipAmount: 300,
      returnedLines: 1,
    });
  });
});

describe('validateCategory', () => {
  it('accepts the six categories with an absolute URL, imageId optional', () => {
    for (const category of ['GENERAL', 'RECEIPT', 'ORDER_CONFIRMATION', 'DELIVERY', 'TICKET', 'BOOKING']) {
      const r = validateCategory({ category, orderDetailsUrl: 'https://example.com/o/1' });
      expect(r.ok && r.value.imageId, category).toBeNull();
    }
  });

  it('rejects an unknown category, a relative URL and a malformed imageId', () => {
    const r = validateCategory({ category: 'general', orderDetailsUrl: '/orders/1', imageId: 'bad id!' });
    expect(issueNames(r)).toEqual(['category', 'orderDetailsUrl', 'imageId']);
    expect(issueNames(validateCategory({ category: 'GENERAL', orderDetailsUrl: 'https://x.no', imageId: 'a'.repeat(129) }))).toEqual(['imageId']);
  });
});

describe('identifier patterns', () => {
  it('applies the OM orderId, ePayment reference and eCom orderId rules', () => {
    expect(checkOmOrderId('Order_1.a-b')).toBeNull();
    expect(checkOmOrderId('order 1')).not.toBeNull();
    expect(checkEpaymentReference('ref-1234')).toBeNull();
    expect(checkEpaymentReference('ref-123')).not.toBeNull();
    expect(checkEpaymentReference('ref_12345')).not.toBeNull();
    expect(checkEcomOrderId('a'.repeat(50))).toBeNull();
    expect(checkEcomOrderId('a'.repeat(51))).not.toBeNull();
    expect(checkEcomOrderId('a.b')).not.toBeNull();
  });

  it('reads paymentType without regard to case', () => {
    expect(normalisePaymentType('eCom')).toBe('ecom');
    expect(normalisePaymentType('RECURRING')).toBe('recurring');
    expect(normalisePaymentType('epayment')).toBeNull();
  });
});

describe('images', () => {
  it('decodes base64 like Buffer does, with line breaks and without padding', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253]);
    const text = Buffer.from(bytes).toString('base64');
    expect(encodeBase64(bytes)).toBe(text);
    const wrapped = decodeBase64(`${text.slice(0, 4)}\n${text.slice(4).replace(/=+$/, '')}`);
    expect(wrapped.ok && Array.from(wrapped.bytes)).toEqual(Array.from(bytes));
    expect(decodeBase64('ab*d').ok).toBe(false);
  });

  it('reads PNG and JPEG dimensions from their headers', () => {
    expect(inspectImage(makePng(200, 201))).toMatchObject({ format: 'png', width: 200, height: 201 });
    expect(inspectImage(makeJpegHeader(640, 480))).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
    expect(inspectImage(new TextEncoder().encode('GIF89a......'))).toBeNull();
  });

  it('accepts a PNG 167 px high and rejects one 166 px high, unless the height check is off', () => {
    expect(validateImageUpload(imageBody('ok-1', makePng(10, 167))).ok).toBe(true);
    const low = validateImageUpload(imageBody('low-1', makePng(10, 166)));
    expect(low.ok).toBe(false);
    if (!low.ok) expect(low.issues[0]?.reason).toMatch(/166 px/);
    expect(validateImageUpload(imageBody('low-1', makePng(10, 166)), { checkHeight: false }).ok).toBe(true);
  });

  it('rejects images over 2 MiB decoded unless the size check is off', () => {
    const big = Buffer.concat([makePng(10, 200), Buffer.alloc(2 * 1024 * 1024)]);
    const r = validateImageUpload(imageBody('big', big));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ name: 'src' });
    expect(validateImageUpload(imageBody('big', big), { checkSize: false }).ok).toBe(true);
  });

  it('rejects bytes that are neither PNG nor JPEG, a data: prefix and a wrong type', () => {
    const text = validateImageUpload({ imageId: 'x', src: Buffer.from('hello world').toString('base64'), type: 'base64' });
    expect(!text.ok && text.issues[0]?.reason).toMatch(/PNG or JPEG/);
    const prefixed = validateImageUpload({ imageId: 'x', src: `data:image/png;base64,${makePng(1, 200).toString('base64')}`, type: 'base64' });
    expect(!prefixed.ok && prefixed.issues[0]?.reason).toMatch(/prefix/);
    expect(issueNames(validateImageUpload({ imageId: 'x', src: 'AAAA', type: 'url' }))).toEqual(['type']);
  });
});
