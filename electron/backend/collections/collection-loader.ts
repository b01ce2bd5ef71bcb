import fs from 'node:fs';
import path from 'node:path';
import type { ContainerSettings, FileProblem, TreeNode } from '../../../shared/model/collection';
import type { ApiRequest } from '../../../shared/model/request';
import { COLLECTION_FILE, FOLDER_FILE, isIgnoredEntry, isRequestFileName, joinItemPath } from './file-names';
import { FileFormatError, requestFromYaml, settingsFromYaml } from './yaml-format';

export interface LoadedFolder {
  /** '' for the collection itself. */
  path: string;
  settings: ContainerSettings;
  /** The settings file exists but could not be read: it is reported and never written over. */
  unreadable: boolean;
  /** Child entry names (request files and folders) in the collection's order. */
  children: string[];
}

/** Search text of one request, lower-cased once at load so a search is a plain scan. */
export interface SearchFields {
  name: string;
  url: string;
  body: string;
  description: string;
  headers: string;
  params: string;
}

export interface LoadedRequest {
  path: string;
  request: ApiRequest;
  search: SearchFields;
}

/**
 * Requests already read and validated, by absolute file path, with the size and modification
 * time they had. A re-read after an outside change (a `git pull` that touched three files) parses
 * and validates only the files whose size or time changed; the others are the same bytes that
 * passed validation before.
 */
export type RequestCache = Map<string, { mtimeMs: number; size: number; request: ApiRequest; search: SearchFields }>;

/** One request file through the cache: read, parsed and validated only when it changed. */
function readRequest(itemPath: string, file: string, cache: RequestCache | undefined): LoadedRequest {
  if (!cache) return loadedRequest(itemPath, requestFromYaml(fs.readFileSync(file, 'utf8')));
  try {
    // Stat before reading: if the file changes in between, the next read sees a newer time and reads it again.
    const stat = fs.statSync(file);
    const known = cache.get(file);
    if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return { path: itemPath, request: known.request, search: known.search };
    const loaded = loadedRequest(itemPath, requestFromYaml(fs.readFileSync(file, 'utf8')));
    cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, request: loaded.request, search: loaded.search });
    return loaded;
  } catch (error) {
    cache.delete(file);
    throw error;
  }
}

export interface LoadedCollection {
  root: string;
  folders: Map<string, LoadedFolder>;
  requests: Map<string, LoadedRequest>;
  problems: FileProblem[];
}

function describeReadError(error: unknown): string {
  if (error instanceof FileFormatError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'it cannot be read (permission denied); check the file’s permissions';
  if (code === 'EISDIR') return 'it is a folder where a file was expected';
  return error instanceof Error ? error.message : String(error);
}

export function bodyText(request: ApiRequest): string {
  const body = request.body;
  switch (body.mode) {
    case 'json':
    case 'text':
      return body.text;
    case 'form-urlencoded':
      return body.fields.map((f) => `${f.key}=${f.value}`).join('\n');
    case 'multipart':
      return body.parts.map((p) => (p.kind === 'text' ? `${p.key}=${p.value}` : `${p.key}=@${p.path}`)).join('\n');
    default:
      return '';
  }
}

export function searchFieldsOf(request: ApiRequest): SearchFields {
  return {
    name: request.name.toLowerCase(),
    url: request.url.toLowerCase(),
    body: bodyText(request).toLowerCase(),
    description: request.description.toLowerCase(),
    headers: request.headers.map((h) => `${h.key}: ${h.value}`).join('\n').toLowerCase(),
    params: request.params.map((p) => `${p.key}=${p.value}`).join('\n').toLowerCase(),
  };
}

export function loadedRequest(itemPath: string, request: ApiRequest): LoadedRequest {
  return { path: itemPath, request, search: searchFieldsOf(request) };
}

/** Children named in `order` come first, in that order; the rest follow by name. */
export function orderChildren(names: string[], order: readonly string[]): string[] {
  const present = new Set(names);
  const listed = order.filter((name, i) => present.has(name) && order.indexOf(name) === i);
  const listedSet = new Set(listed);
  const rest = names.filter((name) => !listedSet.has(name)).sort((a, b) => a.localeCompare(b, 'en'));
  return [...listed, ...rest];
}

/**
 * Reads a collection folder: its settings, every request file and sub-folder. A file that cannot
 * be read or parsed becomes a problem naming the file and the reason; it is never changed.
 */
export function loadCollection(root: string, fallbackName: string, cache?: RequestCache): LoadedCollection {
  const loaded: LoadedCollection = { root, folders: new Map(), requests: new Map(), problems: [] };
  const problem = (itemPath: string, message: string) => loaded.problems.push({ path: itemPath, message });

  const readFolder = (folderPath: string, dir: string, settingsFile: string, name: string) => {
    let settings: ContainerSettings = { name, description: '', variables: [], auth: { type: 'inherit' }, scripts: { preRequest: '', test: '' }, order: [] };
    let unreadable = false;
    const settingsPath = path.join(dir, settingsFile);
    try {
      settings = settingsFromYaml(fs.readFileSync(settingsPath, 'utf8'), name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        unreadable = true;
        problem(joinItemPath(folderPath, settingsFile), `${settingsFile}: ${describeReadError(error)}`);
      }
    }
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problem(folderPath, `the folder cannot be listed: ${describeReadError(error)}`);
    }
    const names: string[] = [];
    for (const entry of entries) {
      if (isIgnoredEntry(entry.name)) continue;
      const itemPath = joinItemPath(folderPath, entry.name);
      if (entry.isDirectory()) {
        names.push(entry.name);
        readFolder(itemPath, path.join(dir, entry.name), FOLDER_FILE, entry.name);
      } else if (entry.isFile() && isRequestFileName(entry.name)) {
        try {
          loaded.requests.set(itemPath, readRequest(itemPath, path.join(dir, entry.name), cache));
          names.push(entry.name);
        } catch (error) {
          problem(itemPath, `${entry.name}: ${describeReadError(error)}`);
        }
      }
    }
    loaded.folders.set(folderPath, { path: folderPath, settings, unreadable, children: orderChildren(names, settings.order) });
  };

  readFolder('', root, COLLECTION_FILE, fallbackName);
  if (cache) {
    // Files that were moved or deleted since the last read leave the cache with it.
    const present = new Set([...loaded.requests.keys()].map((itemPath) => path.join(root, ...itemPath.split('/'))));
    for (const file of cache.keys()) if (!present.has(file)) cache.delete(file);
  }
  return loaded;
}

export function treeOf(loaded: LoadedCollection, folderPath = ''): TreeNode[] {
  const folder = loaded.folders.get(folderPath);
  if (!folder) return [];
  const nodes: TreeNode[] = [];
  for (const name of folder.children) {
    const itemPath = joinItemPath(folderPath, name);
    const sub = loaded.folders.get(itemPath);
    if (sub) {
      nodes.push({ kind: 'folder', path: itemPath, name: sub.settings.name, children: treeOf(loaded, itemPath) });
      continue;
    }
    const request = loaded.requests.get(itemPath);
    if (request) nodes.push({ kind: 'request', path: itemPath, name: request.request.name, method: request.request.method, url: request.request.url });
  }
  return nodes;
}

/** The requests under a folder (or one request), in run order. */
export function requestsUnder(loaded: LoadedCollection, itemPath: string): LoadedRequest[] {
  const single = loaded.requests.get(itemPath);
  if (single) return [single];
  const folder = loaded.folders.get(itemPath);
  if (!folder) return [];
  return folder.children.flatMap((name) => requestsUnder(loaded, joinItemPath(itemPath, name)));
}
