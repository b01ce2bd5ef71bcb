/**
 * A minimal PNG writer for palette images, enough to make the bundled sample at run time instead
 * of shipping a binary asset. The pixel data goes in uncompressed ("stored") deflate blocks, so
 * no compressor is needed; a 320 × 320 image is about 100 KiB, far under the 2 MiB limit.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

class ByteWriter {
  private readonly parts: Uint8Array[] = [];
  bytes(data: Uint8Array | number[]): void {
    this.parts.push(data instanceof Uint8Array ? data : Uint8Array.from(data));
  }
  u32(value: number): void {
    this.bytes([(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]);
  }
  ascii(text: string): void {
    this.bytes([...text].map((ch) => ch.charCodeAt(0)));
  }
  toArray(): Uint8Array {
    const out = new Uint8Array(this.parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}

function chunk(out: ByteWriter, type: string, data: Uint8Array): void {
  const typed = new ByteWriter();
  typed.ascii(type);
  typed.bytes(data);
  const body = typed.toArray();
  out.u32(data.length);
  out.bytes(body);
  out.u32(crc32(body));
}

function zlibStored(raw: Uint8Array): Uint8Array {
  const out = new ByteWriter();
  out.bytes([0x78, 0x01]);
  for (let at = 0; at < raw.length || at === 0; at += 65535) {
    const block = raw.subarray(at, Math.min(at + 65535, raw.length));
    const last = at + 65535 >= raw.length;
    out.bytes([last ? 1 : 0, block.length & 0xff, block.length >>> 8, ~block.length & 0xff, (~block.length >>> 8) & 0xff]);
    out.bytes(block);
    if (last) break;
  }
  out.u32(adler32(raw));
  return out.toArray();
}

/** `pixel(x, y)` gives a palette index; the palette is a list of [r, g, b]. */
export function encodePalettePng(width: number, height: number, palette: readonly (readonly [number, number, number])[], pixel: (x: number, y: number) => number): Uint8Array {
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) raw[row + 1 + x] = pixel(x, y);
  }
  const header = new ByteWriter();
  header.u32(width);
  header.u32(height);
  header.bytes([8, 3, 0, 0, 0]);
  const out = new ByteWriter();
  out.bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  chunk(out, 'IHDR', header.toArray());
  chunk(out, 'PLTE', Uint8Array.from(palette.flat()));
  chunk(out, 'IDAT', zlibStored(raw));
  chunk(out, 'IEND', new Uint8Array(0));
  return out.toArray();
}
