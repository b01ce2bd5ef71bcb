import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import MultipartForm from 'form-data';
import type { RequestPayload } from '../../../shared/model/body';
import { fail } from '../failure';

/**
 * Multipart and binary bodies: built from text parts and files when the request is sent. Files
 * are read here, in the backend, only at send time and never copied anywhere else; what the
 * preview and the history show is a summary (part names, file names, sizes), never the bytes.
 */

/** The most a built body may weigh: a file upload to an API, not a backup. */
export const DEFAULT_UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;

export interface EncodedPayload {
  bytes: Buffer;
  /** The Content-Type to send: the user's when they set one (with the boundary added for multipart), else the implied one. */
  contentType: string;
  /** What the preview, the result and the history show instead of the bytes. */
  summary: string;
}

/** Fills `{{variables}}` in text parts (names and values) and file paths; inline base64 is sent as typed. */
export function fillPayload(payload: RequestPayload, fill: (text: string) => string): RequestPayload {
  if (payload.mode === 'binary') return payload.path === undefined ? payload : { ...payload, path: fill(payload.path) };
  return {
    mode: 'multipart',
    parts: payload.parts.map((part) => (part.kind === 'text' ? { ...part, key: fill(part.key), value: fill(part.value) } : { ...part, key: fill(part.key), path: fill(part.path) })),
  };
}

function formatBytes(size: number): string {
  if (size < 1024) return `${size} bytes`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** Exact sizes in summaries ("12,345 bytes"): the history is where one checks what was sent. */
function byteCount(size: number): string {
  return `${size.toLocaleString('en-US')} byte${size === 1 ? '' : 's'}`;
}

function enabledParts(payload: RequestPayload & { mode: 'multipart' }) {
  return payload.parts.filter((part) => part.enabled && part.key.length > 0);
}

const hasFile = (payload: RequestPayload & { mode: 'binary' }) => payload.path !== undefined && payload.path.trim() !== '';

/** The summary before any file is read (the preview): names only, sizes where they are known without reading. */
export function describePayload(payload: RequestPayload): string {
  if (payload.mode === 'binary') {
    if (hasFile(payload)) return `«binary body from file ${path.basename(payload.path!)}»`;
    return `«binary body, ${byteCount(Buffer.byteLength(payload.base64 ?? '', 'base64'))}»`;
  }
  const parts = enabledParts(payload);
  const lines = parts.map((part) => (part.kind === 'text' ? `${part.key}: text, ${byteCount(Buffer.byteLength(part.value))}` : `${part.key}: file ${path.basename(part.path)}`));
  return [`«multipart/form-data, ${parts.length} part${parts.length === 1 ? '' : 's'}»`, ...lines].join('\n');
}

function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** Bytes still allowed in this body; every file is checked against it before it is read. */
interface Budget {
  left: number;
  readonly limit: number;
}

function tooLarge(what: string, size: number, budget: Budget): never {
  return fail('TOO_LARGE', `${what} is ${formatBytes(size)}, which would take the request body past the ${formatBytes(budget.limit)} the app sends at most. Send a smaller file, or split the upload.`);
}

function resolvePath(file: string, what: string): string {
  const trimmed = file.trim();
  if (trimmed === '') fail('INVALID_INPUT', `${what} has no file chosen. Pick a file, or disable that part.`);
  const expanded = trimmed === '~' || trimmed.startsWith('~/') ? path.join(os.homedir(), trimmed.slice(1)) : trimmed;
  // Relative to what? The backend's working folder means nothing to the user, so a full path is asked for.
  if (!path.isAbsolute(expanded)) fail('INVALID_INPUT', `${what}: "${file}" is not a full path. Write the whole path to the file (for example /home/you/receipt.pdf or ~/receipt.pdf).`);
  return expanded;
}

function readReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'there is no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}

async function readFileWithin(file: string, what: string, budget: Budget): Promise<Buffer> {
  const resolved = resolvePath(file, what);
  const cannotRead = (error: unknown): never => fail('INVALID_INPUT', `${what}: the file "${file}" cannot be read (${readReason(error)}). Check the path, or pick the file again.`);
  const stat = await fs.stat(resolved).catch(cannotRead);
  // Devices and pipes have no end: only regular files are sent.
  if (!stat.isFile()) fail('INVALID_INPUT', `${what}: "${file}" is not a regular file. Pick a file.`);
  if (stat.size > budget.left) tooLarge(`${what} (the file "${file}")`, stat.size, budget);
  const bytes = await fs.readFile(resolved).catch(cannotRead);
  // The file may have grown since the stat.
  if (bytes.length > budget.left) tooLarge(`${what} (the file "${file}")`, bytes.length, budget);
  budget.left -= bytes.length;
  return bytes;
}

function decodeBase64(text: string, budget: Budget): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) fail('INVALID_INPUT', 'The binary body is not valid base64. Paste the bytes as base64 (A–Z, a–z, 0–9, +, / and = padding), or send a file instead.');
  const bytes = Buffer.from(compact, compact.includes('-') || compact.includes('_') ? 'base64url' : 'base64');
  if (bytes.length > budget.left) tooLarge('The binary body', bytes.length, budget);
  return bytes;
}

