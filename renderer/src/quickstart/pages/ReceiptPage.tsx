import { ReceiptBuilder } from '../../components/receipt/ReceiptBuilder';
import { useQuickStartModel } from '../context';
import { RequestPanel } from '../RequestPanel';
import { requestOf } from '../step-requests';

/** The receipt as a table and as JSON: both edit the same request body. */
export function ReceiptPage() {
  const model = useQuickStartModel();
  const request = requestOf('receipt', model.state);
  return (
    <div className="qs-page-body">
      <div className="qs-card">
        <p className="qs-hint">
          Edit the lines in the table or in the JSON below: both change the same body. The table works out each line’s totals from unit price, quantity,
          discount and tax rate, so totalAmount = totalAmountExcludingTax + totalTaxAmount always holds.
        </p>
        <ReceiptBuilder json={request.body ?? ''} onChange={(json) => model.editRequest('receipt', { ...request, body: json })} idPrefix="qs-receipt-table" />
      </div>
      <RequestPanel requestKey="receipt" idPrefix="qs-receipt" />
    </div>
  );
}
