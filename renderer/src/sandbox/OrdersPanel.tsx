import type { SandboxImage, SandboxOrder, SandboxReceipt } from '../../../shared/contract/sandbox';
import { formatAmount } from '../../../shared/quickstart/order-preview';
import { ImageThumbnail } from './ImageThumbnail';
import { formatDateTime } from './sandbox-format';

const SOURCE_WORDS: Record<string, string> = {
  'order-management': 'sent to the receipts endpoint',
  epayment: 'sent inside the ePayment createPayment body',
};

function ReceiptTable({ receipt, orderId }: { receipt: SandboxReceipt; orderId: string }) {
  const money = (minor: number) => formatAmount(minor, receipt.currency);
  const { totals } = receipt;
  return (
    <table className="sb-table sb-receipt" data-testid="sandbox-receipt-lines">
      <caption>
        Receipt{receipt.receiptNumber ? ` ${receipt.receiptNumber}` : ''}, {SOURCE_WORDS[receipt.source ?? ''] ?? 'source unknown'}
        <span className="visually-hidden"> (order {orderId})</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Quantity</th>
          <th scope="col" className="sb-num">Amount</th>
        </tr>
      </thead>
      <tbody>
        {receipt.lines.map((line, index) => (
          <tr key={`${line.id}-${index}`}>
            <td>
              {line.name}
              {line.isShipping && <span className="sb-tag">shipping</span>}
              {line.isReturn && <span className="sb-tag">returned</span>}
            </td>
            <td>{line.quantity ? `${line.quantity}${line.quantityUnit ? ` ${line.quantityUnit.toLowerCase()}` : ''}` : '–'}</td>
            <td className="sb-num">{money(line.isReturn ? -line.totalAmount : line.totalAmount)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>Total</th>
          <td className="sb-num" data-testid="sandbox-receipt-total">{money(totals.totalAmount)}</td>
        </tr>
        <tr>
          <th scope="row" colSpan={2}>of which tax</th>
          <td className="sb-num">{money(totals.totalTaxAmount)}</td>
        </tr>
        {totals.shippingAmount !== 0 && (
          <tr>
            <th scope="row" colSpan={2}>of which shipping</th>
            <td className="sb-num">{money(totals.shippingAmount)}</td>
          </tr>
        )}
        {totals.totalDiscount !== 0 && (
          <tr>
            <th scope="row" colSpan={2}>Discount given</th>
            <td className="sb-num">{money(totals.totalDiscount)}</td>
          </tr>
        )}
        {totals.tipAmount !== 0 && (
          <tr>
            <th scope="row" colSpan={2}>Tip</th>
            <td className="sb-num">{money(totals.tipAmount)}</td>
          </tr>
        )}
      </tfoot>
    </table>
  );
}

function OrderCard({ order, images }: { order: SandboxOrder; images: SandboxImage[] }) {
  const { category, receipt } = order;
  const image = category?.imageId ? images.find((i) => i.imageId === category.imageId && i.msn === order.msn) : undefined;
  const headingId = `sb-order-${order.msn}-${order.paymentType}-${order.orderId}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <article className="sb-order" aria-labelledby={headingId} data-testid="sandbox-order" data-order-id={order.orderId}>
      <h3 id={headingId}>
        Order <code>{order.orderId}</code>
      </h3>
      <p className="sb-hint">
        MSN {order.msn} · payment type {order.paymentType}
      </p>
      <div className="sb-order-body">
        <div className="sb-order-category">
          <h4>Category</h4>
          {category ? (
            <>
              {image ? <ImageThumbnail image={image} size="large" /> : category.imageId && <p className="sb-hint">Image “{category.imageId}” is no longer stored.</p>}
              <dl className="sb-facts">
                <div><dt>Type</dt><dd>{category.category}</dd></div>
                <div><dt>Order link</dt><dd><code className="sb-wrap">{category.orderDetailsUrl}</code></dd></div>
                <div><dt>Image</dt><dd>{category.imageId ? <code>{category.imageId}</code> : 'none'}</dd></div>
                <div><dt>Set at</dt><dd>{formatDateTime(category.updatedAt)}</dd></div>
              </dl>
            </>
          ) : (
            <p className="sb-hint">No category yet: the payment has no link to the merchant's page.</p>
          )}
        </div>
        <div className="sb-order-receipt">
          <h4>Receipt</h4>
          {receipt ? <ReceiptTable receipt={receipt} orderId={order.orderId} /> : <p className="sb-hint">No receipt yet.</p>}
        </div>
      </div>
    </article>
  );
}

/** Each order with what Order Management holds for it: category (and its image) and receipt. */
export function OrdersPanel({ orders, images }: { orders: SandboxOrder[]; images: SandboxImage[] }) {
  if (orders.length === 0) {
    return <p className="sb-empty">No orders yet. Send a category or a receipt (the quick start does both) and it shows up here.</p>;
  }
  return (
    <div className="sb-orders">
      {orders.map((order) => (
        <OrderCard key={`${order.msn}/${order.paymentType}/${order.orderId}`} order={order} images={images} />
      ))}
    </div>
  );
}