async function encodeMultipart(payload: RequestPayload & { mode: 'multipart' }, userContentType: string | undefined, budget: Budget): Promise<EncodedPayload> {
  // form-data escapes quotes and line breaks in names and file names, draws the boundary from
  // crypto, and lets a text part carry its own Content-Type without becoming a file.
  const form = new MultipartForm();
  const userBoundary = userContentType ? boundaryOf(userContentType) : undefined;
  if (userBoundary) form.setBoundary(userBoundary);
  const parts = enabledParts(payload);
  const lines: string[] = [];
  for (const part of parts) {
    const what = `Part "${part.key}"`;
    if (part.kind === 'text') {
      const size = Buffer.byteLength(part.value);
      if (size > budget.left) tooLarge(what, size, budget);
      budget.left -= size;
      form.append(part.key, part.value, part.contentType ? { contentType: part.contentType } : undefined);
      lines.push(`${part.key}: text, ${byteCount(size)}`);
    } else {
      const bytes = await readFileWithin(part.path, what, budget);
      const filename = path.basename(part.path.trim());
      form.append(part.key, bytes, { filename, ...(part.contentType ? { contentType: part.contentType } : {}) });
      lines.push(`${part.key}: file ${filename}, ${byteCount(bytes.length)}`);
    }
  }
  const bytes = form.getBuffer();
  const boundary = form.getBoundary();
  // A Content-Type typed without a boundary would leave the server unable to split the parts.
  const contentType = userContentType ? (userBoundary ? userContentType : `${userContentType}; boundary=${boundary}`) : `multipart/form-data; boundary=${boundary}`;
  const summary = [`«multipart/form-data, ${parts.length} part${parts.length === 1 ? '' : 's'}, ${byteCount(bytes.length)}»`, ...lines].join('\n');
  return { bytes, contentType, summary };
}

/**
 * Builds the bytes of a multipart or binary body. `userContentType` is the Content-Type header
 * the request sets, if any: it is kept, and for multipart it gets the boundary when it has none.
 */
export async function encodePayload(payload: RequestPayload, userContentType: string | undefined, limitBytes = DEFAULT_UPLOAD_LIMIT_BYTES): Promise<EncodedPayload> {
  const budget: Budget = { left: limitBytes, limit: limitBytes };
  if (payload.mode === 'multipart') return encodeMultipart(payload, userContentType, budget);
  const contentType = userContentType ?? payload.contentType ?? 'application/octet-stream';
  if (hasFile(payload)) {
    const bytes = await readFileWithin(payload.path!, 'The binary body', budget);
    return { bytes, contentType, summary: `«binary body from file ${path.basename(payload.path!.trim())}, ${byteCount(bytes.length)}»` };
  }
  const bytes = decodeBase64(payload.base64 ?? '', budget);
  return { bytes, contentType, summary: `«binary body, ${byteCount(bytes.length)}»` };
}
