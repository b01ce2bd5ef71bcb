// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateReceipt } from '../../../shared/vipps';
import { ReceiptBuilder } from '../../../renderer/src/components/receipt/ReceiptBuilder';
import { lineTotals, readReceipt, writeReceipt } from '../../../renderer/src/components/receipt/receipt-model';
import { formatMoney, parseMajor, parsePercent } from '../../../renderer/src/components/receipt/money';

afterEach(cleanup);

const RECEIPT = {
  orderLines: [
    { name: 'Socks', id: 'line-1', totalAmount: 1000, totalAmountExcludingTax: 800, totalTaxAmount: 200, taxRate: 2500, unitInfo: { unitPrice: 400, quantity: '2.5', quantityUnit: 'KG' } },
    { name: 'Flip-flops', id: 'line-2', totalAmount: 5000, totalAmountExcludingTax: 4000, totalTaxAmount: 1000, taxRate: 2500, unitInfo: { unitPrice: 2500, quantity: '3', quantityUnit: 'PCS' }, discount: 2500 },
    { name: 'Delivery', id: 'line-3', totalAmount: 1000, totalAmountExcludingTax: 1000, totalTaxAmount: 0, taxRate: 0, unitInfo: { unitPrice: 1000, quantity: '1', quantityUnit: 'PCS' }, isShipping: true },
  ],
  bottomLine: { currency: 'NOK', receiptNumber: 'R-42' },
};

function Harness({ initial, spy }: { initial: string; spy?: (json: string) => void }) {
  const [json, setJson] = useState(initial);
  return (
    <>
      <ReceiptBuilder
        json={json}
        onChange={(next) => {
          spy?.(next);
          setJson(next);
        }}
        idPrefix="rc"
      />
      <output data-testid="json">{json}</output>
    </>
  );
}

const currentJson = () => JSON.parse(screen.getByTestId('json').textContent!) as typeof RECEIPT;

describe('receipt arithmetic', () => {
  it.each([2500, 1500, 1200, 0])('keeps totalAmount = excluding tax + tax at %i hundredths of a percent', (taxRate) => {
    for (let unitPrice = 0; unitPrice <= 5000; unitPrice += 37) {
      for (const quantity of ['1', '3', '2.5', '0.822']) {
        const totals = lineTotals({ unitPrice, quantity, discount: 0, taxRate });
        expect(totals.totalAmount).toBe(totals.totalAmountExcludingTax + totals.totalTaxAmount);
        expect(Number.isInteger(totals.totalAmountExcludingTax)).toBe(true);
        // round(total / (1 + rate)) in exact integer arithmetic, halves rounded up: 182 at 12 % is 162.5 → 163,
        // where the floating-point 182 / 1.12 gives 162.4999… and would round down.
        const divisor = 10000 + taxRate;
        const expectedExTax = Math.floor((2 * totals.totalAmount * 10000 + divisor) / (2 * divisor));
        expect(totals.totalAmountExcludingTax).toBe(expectedExTax);
      }
    }
  });

  it('matches the worked example: 2500 × 3 − 2500 discount at 25 % is 5000 = 4000 + 1000', () => {
    expect(lineTotals({ unitPrice: 2500, quantity: '3', discount: 2500, taxRate: 2500 })).toEqual({ totalAmount: 5000, totalAmountExcludingTax: 4000, totalTaxAmount: 1000 });
  });

  it('writes receipts the shared rules accept', () => {
    const read = readReceipt(JSON.stringify(RECEIPT));
    if (!read.ok) return expect.unreachable(read.reason);
    expect(validateReceipt(JSON.parse(writeReceipt(read.draft))).ok).toBe(true);
  });

  it('reads and writes amounts in the units people use', () => {
    expect(formatMoney(1050, 'NOK')).toBe('kr 10.50');
    expect(formatMoney(-200, 'EUR')).toBe('−€ 2.00');
    expect(parseMajor('10,5')).toBe(1050);
    expect(parseMajor('10.555')).toBeNull();
    expect(parsePercent('12.5')).toBe(1250);
    expect(parsePercent('101')).toBeNull();
  });
});

