import { ImagePicker } from '../../components/image/ImagePicker';
import { loadSampleImage } from '../../components/image/sample-image';
import { useQuickStartModel } from '../context';
import { RequestPanel } from '../RequestPanel';

/** Pick the picture, then upload it; the body carries {{imageSrc}} where the base64 goes. */
export function ImagePage() {
  const model = useQuickStartModel();
  const { state } = model;
  return (
    <div className="qs-page-body">
      <section className="qs-card" aria-labelledby="image-pick-title">
        <h3 id="image-pick-title">The picture</h3>
        <ImagePicker value={model.image} onChange={model.setImage} sample={loadSampleImage} idPrefix="qs-image-picker" />
      </section>
      <section className="qs-card" aria-labelledby="image-id-title">
        <div className="qs-request-head">
          <h3 id="image-id-title">
            imageId <code data-testid="image-id">{state.order.imageId}</code>
          </h3>
          <button type="button" className="button-secondary" onClick={() => void model.newImageId()}>
            New image id
          </button>
        </div>
        <p className="qs-hint qs-image-note">
          The body below says <code>{'"src": "{{imageSrc}}"'}</code> instead of the picture’s base64 text, which runs to megabytes and would make the
          editor crawl. When you send, the whole base64 of the picked file is put in its place; the preview of the request shows a short stand-in, and
          “Copy as curl” gets the full text.
        </p>
      </section>
      <RequestPanel requestKey="image" idPrefix="qs-image" />
    </div>
  );
}
