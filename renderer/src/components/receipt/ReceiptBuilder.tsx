import { useMemo, useState } from 'react';
import { CURRENCIES, receiptTotals } from '../../../../shared/vipps';
import '../components.css';
import { formatMoney, type Currency } from './money';
import { emptyLine, lineTotals, readReceipt, writeReceipt, type DraftLine, type ReceiptDraft } from './receipt-model';
import { ReceiptLineRow } from './ReceiptLineRow';

export interface ReceiptBuilderProps {
  json: string;
  onChange(json: string): void;
  idPrefix: string;
}

/** Every column; those marked `more` sit behind "More columns" so the table fits a 1280 px window. */
const COLUMNS: ReadonlyArray<{ heading: string; more?: boolean }> = [
  { heading: 'Name' },
  { heading: 'Id', more: true },
  { heading: 'Quantity' },
  { heading: 'Unit', more: true },
  { heading: 'Unit price' },
  { heading: 'Discount', more: true },
  { heading: 'Tax %' },
  { heading: 'Shipping', more: true },
  { heading: 'Return', more: true },
  { heading: 'Total' },
  { heading: 'Ex. tax', more: true },
  { heading: 'Tax', more: true },
];

/** A line that uses a less-used column, so hiding them would hide the user's data. */
function usesMore(line: DraftLine): boolean {
  return line.id.trim() !== '' || line.unit !== null || line.discount !== 0 || line.isShipping || line.isReturn;
}

/**
 * The receipt as a table of order lines. It reads the JSON on every change and writes it back
 * whole; when the JSON holds something the table cannot show, it says why and writes nothing.
 */
export function ReceiptBuilder({ json, onChange, idPrefix }: ReceiptBuilderProps) {
  const outcome = useMemo(() => readReceipt(json), [json]);
  const titleId = `${idPrefix}-receipt-title`;
  const [moreChosen, setMoreChosen] = useState<boolean | null>(null);

  if (!outcome.ok) {
    return (
      <section className="receipt-builder" aria-labelledby={titleId}>
        <h3 id={titleId} className="section-title">
          Receipt
        </h3>
        <div className="callout callout-warning" role="alert" data-testid="receipt-unreadable">
          <p>The table cannot show this receipt: {outcome.reason}</p>
          <p>Your JSON is left exactly as it is. Fix it there and the table comes back.</p>
        </div>
      </section>
    );
  }

  const draft = outcome.draft;
  const commit = (next: ReceiptDraft) => onChange(writeReceipt(next));
  const setLines = (lines: DraftLine[]) => commit({ ...draft, lines });
  const move = (index: number, delta: -1 | 1) => {
    const lines = [...draft.lines];
    const [line] = lines.splice(index, 1);
    if (!line) return;
    lines.splice(index + delta, 0, line);
    setLines(lines);
  };
  const totals = receiptTotals({
    orderLines: draft.lines.map((line) => ({ ...lineTotals(line), discount: line.discount, isReturn: line.isReturn, isShipping: line.isShipping })),
    bottomLine: { tipAmount: typeof draft.bottomLineExtra.tipAmount === 'number' ? draft.bottomLineExtra.tipAmount : null },
  });
  const money = (minor: number) => formatMoney(minor, draft.currency);
  const needed = draft.lines.some(usesMore);
  const more = moreChosen ?? needed;
  const headings = COLUMNS.filter((column) => more || !column.more).map((column) => column.heading);

  return (
    <section className="receipt-builder" aria-labelledby={titleId}>
      <div className="section-heading">
        <h3 id={titleId} className="section-title">
          Receipt
        </h3>
        <label htmlFor={`${idPrefix}-currency`}>Currency</label>
        <select id={`${idPrefix}-currency`} value={draft.currency} onChange={(event) => commit({ ...draft, currency: event.target.value as Currency })}>
          {CURRENCIES.map((currency) => (
            <option key={currency}>{currency}</option>
          ))}
        </select>
        <label className="receipt-more">
          <input type="checkbox" checked={more} onChange={(event) => setMoreChosen(event.target.checked)} /> More columns (id, unit, discount, shipping, return, tax split)
        </label>
      </div>
      {!more && needed && <p className="section-hint">Some lines use the hidden columns; tick “More columns” to see them.</p>}
      {outcome.notes.map((note) => (
        <p key={note} className="section-hint">
          {note}
        </p>
      ))}
      <div className="table-scroll">
        <table className="receipt-table">
          <caption className="visually-hidden">Order lines; amounts in {draft.currency}, totals computed</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              {headings.map((heading) => (
                <th key={heading} scope="col">
                  {heading}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.lines.map((line, i) => (
              <ReceiptLineRow
                key={i}
                line={line}
                index={i}
                count={draft.lines.length}
                currency={draft.currency}
                more={more}
                onChange={(next) => setLines(draft.lines.map((l, j) => (j === i ? next : l)))}
                onMove={(delta) => move(i, delta)}
                onRemove={() => setLines(draft.lines.filter((_, j) => j !== i))}
              />
            ))}
          </tbody>
        </table>
      </div>
      {draft.lines.length === 0 && <p className="section-hint">A receipt needs at least one order line.</p>}
      <button type="button" className="button-quiet" onClick={() => setLines([...draft.lines, emptyLine()])}>
        Add line
      </button>
      <dl className="receipt-totals" data-testid="receipt-totals">
        <div>
          <dt>Total</dt>
          <dd>{money(totals.totalAmount)}</dd>
        </div>
        <div>
          <dt>Excluding tax</dt>
          <dd>{money(totals.totalAmountExcludingTax)}</dd>
        </div>
        <div>
          <dt>Tax</dt>
          <dd>{money(totals.totalTaxAmount)}</dd>
        </div>
        {totals.totalDiscount !== 0 && (
          <div>
            <dt>Discounts</dt>
            <dd>{money(totals.totalDiscount)}</dd>
          </div>
        )}
        {totals.shippingAmount !== 0 && (
          <div>
            <dt>Of which shipping</dt>
            <dd>{money(totals.shippingAmount)}</dd>
          </div>
        )}
        {totals.returnedLines > 0 && (
          <div>
            <dt>Returned lines</dt>
            <dd>{totals.returnedLines} (counted negative)</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
