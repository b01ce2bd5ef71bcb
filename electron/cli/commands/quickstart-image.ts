import fs from 'node:fs';
import { inspectImage } from '../../../shared/vipps/image';
import { usageFailure } from '../exit-codes';

/** Order Management's limit on the decoded image. */
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/**
 * `--image FILE` for the quick start's optional image step, as base64. Size is checked before
 * the file is read (a stray 4 GB file is never loaded) and the type by its magic bytes; the
 * step's own rules (height, size) are checked again by the runner before anything is sent.
 */
export function readQuickStartImage(file: string): string {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (error) {
    throw usageFailure(`Cannot read the image ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`, 'Give the path of a PNG or JPEG file, or leave out --image to skip the optional image step.');
  }
  if (size > MAX_IMAGE_BYTES) {
    throw usageFailure(`The image ${file} is ${(size / 1024 / 1024).toFixed(1)} MiB; Vipps takes images up to 2 MiB.`, 'Scale it down or choose a smaller file.');
  }
  const bytes = fs.readFileSync(file);
  if (!inspectImage(bytes)) throw usageFailure(`The image ${file} is neither a PNG nor a JPEG.`, 'Vipps takes PNG and JPEG images for orders; convert it first.');
  return bytes.toString('base64');
}
