import { useState, type ChangeEvent } from 'react';
import '../components.css';
import { formatBytes } from '../common/format';
import { checkImageBytes, checkImageFile, checkPickedImage, HEADER_BYTES, type ImageCheck } from './image-check';
import type { PickedImage } from './types';

export type { PickedImage } from './types';

export interface ImagePickerProps {
  value: PickedImage | null;
  onChange(image: PickedImage | null): void;
  /** The desktop app's own file dialog; without it a file input is used. */
  onPickNative?: () => Promise<PickedImage | null>;
  sample: () => Promise<PickedImage>;
  idPrefix: string;
}

const MIME_WORD: Record<PickedImage['mime'], string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

async function readFile(file: File): Promise<ImageCheck> {
  // The head alone tells the type, width and height; a wrong or oversized file is refused before it is read whole.
  const head = new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer());
  const early = checkImageBytes(file.name, head, file.size);
  if (!early.ok) return early;
  return checkImageFile(file.name, new Uint8Array(await file.arrayBuffer()));
}

/** Picks the image for the category step and checks it against the Vipps rules before accepting it. */
export function ImagePicker({ value, onChange, onPickNative, sample, idPrefix }: ImagePickerProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { input: `${idPrefix}-image-file`, problem: `${idPrefix}-image-problem`, facts: `${idPrefix}-image-facts` };

  const accept = async (load: () => Promise<ImageCheck | null>) => {
    setBusy(true);
    try {
      const checked = await load();
      if (!checked) return;
      if (checked.ok) {
        setProblem(null);
        onChange(checked.image);
      } else {
        setProblem(checked.message);
      }
    } catch (cause) {
      setProblem(`The image could not be read: ${cause instanceof Error ? cause.message : String(cause)}`);
    } finally {
      setBusy(false);
    }
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void accept(() => readFile(file));
  };
  const pickNative = async () => {
    const image = await onPickNative?.();
    return image ? checkPickedImage(image) : null;
  };

  return (
    <div className="image-picker" aria-busy={busy}>
      <div className="image-picker-actions">
        {onPickNative ? (
          <button type="button" className="button-secondary" disabled={busy} onClick={() => void accept(pickNative)} aria-describedby={problem ? ids.problem : undefined}>
            Choose file…
          </button>
        ) : (
          <>
            <label htmlFor={ids.input}>Image file (PNG or JPEG)</label>
            <input id={ids.input} type="file" accept="image/png,image/jpeg" disabled={busy} onChange={onFile} aria-describedby={problem ? ids.problem : undefined} />
          </>
        )}
        <button type="button" className="button-quiet" disabled={busy} onClick={() => void accept(async () => checkPickedImage(await sample()))}>
          Use the sample image
        </button>
        {value && (
          <button
            type="button"
            className="button-quiet"
            onClick={() => {
              setProblem(null);
              onChange(null);
            }}
          >
            Remove image
          </button>
        )}
      </div>
      <p className="section-hint">PNG or JPEG, at most 2 MiB, at least 167 px high.</p>
      {problem && (
        <p id={ids.problem} className="field-error" role="alert">
          {problem}
        </p>
      )}
      {value && (
        <figure className="image-preview">
          <img src={`data:${value.mime};base64,${value.base64}`} alt={`Preview of ${value.fileName}`} />
          <figcaption id={ids.facts} data-testid="image-facts">
            <strong>{value.fileName}</strong>
            <span>
              {MIME_WORD[value.mime]} · {formatBytes(value.bytes)} · {value.width} × {value.height} px
            </span>
          </figcaption>
        </figure>
      )}
    </div>
  );
}
