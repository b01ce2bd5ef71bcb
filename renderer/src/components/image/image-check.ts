import { decodeBase64, encodeBase64, inspectImage, MAX_IMAGE_BYTES, MIN_IMAGE_HEIGHT } from '../../../../shared/vipps';
import { formatBytes } from '../common/format';
import type { PickedImage } from './types';

export type ImageCheck = { ok: true; image: PickedImage } | { ok: false; message: string };

/** Enough of the file to tell its type and read its size from the header. */
export const HEADER_BYTES = 64 * 1024;

function otherFormat(bytes: Uint8Array): string | null {
  const ascii = String.fromCharCode(...bytes.subarray(0, 12));
  if (ascii.startsWith('GIF8')) return 'a GIF image';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'a WebP image';
  if (ascii.startsWith('BM')) return 'a BMP image';
  if (ascii.slice(4, 12) === 'ftypavif' || ascii.slice(4, 12) === 'ftypheic') return 'an AVIF or HEIC image';
  if (ascii.trimStart().startsWith('<')) return 'text (SVG or HTML)';
  return null;
}

/**
 * The image rules, checked on the file's bytes (not its name): PNG or JPEG, at most 2 MiB,
 * at least 167 px high. `totalBytes` is the file's size when only its head was read.
 */
export function checkImageBytes(fileName: string, head: Uint8Array, totalBytes = head.length): { ok: true; mime: PickedImage['mime']; width: number; height: number } | { ok: false; message: string } {
  const facts = inspectImage(head);
  if (!facts) {
    const what = otherFormat(head);
    return {
      ok: false,
      message: `“${fileName}” is ${what ?? 'not a PNG or JPEG image'}, judged by its contents rather than its name. Vipps takes PNG or JPEG only: save it in one of those formats and pick it again.`,
    };
  }
  if (totalBytes > MAX_IMAGE_BYTES) {
    return {
      ok: false,
      message: `“${fileName}” is ${formatBytes(totalBytes)}; the limit is ${formatBytes(MAX_IMAGE_BYTES)}. Make it smaller (fewer pixels, or JPEG instead of PNG) and pick it again.`,
    };
  }
  if (facts.height === null || facts.width === null) {
    return { ok: false, message: `The size of “${fileName}” could not be read from its header; the file may be damaged. Save it again and pick it again.` };
  }
  if (facts.height < MIN_IMAGE_HEIGHT) {
    return {
      ok: false,
      message: `“${fileName}” is ${facts.height} px high; Vipps needs at least ${MIN_IMAGE_HEIGHT} px. Use a taller image (the width may be anything).`,
    };
  }
  return { ok: true, mime: facts.contentType, width: facts.width, height: facts.height };
}

export function checkImageFile(fileName: string, bytes: Uint8Array): ImageCheck {
  const checked = checkImageBytes(fileName, bytes);
  if (!checked.ok) return checked;
  return { ok: true, image: { fileName, mime: checked.mime, base64: encodeBase64(bytes), bytes: bytes.length, width: checked.width, height: checked.height } };
}

/** Images from the native dialog or the sample are checked by the same rules as dropped files. */
export function checkPickedImage(image: PickedImage): ImageCheck {
  const decoded = decodeBase64(image.base64);
  if (!decoded.ok) return { ok: false, message: `“${image.fileName}” could not be read: ${decoded.reason}` };
  return checkImageFile(image.fileName, decoded.bytes);
}
