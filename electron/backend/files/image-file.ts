import fs from 'node:fs/promises';
import path from 'node:path';
import type { Handlers } from '../dispatch';
import { fail } from '../failure';

/** What the host offers for choosing files; only the Electron host has one (a native dialog). */
export interface HostDialogs {
  pickFile(options: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
}

/** The Order Management limit, decoded bytes. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * Reads the file the user chose in the native dialog. Only the size is checked here, so a
 * 4 GB file is never read into memory; type and height are checked by the same code as a
 * file dropped into the page (renderer/src/components/image/image-check.ts).
 */
export function createFileHandlers(dialogs: HostDialogs | undefined): Pick<Handlers, 'pickImageFile'> {
  return {
    pickImageFile: async () => {
      if (!dialogs) {
        fail('INVALID_INPUT', 'This window has no system file dialog. Use the file field to choose the image instead.');
      }
      const file = await dialogs.pickFile({ title: 'Choose an image for the order', filters: [{ name: 'PNG or JPEG images', extensions: ['png', 'jpg', 'jpeg'] }] });
      if (!file) return { picked: null };
      const fileName = path.basename(file);
      let size: number;
      try {
        size = (await fs.stat(file)).size;
      } catch {
        fail('NOT_FOUND', `“${fileName}” could not be opened. Check that it still exists and that you may read it.`);
      }
      if (size > MAX_IMAGE_BYTES) {
        fail('TOO_LARGE', `“${fileName}” is ${mib(size)}; Vipps takes images up to 2 MiB. Choose a smaller file or scale it down.`);
      }
      const bytes = await fs.readFile(file);
      return { picked: { fileName, base64: bytes.toString('base64'), bytes: bytes.length } };
    },
  };
}
