import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { NoticeBoard } from './notices';

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

function upgrade<T>(envelope: Envelope, options: DocumentOptions<T>): T {
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
  return parsed.data;
}

/**
 * A versioned JSON document on disk. An unreadable, corrupt or too-new file is never
 * overwritten: it is renamed beside itself with a timestamp, the app carries on with
 * defaults, and a notice names the moved file so the user can recover it.
 */
export function openDocument<T>(options: DocumentOptions<T>): DocumentStore<T> {
  const now = options.now ?? (() => new Date());
  fs.mkdirSync(options.dir, { recursive: true });
  const filePath = path.join(options.dir, `${options.name}.json`);

  let file: KeyValueFile;
  let current: T;
  let reason: string | undefined;
  try {
    file = options.factory({ cwd: options.dir, name: options.name });
    const raw = file.store as Partial<Envelope>;
    if (Object.keys(raw).length === 0) {
      current = options.defaults();
    } else {
      current = upgrade({ schemaVersion: Number(raw.schemaVersion), data: raw.data }, options);
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
    file.store = { schemaVersion: options.version, data: value } as unknown as Record<string, unknown>;
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
