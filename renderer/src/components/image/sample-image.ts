import { encodeBase64 } from '../../../../shared/vipps';
import { encodePalettePng } from './png-encoder';
import type { PickedImage } from './types';

const SIZE = 320;
// Background, paper, ink, muted lines, accent: a receipt slip on a warm background.
const PALETTE = [
  [255, 236, 224],
  [255, 255, 255],
  [40, 40, 52],
  [200, 200, 210],
  [255, 91, 36],
] as const;

function inRoundedRect(x: number, y: number, left: number, top: number, right: number, bottom: number, radius: number): boolean {
  if (x < left || x >= right || y < top || y >= bottom) return false;
  const cx = x < left + radius ? left + radius : x >= right - radius ? right - radius - 1 : x;
  const cy = y < top + radius ? top + radius : y >= bottom - radius ? bottom - radius - 1 : y;
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** Our own simple drawing: a white slip with text lines and an orange dot, on a warm background. */
function samplePixel(x: number, y: number): number {
  if (!inRoundedRect(x, y, 80, 40, 240, 280, 14)) return 0;
  if ((x - 160) ** 2 + (y - 88) ** 2 <= 22 ** 2) return 4;
  const lines = [
    [130, 104, 216],
    [150, 104, 196],
    [170, 104, 216],
    [190, 104, 186],
  ];
  for (const [top, left, right] of lines) if (y >= top! && y < top! + 6 && x >= left! && x < right!) return 3;
  if (y >= 222 && y < 226 && x >= 104 && x < 216) return 2;
  if (y >= 238 && y < 248 && x >= 150 && x < 216) return 2;
  return 1;
}

let cached: PickedImage | null = null;

/** The bundled sample: a 320 × 320 PNG that meets the image rules (PNG, ≤ 2 MiB, ≥ 167 px high). */
export function createSampleImage(): PickedImage {
  if (!cached) {
    const bytes = encodePalettePng(SIZE, SIZE, PALETTE, samplePixel);
    cached = { fileName: 'vipps-explorer-sample.png', mime: 'image/png', base64: encodeBase64(bytes), bytes: bytes.length, width: SIZE, height: SIZE };
  }
  return cached;
}

export async function loadSampleImage(): Promise<PickedImage> {
  return createSampleImage();
}
