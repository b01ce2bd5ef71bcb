import type { OrderPreview as OrderPreviewModel } from '../../../shared/quickstart/order-preview';
import { imageDataUrl, type PickedImage } from './picked-image';

export interface OrderPreviewProps {
  preview: OrderPreviewModel;
  merchantName: string;
  /** The picked image, shown when the category names the image uploaded from it. */
  image: PickedImage | null;
  imageMatches: boolean;
  when: Date;
}

/**
 * Our own drawing of a payment in a phone's payment history: merchant line and amount, the
 * category's button, the image, the order lines and the totals. Not a copy of the Vipps app.
 */
export function OrderPreview({ preview, merchantName, image, imageMatches, when }: OrderPreviewProps) {
  const { category, receipt } = preview;
  return (
    <figure className="qs-phone" aria-labelledby="order-preview-caption" data-testid="order-preview">
      <figcaption id="order-preview-caption" className="qs-phone-caption">
        How a customer could see this order in the payment history (our sketch)
      </figcaption>
      <div className="qs-phone-screen">
        <div className="qs-phone-merchant">
          <span className="qs-phone-avatar" aria-hidden="true">
            {merchantName.slice(0, 1).toUpperCase()}
          </span>
          <span>
            <span className="qs-phone-merchant-name">{merchantName}</span>
            <span className="qs-phone-date">{when.toLocaleDateString()}</span>
          </span>
          {receipt && <span className="qs-phone-amount" data-testid="preview-total">{receipt.total}</span>}
        </div>
        {category ? (
          <div className="qs-phone-category" data-testid="preview-category" data-category={category.type}>
            {category.imageId &&
              (image && imageMatches ? (
                <img className="qs-phone-image" src={imageDataUrl(image)} alt={`Order image ${category.imageId}`} />
              ) : (
                <span className="qs-phone-image qs-phone-image-missing">Image “{category.imageId}”</span>
              ))}
            <span className="qs-phone-category-label">{category.label}</span>
            <span className="qs-phone-button" title={category.url}>
              {category.buttonText} ›
            </span>
          </div>
        ) : (
          <p className="qs-hint">No category set yet: the payment has no button to your site.</p>
        )}
        {receipt ? (
          <table className="qs-phone-lines" data-testid="preview-lines">
            <caption className="visually-hidden">Order lines</caption>
            <thead className="visually-hidden">
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Amount</th>
              </tr>
            </thead>
            <tbody>
              {receipt.lines.map((line) => (
                <tr key={line.id} className={line.isShipping ? 'is-shipping' : line.isReturn ? 'is-return' : undefined}>
                  <td>
                    {line.name}
                    {line.quantity && <span className="qs-phone-qty"> · {line.quantity}</span>}
                    {line.isReturn && <span className="qs-phone-qty"> · returned</span>}
                  </td>
                  <td className="qs-num">{line.amount}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {receipt.shipping && (
                <tr>
                  <th scope="row">of which shipping</th>
                  <td className="qs-num">{receipt.shipping}</td>
                </tr>
              )}
              {receipt.discount && (
                <tr>
                  <th scope="row">Discount</th>
                  <td className="qs-num">{receipt.discount}</td>
                </tr>
              )}
              <tr>
                <th scope="row">VAT included</th>
                <td className="qs-num">{receipt.tax}</td>
              </tr>
              <tr className="qs-phone-total">
                <th scope="row">Total</th>
                <td className="qs-num">{receipt.total}</td>
              </tr>
            </tfoot>
          </table>
        ) : (
          <p className="qs-hint">No order details yet.</p>
        )}
      </div>
    </figure>
  );
}
