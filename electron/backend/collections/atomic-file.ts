import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Collections may hold business data: only the user may read them. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;
export const TEMP_PREFIX = '.vx-tmp-';

export function ensureDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
}

/**
 * Writes through a temp file in the same folder and renames it over the target, so a crash or
 * a full disk leaves either the old file or the new one, never half of each.
 */
export function writeFileAtomic(file: string, text: string): void {
  const dir = path.dirname(file);
  ensureDir(dir);
  const temp = path.join(dir, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}`);
  try {
    fs.writeFileSync(temp, text, { mode: FILE_MODE, flag: 'wx' });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** Moves a file or folder, also across file systems (an opened folder on another disk than the data folder). */
export function moveEntry(from: string, to: string): void {
  ensureDir(path.dirname(to));
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.cpSync(from, to, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}
