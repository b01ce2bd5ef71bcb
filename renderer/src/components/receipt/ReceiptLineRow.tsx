import { QUANTITY_PATTERN, QUANTITY_UNITS } from '../../../../shared/vipps';
import { DraftInput } from './DraftInput';
import { formatMajor, formatMoney, formatPercent, parseMajor, parsePercent, type Currency } from './money';
import { lineTotals, type DraftLine, type QuantityUnit } from './receipt-model';

export interface ReceiptLineRowProps {
  line: DraftLine;
  index: number;
  count: number;
  currency: Currency;
  /** Show the less-used columns too. */
  more: boolean;
  onChange(line: DraftLine): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}

const parseQuantity = (text: string) => (QUANTITY_PATTERN.test(text.trim()) && text.trim().length <= 10 ? text.trim() : null);
const parseText = (text: string) => text;

export function ReceiptLineRow({ line, index, count, currency, more, onChange, onMove, onRemove }: ReceiptLineRowProps) {
  const totals = lineTotals(line);
  const n = index + 1;
  const set = (change: Partial<DraftLine>) => onChange({ ...line, ...change });
  const negative = totals.totalAmount < 0;
  return (
    <tr className={negative ? 'receipt-line-invalid' : undefined}>
      <th scope="row">{n}</th>
      <td>
        <DraftInput display={line.name} parse={parseText} onCommit={(name) => set({ name })} label={`Line ${n} name`} invalidHint="" />
      </td>
{more && (
      <td>
        <DraftInput display={line.id} parse={parseText} onCommit={(id) => set({ id })} label={`Line ${n} id`} invalidHint="" className="input-narrow" />
      </td>
)}
      <td>
        <DraftInput
          display={line.quantity}
          parse={parseQuantity}
          onCommit={(quantity) => set({ quantity })}
          label={`Line ${n} quantity`}
          invalidHint='Write a quantity such as "2" or "2.5" (a dot, up to 8 decimals).'
          className="input-number"
          inputMode="decimal"
        />
      </td>
{more && (
      <td>
        <select aria-label={`Line ${n} unit`} value={line.unit ?? ''} onChange={(event) => set({ unit: (event.target.value || null) as QuantityUnit | null })}>
          <option value="">–</option>
          {QUANTITY_UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {unit}
            </option>
          ))}
        </select>
      </td>
)}
      <td>
        <DraftInput
          display={formatMajor(line.unitPrice)}
          parse={parseMajor}
          onCommit={(unitPrice) => set({ unitPrice })}
          label={`Line ${n} unit price`}
          invalidHint="Write an amount such as 10 or 10.50."
          className="input-number"
          inputMode="decimal"
        />
      </td>
{more && (
      <td>
        <DraftInput
          display={formatMajor(line.discount)}
          parse={parseMajor}
          onCommit={(discount) => set({ discount })}
          label={`Line ${n} discount`}
          invalidHint="Write the discount for the whole line, such as 5 or 5.50."
          className="input-number"
          inputMode="decimal"
        />
      </td>
)}
      <td>
        <DraftInput
          display={formatPercent(line.taxRate)}
          parse={parsePercent}
          onCommit={(taxRate) => set({ taxRate })}
          label={`Line ${n} tax rate in percent`}
          invalidHint="Write the tax rate in percent, such as 25, 15, 12.5 or 0."
          className="input-number"
          inputMode="decimal"
        />
      </td>
{more && (
      <td>
        <input type="checkbox" aria-label={`Line ${n} is shipping`} checked={line.isShipping} onChange={(event) => set({ isShipping: event.target.checked })} />
      </td>
)}
{more && (
      <td>
        <input type="checkbox" aria-label={`Line ${n} is a return`} checked={line.isReturn} onChange={(event) => set({ isReturn: event.target.checked })} />
      </td>
)}
      <td className="amount" data-testid={`line-${n}-total`}>
        {formatMoney(totals.totalAmount, currency)}
        {negative && <span className="field-error"> The discount is larger than the amount.</span>}
      </td>
      {more && <td className="amount">{formatMoney(totals.totalAmountExcludingTax, currency)}</td>}
      {more && <td className="amount">{formatMoney(totals.totalTaxAmount, currency)}</td>}
      <td className="row-actions">
        <button type="button" className="button-quiet" aria-label={`Move line ${n} up`} disabled={index === 0} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" className="button-quiet" aria-label={`Move line ${n} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
          ↓
        </button>
        <button type="button" className="button-quiet" aria-label={`Remove line ${n}`} onClick={onRemove}>
          ✕
        </button>
      </td>
    </tr>
  );
}
