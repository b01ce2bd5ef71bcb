import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { NoticeBoard } from './notices';
import { findUnknownFields, restoreUnknownFields, type UnknownFields } from './unknown-fields';

/**
 * The slice of the electron-store / conf API we use. Both libraries share the file format and
 * write atomically; the host picks which one backs the store (electron-store inside Electron,
 * conf in plain Node), so the backend never imports `electron`.
 */
export interface KeyValueFile {
  readonly path: string;
  store: Record<string, unknown>;
}
export type StoreFactory = (options: { cwd: string; name: string }) => KeyValueFile;

export type Migration = (previous: unknown) => unknown;

export interface DocumentOptions<T> {
  factory: StoreFactory;
  dir: string;
  /** File name without extension, e.g. "profiles". */
  name: string;
  /** What the user calls this data, for notices ("saved profiles"). */
  label: string;
  schema: z.ZodType<T>;
  version: number;
  /** migrations[n] turns data of version n into version n + 1. */
  migrations?: Record<number, Migration>;
  defaults: () => T;
  notices: NoticeBoard;
  now?: () => Date;
}

export interface DocumentStore<T> {
  readonly path: string;
  read(): T;
  write(next: T): void;
  update(change: (current: T) => T): T;
}

interface Envelope {
  schemaVersion: number;
  data: unknown;
}

function timestampForFileName(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function moveAside(file: string, now: Date): string {
  const parsed = path.parse(file);
  const target = path.join(parsed.dir, `${parsed.name}.corrupt-${timestampForFileName(now)}${parsed.ext}`);
  fs.renameSync(file, target);
  return target;
}

/** Documents hold keys and history: only their owner may read them. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Makes a private folder, and takes group and world access away from one that already exists. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dir, PRIVATE_DIR_MODE);
}

function tighten(target: string, mode: number): void {
  try {
    const stat = fs.statSync(target);
    if ((stat.mode & 0o077) !== 0) fs.chmodSync(target, mode);
  } catch {
    // Not ours to change (another owner, a read-only disk): the app still works.
  }
}

const describeJsonValue = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`);

/**
 * Why a file on disk is no document of ours, or undefined when it looks like one (or is
 * missing). The key-value libraries read `null`, `[]` or `5` as an empty store, which would
 * silently replace the file with defaults; those are moved aside like any other corruption.
 */
function notADocument(file: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  if (text.trim() === '') return 'it is empty';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined; // The store's own reader reports the syntax error with its position.
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `it holds ${describeJsonValue(value)} instead of a saved document`;
  if (!('schemaVersion' in value) || !('data' in value)) return 'it holds no saved document (no schemaVersion and data)';
  return undefined;
}

function upgrade<T>(envelope: Envelope, options: DocumentOptions<T>): { value: T; unknown: UnknownFields | undefined } {
  let { schemaVersion: version, data } = envelope;
  if (!Number.isInteger(version) || version < 1) throw new Error('it has no valid schema version');
  if (version > options.version) {
    throw new Error(`it was written by a newer version of Vipps Explorer (format ${version}, this app reads up to ${options.version})`);
  }
  while (version < options.version) {
    const migrate = options.migrations?.[version];
    if (!migrate) throw new Error(`no migration from format ${version}`);
    data = migrate(data);
    version += 1;
  }
  const parsed = options.schema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`its content does not match the expected format (${first ? `${first.path.join('.')}: ${first.message}` : 'unknown field'})`);
  }
  return { value: parsed.data, unknown: findUnknownFields(data, parsed.data) };
}

/**
 * A versioned JSON document on disk. An unreadable, corrupt, empty, wrong-shaped or too-new
 * file is never overwritten: it is renamed beside itself with a timestamp, the app carries on
 * with defaults, and a notice names the moved file so the user can recover it. Fields this
 * version does not know survive the app's writes. Files are 0600, folders 0700.
 */
export function openDocument<T>(options: DocumentOptions<T>): DocumentStore<T> {
  const now = options.now ?? (() => new Date());
  ensurePrivateDir(options.dir);
  const filePath = path.join(options.dir, `${options.name}.json`);
  tighten(filePath, PRIVATE_FILE_MODE);

  let file: KeyValueFile;
  let current: T;
  let unknown: UnknownFields | undefined;
  let reason: string | undefined;
  try {
    const shape = notADocument(filePath);
    if (shape) throw new Error(shape);
    file = options.factory({ cwd: options.dir, name: options.name });
    const raw = file.store as Partial<Envelope>;
    if (Object.keys(raw).length === 0) {
      current = options.defaults();
    } else {
      const upgraded = upgrade({ schemaVersion: Number(raw.schemaVersion), data: raw.data }, options);
      current = upgraded.value;
      // Compared after migrations, so a field a migration renamed is not kept under its old name.
      const { schemaVersion: _version, data: _data, ...envelopeExtras } = raw as Record<string, unknown>;
      const kept: UnknownFields = { keys: envelopeExtras, nested: upgraded.unknown ? { data: upgraded.unknown } : {} };
      unknown = Object.keys(kept.keys).length > 0 || upgraded.unknown ? kept : undefined;
    }
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
    if (error instanceof SyntaxError) reason = `it is not valid JSON (${error.message})`;
    const moved = fs.existsSync(filePath) ? moveAside(filePath, now()) : undefined;
    options.notices.add(
      'warning',
      moved
        ? `Your ${options.label} could not be read: ${reason}. The file was moved to ${moved} and the app started with defaults. Nothing was deleted; restore it from there if you need it.`
        : `Your ${options.label} could not be opened: ${reason}. The app started with defaults.`,
    );
    file = options.factory({ cwd: options.dir, name: options.name });
    current = options.defaults();
  }

  const persist = (value: T) => {
    const envelope = restoreUnknownFields({ data: value }, unknown) as Record<string, unknown>;
    file.store = { ...envelope, schemaVersion: options.version, data: envelope.data };
  };
  if (reason !== undefined || !fs.existsSync(filePath)) persist(current);

  return {
    path: file.path,
    read: () => current,
    write(next) {
      const checked = options.schema.parse(next);
      persist(checked);
      current = checked;
    },
    update(change) {
      const next = change(current);
      this.write(next);
      return current;
    },
  };
}
