import { describe, expect, it } from 'vitest';
import { inspectImage, MAX_IMAGE_BYTES, MIN_IMAGE_HEIGHT, validateImageUpload } from '../../../shared/vipps/image';
import { imageBody, makeJpegHeader, makePng } from './image-bytes';

// OM image rules (reference §3.3): PNG (89 50 4E 47 0D 0A 1A 0A) or JPEG (FF D8 FF) only, at
// most 2 MB decoded, at least 167 px high (PNG IHDR, JPEG SOFn). The size boundaries are tried
// with a small `maxBytes` so the mutation run need not decode megabytes for every mutant.

const SOI = [0xff, 0xd8];
const EOI = [0xff, 0xd9];
/** A frame header (SOFn) for `height` × `width`. */
const sof = (marker: number, height: number, width: number) => [0xff, marker, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
/** A segment the reader must skip by its length: marker, 2-byte length, payload. */
const segment = (marker: number, payload: number[]) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
const jpeg = (...parts: number[][]) => new Uint8Array([...SOI, ...parts.flat()]);

function reason(result: { ok: boolean; issues?: Array<{ reason: string }> }): string {
  return result.ok ? '' : (result.issues?.[0]?.reason ?? '');
}
const upload = (bytes: Uint8Array, rules = {}) => validateImageUpload(imageBody('img-1', Buffer.from(bytes)), rules);

describe('the Vipps image limits', () => {
  it('are 2 MiB decoded and 167 px high', () => {
    expect(MAX_IMAGE_BYTES).toBe(2 * 1024 * 1024);
    expect(MIN_IMAGE_HEIGHT).toBe(167);
  });
});

describe('inspectImage: PNG', () => {
  it('reads width and height from IHDR as unsigned 32-bit numbers, huge ones included', () => {
    expect(inspectImage(makePng(200, 201))).toEqual({ format: 'png', contentType: 'image/png', width: 200, height: 201 });
    const huge = makePng(1, 1);
    huge.writeUInt32BE(0xffffffff, 16);
    huge.writeUInt32BE(0x80000001, 20);
    expect(inspectImage(huge)).toMatchObject({ width: 4294967295, height: 2147483649 });
  });

  it('needs all eight signature bytes: one wrong byte is not a PNG', () => {
    for (let at = 0; at < 8; at++) {
      const bytes = makePng(10, 200);
      bytes[at] = bytes[at]! ^ 0x20;
      expect(inspectImage(bytes), `signature byte ${at} changed`).toBeNull();
    }
  });

  it('gives no size for a PNG cut short before the end of IHDR or whose first chunk is not IHDR', () => {
    const png = makePng(10, 200);
    expect(inspectImage(png.subarray(0, 24))).toMatchObject({ width: 10, height: 200 });
    expect(inspectImage(png.subarray(0, 23))).toMatchObject({ format: 'png', width: null, height: null });
    const other = Buffer.from(png);
    other.write('IDAT', 12, 'ascii');
    expect(inspectImage(other)).toMatchObject({ format: 'png', width: null, height: null });
  });
});

describe('inspectImage: JPEG', () => {
  it('needs FF D8 FF at the start', () => {
    expect(inspectImage(makeJpegHeader(640, 480))).toEqual({ format: 'jpeg', contentType: 'image/jpeg', width: 640, height: 480 });
    expect(inspectImage(new Uint8Array([0xff, 0xd8, 0xfe, 0xc0]))).toBeNull();
    expect(inspectImage(new Uint8Array([0xfe, 0xd8, 0xff, 0xc0]))).toBeNull();
    expect(inspectImage(new Uint8Array([0xff, 0xd9, 0xff, 0xc0]))).toBeNull();
    expect(inspectImage(new Uint8Array([]))).toBeNull();
  });

  it('skips segments by their length to reach the frame header, and reads 16-bit sizes up to 65535', () => {
    const bytes = jpeg(segment(0xe0, Array(14).fill(0)), segment(0xdb, Array(65).fill(1)), sof(0xc0, 65535, 65534), EOI);
    expect(inspectImage(bytes)).toMatchObject({ width: 65534, height: 65535 });
  });

  it('reads progressive and other frame kinds (SOF1, SOF2, SOF15) but not DHT, JPG or DAC, which share the range', () => {
    for (const marker of [0xc1, 0xc2, 0xc3, 0xc5, 0xcf]) expect(inspectImage(jpeg(sof(marker, 300, 200), EOI))?.height, marker.toString(16)).toBe(300);
    for (const marker of [0xc4, 0xc8, 0xcc]) {
      // Read as a frame, this table's bytes would give a size of 0x0101 × 0x0101.
      const table = segment(marker, Array(20).fill(1));
      expect(inspectImage(jpeg(table, sof(0xc0, 400, 300), EOI)), marker.toString(16)).toMatchObject({ height: 400, width: 300 });
    }
    // Markers just outside the frame range are skipped as well.
    expect(inspectImage(jpeg(segment(0xdb, Array(20).fill(1)), sof(0xc0, 170, 10), EOI))?.height).toBe(170);
    expect(inspectImage(jpeg(segment(0xbf, Array(20).fill(1)), sof(0xc0, 170, 10), EOI))?.height).toBe(170);
  });

  it('steps over fill bytes and the markers without a length (TEM, RST0–7, SOI)', () => {
    expect(inspectImage(jpeg([0xff, 0xff, 0xff], sof(0xc0, 200, 100), EOI))?.height).toBe(200);
    for (const marker of [0x01, 0xd0, 0xd7, 0xd8]) {
      expect(inspectImage(jpeg([0xff, marker], sof(0xc0, 200, 100), EOI))?.height, marker.toString(16)).toBe(200);
    }
  });

  it('gives no size when the image data or its end comes before any frame header', () => {
    expect(inspectImage(jpeg([0xff, 0xda, 0x00, 0x02], sof(0xc0, 200, 100)))).toMatchObject({ format: 'jpeg', height: null, width: null });
    expect(inspectImage(jpeg(EOI, sof(0xc0, 200, 100)))).toMatchObject({ height: null });
    // A byte that is no marker where one must be: the file is broken there.
    expect(inspectImage(jpeg(segment(0xe0, [0, 0]), [0x00, 0xc0], sof(0xc0, 200, 100)))).toMatchObject({ height: null });
  });

  it('gives no size when the frame header is cut short', () => {
    const whole = jpeg(sof(0xc0, 480, 640));
    // The width's last byte sits at offset 10; without it there is no width to read.
    expect(inspectImage(whole.subarray(0, 11))).toMatchObject({ height: 480, width: 640 });
    expect(inspectImage(whole.subarray(0, 10))).toMatchObject({ height: null, width: null });
    expect(inspectImage(new Uint8Array([...SOI, 0xff, 0xc0, 0x00]))).toMatchObject({ height: null });
  });

  it('gives no size when a segment length points past the end', () => {
    expect(inspectImage(jpeg([0xff, 0xe1, 0xff, 0xf0, 0, 0, 0, 0]))).toMatchObject({ format: 'jpeg', height: null });
  });
});

describe('validateImageUpload', () => {
  it('accepts exactly the maximum size and refuses one byte more, naming both sizes', () => {
    const png = makePng(10, 200);
    expect(upload(png, { maxBytes: png.length }).ok).toBe(true);
    const over = upload(png, { maxBytes: png.length - 1 });
    expect(over.ok ? '' : over.issues[0]?.name).toBe('src');
    expect(reason(upload(makePng(10, 200), { maxBytes: 2 * 1024 * 1024 }))).toBe('');
  });

  it('refuses a far too large text before decoding it, and takes it when the size check is off', () => {
    const big = Buffer.concat([makePng(10, 200), Buffer.alloc(3000)]);
    expect(reason(upload(big, { maxBytes: 1024 }))).toBe('The image is larger than the 0.00 MiB limit.');
    expect(reason(upload(big, { maxBytes: 1024 * 1024 }))).toBe('');
    expect(upload(big, { maxBytes: 1024, checkSize: false }).ok).toBe(true);
  });

  it('does not count the line breaks of wrapped base64 toward the size', () => {
    const png = Buffer.concat([makePng(10, 200), Buffer.alloc(600)]);
    const wrapped = png.toString('base64').replace(/.{76}/g, '$&\r\n');
    expect(validateImageUpload({ imageId: 'w', src: wrapped, type: 'base64' }, { maxBytes: png.length }).ok).toBe(true);
  });

  it('names the decoded size when the text only just passes the estimate', () => {
    // The estimate allows two bytes of padding; one byte over still fails after decoding.
    const png = Buffer.concat([makePng(10, 200), Buffer.alloc(5)]);
    expect(reason(upload(png, { maxBytes: png.length - 1 }))).toMatch(/^The image is 0\.00 MiB, over the 0\.00 MiB limit\.$/);
  });

  it('accepts 167 px and refuses 166 px, also for JPEG, and follows a configured minimum', () => {
    expect(upload(makeJpegHeader(10, 167)).ok).toBe(true);
    expect(reason(upload(makeJpegHeader(10, 166)))).toBe('The image is 166 px high; it must be at least 167 px high.');
    expect(upload(makePng(10, 300), { minHeight: 300 }).ok).toBe(true);
    expect(reason(upload(makePng(10, 299), { minHeight: 300 }))).toMatch(/299 px high; it must be at least 300 px/);
  });

  it('takes a huge PNG height as high enough', () => {
    const huge = makePng(1, 1);
    huge.writeUInt32BE(0xffffffff, 20);
    expect(upload(huge).ok).toBe(true);
  });

  it('refuses an image whose height cannot be read, unless the height check is off', () => {
    const cut = makePng(10, 200).subarray(0, 20);
    expect(reason(upload(cut))).toBe('Could not read the image height from the PNG header.');
    expect(reason(upload(jpeg(EOI)))).toBe('Could not read the image height from the JPEG header.');
    expect(upload(cut, { checkHeight: false }).ok).toBe(true);
  });

  it('returns the decoded bytes with their facts and the imageId', () => {
    const png = makePng(12, 170);
    const r = validateImageUpload(imageBody('receipt.v1_A-2', png));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ imageId: 'receipt.v1_A-2', format: 'png', contentType: 'image/png', width: 12, height: 170, size: png.length });
    expect(Buffer.from(r.value.bytes).equals(png)).toBe(true);
  });

  it('refuses a data: URL prefix in any case, invalid base64, and bytes of another format', () => {
    const png = makePng(10, 200).toString('base64');
    expect(reason(validateImageUpload({ imageId: 'x', src: `DATA:image/png;base64,${png}`, type: 'base64' }))).toMatch(/without a "data:image/);
    expect(reason(validateImageUpload({ imageId: 'x', src: `${png.slice(0, 8)}*${png.slice(8)}`, type: 'base64' }))).toMatch(/^src is not valid base64: "\*" at position 9/);
    const gif = Buffer.from('GIF89a\x01\x00\xc8\x00', 'latin1');
    expect(reason(upload(gif))).toBe('The image must be a PNG or JPEG file; these bytes are neither.');
  });

  it('wants imageId, a non-empty src and type "base64"', () => {
    const issues = (body: unknown) => {
      const r = validateImageUpload(body);
      return r.ok ? [] : r.issues;
    };
    expect(issues({ imageId: 'x', src: '', type: 'base64' })).toEqual([{ name: 'src', reason: 'src may not be empty.' }]);
    expect(issues({ imageId: 'x', type: 'base64' })).toEqual([{ name: 'src', reason: 'src is required: the image file as base64 text.' }]);
    expect(issues({ imageId: 'x', src: 'AAAA', type: 'url' })).toEqual([{ name: 'type', reason: 'type must be "base64" (the only kind the API takes).' }]);
    expect(issues({ imageId: 'bad id', src: 'AAAA', type: 'base64' }).map((i) => i.name)).toEqual(['imageId']);
  });
});
