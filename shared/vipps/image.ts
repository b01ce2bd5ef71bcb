import { z } from 'zod';
import { decodeBase64 } from './base64';
import { imageIdSchema } from './category';
import { validateWith, type ValidationIssue, type ValidationResult } from './issues';

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const MIN_IMAGE_HEIGHT = 167;

export type ImageFormat = 'png' | 'jpeg';

export interface ImageFacts {
  format: ImageFormat;
  contentType: 'image/png' | 'image/jpeg';
  /** null when the header that holds the size could not be found. */
  width: number | null;
  height: number | null;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function readU16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function readU32(bytes: Uint8Array, at: number): number {
  return (((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)) >>> 0;
}

function pngFacts(bytes: Uint8Array): ImageFacts {
  // IHDR is always the first chunk: length(4) "IHDR"(4) width(4) height(4), right after the signature.
  const hasHeader = bytes.length >= 24 && readU32(bytes, 12) === 0x49484452;
  return {
    format: 'png',
    contentType: 'image/png',
    width: hasHeader ? readU32(bytes, 16) : null,
    height: hasHeader ? readU32(bytes, 20) : null,
  };
}

function isStartOfFrame(marker: number): boolean {
  // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegFacts(bytes: Uint8Array): ImageFacts {
  const facts: ImageFacts = { format: 'jpeg', contentType: 'image/jpeg', width: null, height: null };
  let i = 2;
  while (i + 3 < bytes.length) {
    if (bytes[i] !== 0xff) return facts;
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return facts;
    if (isStartOfFrame(marker)) {
      if (i + 8 >= bytes.length) return facts;
      facts.height = readU16(bytes, i + 5);
      facts.width = readU16(bytes, i + 7);
      return facts;
    }
    i += 2 + readU16(bytes, i + 2);
  }
  return facts;
}

/** PNG or JPEG by their magic bytes, with the pixel size read from the header. */
export function inspectImage(bytes: Uint8Array): ImageFacts | null {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return pngFacts(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpegFacts(bytes);
  return null;
}

export interface ImageRules {
  checkSize?: boolean;
  checkHeight?: boolean;
  maxBytes?: number;
  minHeight?: number;
}

export interface ImageUpload extends ImageFacts {
  imageId: string;
  bytes: Uint8Array;
  size: number;
}

const ImageBodySchema = z.object({
  imageId: imageIdSchema,
  src: z.string({ error: 'src is required: the image file as base64 text.' }).min(1, { error: 'src may not be empty.' }),
  type: z.literal('base64', { error: 'type must be "base64" (the only kind the API takes).' }),
});

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(2)} MiB`;
}

function checkSrc(src: string, rules: Required<ImageRules>): { issue: ValidationIssue } | { upload: Omit<ImageUpload, 'imageId'> } {
  const fail = (reason: string) => ({ issue: { name: 'src', reason } });
  if (/^data:/i.test(src)) return fail('Send only the base64 text, without a "data:image/...;base64," prefix.');
  // Refuse oversized uploads before decoding them: base64 carries 3 bytes per 4 characters.
  if (rules.checkSize && Math.floor((src.replace(/\s+/g, '').length * 3) / 4) - 2 > rules.maxBytes) {
    return fail(`The image is larger than the ${mib(rules.maxBytes)} limit.`);
  }
  const decoded = decodeBase64(src);
  if (!decoded.ok) return fail(`src is not valid base64: ${decoded.reason}`);
  const bytes = decoded.bytes;
  const facts = inspectImage(bytes);
  if (!facts) return fail('The image must be a PNG or JPEG file; these bytes are neither.');
  if (rules.checkSize && bytes.length > rules.maxBytes) {
    return fail(`The image is ${mib(bytes.length)}, over the ${mib(rules.maxBytes)} limit.`);
  }
  if (rules.checkHeight) {
    if (facts.height === null) return fail(`Could not read the image height from the ${facts.format.toUpperCase()} header.`);
    if (facts.height < rules.minHeight) {
      return fail(`The image is ${facts.height} px high; it must be at least ${rules.minHeight} px high.`);
    }
  }
  return { upload: { ...facts, bytes, size: bytes.length } };
}

/** Validates an OM image upload body and decodes it: PNG/JPEG, ≤ 2 MiB decoded, ≥ 167 px high. */
export function validateImageUpload(input: unknown, rules: ImageRules = {}): ValidationResult<ImageUpload> {
  const body = validateWith(ImageBodySchema, input);
  if (!body.ok) return body;
  const checked = checkSrc(body.value.src, {
    checkSize: rules.checkSize ?? true,
    checkHeight: rules.checkHeight ?? true,
    maxBytes: rules.maxBytes ?? MAX_IMAGE_BYTES,
    minHeight: rules.minHeight ?? MIN_IMAGE_HEIGHT,
  });
  if ('issue' in checked) return { ok: false, issues: [checked.issue] };
  return { ok: true, value: { imageId: body.value.imageId, ...checked.upload } };
}
