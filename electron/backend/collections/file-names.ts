import fs from 'node:fs';
import path from 'node:path';

export const COLLECTION_FILE = 'collection.yaml';
export const FOLDER_FILE = 'folder.yaml';
export const REQUEST_EXTENSION = '.yaml';

/** A file or folder name a person can read in `git status`: lower case words joined by dashes. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || 'untitled';
}

/** `base`, or `base-2`, `base-3`… whichever does not exist yet in `dir` (`taken` adds names being created). */
export function uniqueName(dir: string, base: string, extension: string, taken: ReadonlySet<string> = new Set()): string {
  for (let n = 1; ; n += 1) {
    const candidate = `${n === 1 ? base : `${base}-${n}`}${extension}`;
    if (!taken.has(candidate) && !fs.existsSync(path.join(dir, candidate))) return candidate;
  }
}

export function isRequestFileName(name: string): boolean {
  return name.endsWith(REQUEST_EXTENSION) && name !== COLLECTION_FILE && name !== FOLDER_FILE && !name.startsWith('.');
}

/** Hidden entries (.git, editor swap files, our temp files) and dependency folders are not part of a collection. */
export function isIgnoredEntry(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export function parentOf(itemPath: string): string {
  const slash = itemPath.lastIndexOf('/');
  return slash < 0 ? '' : itemPath.slice(0, slash);
}

export function baseNameOf(itemPath: string): string {
  return itemPath.slice(itemPath.lastIndexOf('/') + 1);
}

export function joinItemPath(parent: string, name: string): string {
  return parent === '' ? name : `${parent}/${name}`;
}