describe('ReceiptBuilder', () => {
  it('round-trips: the JSON it writes reads back into the same table', () => {
    const read = readReceipt(JSON.stringify(RECEIPT));
    if (!read.ok) return expect.unreachable(read.reason);
    expect(read.notes).toEqual([]);
    const written = writeReceipt(read.draft);
    expect(JSON.parse(written)).toEqual(RECEIPT);
    const again = readReceipt(written);
    expect(again.ok && again.draft).toEqual(read.draft);
  });

  it('shows the lines with computed totals and the bottom line', () => {
    render(<Harness initial={JSON.stringify(RECEIPT)} />);
    expect((screen.getByLabelText('Line 1 unit price') as HTMLInputElement).value).toBe('4.00');
    expect((screen.getByLabelText('Line 1 tax rate in percent') as HTMLInputElement).value).toBe('25');
    expect(screen.getByTestId('line-2-total').textContent).toBe('kr 50.00');
    const totals = screen.getByTestId('receipt-totals').textContent!;
    expect(totals).toContain('Totalkr 70.00');
    expect(totals).toContain('Taxkr 12.00');
    expect(totals).toContain('Of which shippingkr 10.00');
  });

  it('writes minor units and taxRate in hundredths when the table is edited', () => {
    render(<Harness initial={JSON.stringify(RECEIPT)} />);
    fireEvent.change(screen.getByLabelText('Line 3 unit price'), { target: { value: '99,90' } });
    fireEvent.change(screen.getByLabelText('Line 3 tax rate in percent'), { target: { value: '15' } });
    const line = currentJson().orderLines[2]!;
    expect(line.unitInfo.unitPrice).toBe(9990);
    expect(line.taxRate).toBe(1500);
    expect(line.totalAmount).toBe(9990);
    expect(line.totalAmountExcludingTax + line.totalTaxAmount).toBe(9990);
    expect(currentJson().bottomLine.receiptNumber).toBe('R-42');
  });

  it('adds, reorders and removes lines, and changes the currency', () => {
    render(<Harness initial={JSON.stringify(RECEIPT)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Move line 3 up' }));
    expect(currentJson().orderLines.map((l) => l.id)).toEqual(['line-1', 'line-3', 'line-2']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove line 1' }));
    expect(currentJson().orderLines.map((l) => l.id)).toEqual(['line-3', 'line-2']);
    fireEvent.click(screen.getByRole('button', { name: 'Add line' }));
    expect(currentJson().orderLines).toHaveLength(3);
    fireEvent.change(screen.getByLabelText('Currency'), { target: { value: 'EUR' } });
    expect(currentJson().bottomLine.currency).toBe('EUR');
  });

  it('refuses to touch JSON it cannot parse, and says why', () => {
    const spy = vi.fn();
    const broken = '{"orderLines": [ {"name": "a",} ]}';
    render(<Harness initial={broken} spy={spy} />);
    expect(screen.getByTestId('receipt-unreadable').textContent).toContain('Trailing comma');
    expect(screen.getByTestId('receipt-unreadable').textContent).toContain('left exactly as it is');
    expect(screen.queryByRole('button', { name: 'Add line' })).toBeNull();
    expect(spy).not.toHaveBeenCalled();
    expect(screen.getByTestId('json').textContent).toBe(broken);
  });

  it('refuses fields it has no column for instead of dropping them', () => {
    const withExtra = { ...RECEIPT, orderLines: [{ ...RECEIPT.orderLines[0], colour: 'red' }] };
    const read = readReceipt(JSON.stringify(withExtra));
    expect(read).toEqual({ ok: false, reason: 'orderLines[0] has a field the table has no column for: colour.' });
  });

  it('notes when the totals in the JSON differ from what it computes', () => {
    const off = { ...RECEIPT, orderLines: [{ ...RECEIPT.orderLines[0], totalTaxAmount: 201 }] };
    const read = readReceipt(JSON.stringify(off));
    expect(read.ok && read.notes[0]).toContain('orderLines[0]: the totals in the JSON differ');
  });
});

describe('receipt builder width', () => {
  const simple = { orderLines: [{ name: 'Socks', id: '', totalAmount: 1000, totalAmountExcludingTax: 800, totalTaxAmount: 200, taxRate: 2500, unitInfo: { unitPrice: 1000, quantity: '1' } }], bottomLine: { currency: 'NOK' } };

  it('keeps the less-used columns behind "More columns" while no line uses them', () => {
    render(<Harness initial={JSON.stringify(simple)} />);
    const headings = () => screen.getAllByRole('columnheader').map((th) => th.textContent);
    expect(headings()).not.toContain('Discount');
    expect(headings()).toContain('Unit price');
    fireEvent.click(screen.getByLabelText(/More columns/));
    expect(headings()).toContain('Discount');
    expect(headings()).toContain('Shipping');
  });

  it('shows them from the start when a line uses one, so nothing the receipt holds is hidden', () => {
    render(<Harness initial={JSON.stringify(RECEIPT)} />);
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toContain('Discount');
  });
});
