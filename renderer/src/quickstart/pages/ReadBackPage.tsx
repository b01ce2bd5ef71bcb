import { parseJsonOrNull } from '../../../../shared/json';
import { buildOrderPreview } from '../../../../shared/quickstart/order-preview';
import { useQuickStartModel } from '../context';
import { OrderPreview } from '../OrderPreview';
import { RequestPanel } from '../RequestPanel';
import { inlineBodyText } from '../useQuickStart';

export function ReadBackPage() {
  const model = useQuickStartModel();
  const result = model.results.readback?.result ?? null;
  const ok = result !== null && result.status === 200;
  const preview = ok ? buildOrderPreview(parseJsonOrNull(inlineBodyText(result))) : null;
  const uploaded = model.state.order.uploadedImageId;
  return (
    <div className="qs-page-body qs-readback">
      <RequestPanel requestKey="readback" idPrefix="qs-readback" />
      {preview ? (
        <OrderPreview
          preview={preview}
          merchantName={model.activeProfile ? `${model.activeProfile.name} (MSN ${model.activeProfile.msn})` : 'Your shop'}
          image={model.image}
          imageMatches={preview.category?.imageId !== null && preview.category?.imageId === uploaded}
          when={new Date(model.state.order.createdAt)}
        />
      ) : (
        <p className="qs-hint">Send the request to see the order the way a customer would.</p>
      )}
    </div>
  );
}
