import type { PickedImage } from '../components/image/types';

export type { PickedImage };

/* The image the user picked for step 4 is kept in this tab only: it is too large for quickstart.json. */

const KEY = 'vipps-explorer.quickstart.image';

export function loadPickedImage(storage: Storage | undefined = globalThis.sessionStorage): PickedImage | null {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<PickedImage>;
    return typeof value.base64 === 'string' && typeof value.fileName === 'string' && (value.mime === 'image/png' || value.mime === 'image/jpeg') ? (value as PickedImage) : null;
  } catch {
    return null;
  }
}

/** Best effort: a browser may refuse a few megabytes in sessionStorage; the image then lives until reload. */
export function storePickedImage(image: PickedImage | null, storage: Storage | undefined = globalThis.sessionStorage): void {
  try {
    if (image) storage?.setItem(KEY, JSON.stringify(image));
    else storage?.removeItem(KEY);
  } catch {
    storage?.removeItem(KEY);
  }
}

/** What the preview and the editor show in place of the base64: the real value is sent. */
export function imageStandIn(image: PickedImage): string {
  return `«${image.fileName}: ${image.base64.length.toLocaleString('en')} base64 characters, sent in full»`;
}

export function imageDataUrl(image: PickedImage): string {
  return `data:${image.mime};base64,${image.base64}`;
}
