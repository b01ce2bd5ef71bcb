import { useEffect, useState } from 'react';
import { decodeBase64 } from '../../../../shared/vipps';
import { useExplorer } from '../../api/ExplorerContext';
import { checkImageFile } from '../../components/image/image-check';
import { ImagePicker } from '../../components/image/ImagePicker';
import type { PickedImage } from '../../components/image/types';
import { loadSampleImage } from '../../components/image/sample-image';
import { useQuickStartModel } from '../context';
import { RequestPanel } from '../RequestPanel';

/** Pick the picture, then upload it; the body carries {{imageSrc}} where the base64 goes. */
export function ImagePage() {
  const model = useQuickStartModel();
  const { state } = model;
  const api = useExplorer();
  const [nativeDialog, setNativeDialog] = useState(false);
  useEffect(() => {
    void api.getAppInfo({}).then((answer) => setNativeDialog(answer.ok && answer.value.nativeFileDialog));
  }, [api]);

  // The desktop app reads the file in the main process; the same checks as a dropped file apply.
  const pickNative = async (): Promise<PickedImage | null> => {
    const answer = await api.pickImageFile({});
    if (!answer.ok) throw new Error(answer.error.message);
    if (!answer.value.picked) return null;
    const decoded = decodeBase64(answer.value.picked.base64);
    if (!decoded.ok) throw new Error(decoded.reason);
    const checked = checkImageFile(answer.value.picked.fileName, decoded.bytes);
    if (!checked.ok) throw new Error(checked.message);
    return checked.image;
  };
  return (
    <div className="qs-page-body">
      <section className="qs-card" aria-labelledby="image-pick-title">
        <h3 id="image-pick-title">The picture</h3>
        <ImagePicker
          value={model.image}
          onChange={model.setImage}
          onPickNative={nativeDialog ? pickNative : undefined}
          sample={loadSampleImage}
          idPrefix="qs-image-picker"
        />
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
