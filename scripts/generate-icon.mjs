// Writes build/icon.png (512×512 RGBA), from which electron-builder derives the .icns and .ico.
// Drawn from signed distance functions with Node's zlib only, so no image tool is needed and
// the output is byte-for-byte reproducible: `node scripts/generate-icon.mjs`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 512;
const ORANGE = [0xff, 0x5b, 0x24];
const WHITE = [0xff, 0xff, 0xff];

const coverage = (distance) => Math.min(1, Math.max(0, 0.5 - distance));

function roundedSquare(x, y) {
  const inset = 16;
  const radius = 112;
  const half = SIZE / 2 - inset;
  const qx = Math.abs(x - SIZE / 2) - (half - radius);
  const qy = Math.abs(y - SIZE / 2) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function lensRing(x, y) {
  return Math.abs(Math.hypot(x - 224, y - 224) - 118) - 20;
}

function handle(x, y) {
  const [ax, ay, bx, by] = [318, 318, 398, 398];
  const t = Math.min(1, Math.max(0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) - 26;
}

function pixels() {
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    rows[row] = 0;
    for (let x = 0; x < SIZE; x++) {
      const [px, py] = [x + 0.5, y + 0.5];
      const mark = Math.max(coverage(lensRing(px, py)), coverage(handle(px, py)));
      const offset = row + 1 + x * 4;
      for (let c = 0; c < 3; c++) rows[offset + c] = Math.round(ORANGE[c] * (1 - mark) + WHITE[c] * mark);
      rows[offset + 3] = Math.round(255 * coverage(roundedSquare(px, py)));
    }
  }
  return rows;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(pixels(), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const target = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build', 'icon.png');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, png());
console.log(`wrote ${path.relative(process.cwd(), target)} (${SIZE}×${SIZE})`);
