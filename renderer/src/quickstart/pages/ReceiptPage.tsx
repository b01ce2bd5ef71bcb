import { receiptSentWithPayment } from '../../../../shared/quickstart/payment-apis';
import { ReceiptBuilder } from '../../components/receipt/ReceiptBuilder';
import { useQuickStartModel } from '../context';
import { RequestPanel } from '../RequestPanel';
import { requestOf } from '../step-requests';

/** The receipt as a table and as JSON: both edit the same request body. */
export function ReceiptPage() {
  const model = useQuickStartModel();
  const request = requestOf('receipt', model.state);
  if (receiptSentWithPayment(model.state.paymentApi)) {
    return (
      <div className="qs-page-body">
        <div className="qs-card" data-testid="receipt-sent-with-payment">
          <p>
            <strong>Sent with the payment.</strong> For this order the order lines and bottom line went inside the ePayment request of step 3, as its
            receipt, and Order Management stored them from there. This step is not sent: order details are write-once, so a second receipt for the same
            orderId would be refused with 409.
          </p>
          <p className="qs-hint">To send the order details on their own, choose another payment option in step 3 (that starts a new order).</p>
        </div>
      </div>
    );
  }
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
