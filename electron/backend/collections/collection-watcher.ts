import fs from 'node:fs';
import path from 'node:path';
import { TEMP_PREFIX } from './atomic-file';
import { isIgnoredEntry } from './file-names';

const DEBOUNCE_MS = 150;

/**
 * Linux has no recursive inotify: Node emulates `recursive: true` there by polling every file
 * with a stat watcher (5,000 of them for a large collection, set up on open and polled for ever).
 * One plain watcher per folder sees the same changes (a folder watch reports its files' writes,
 * creations and removals) for a hundredth of the cost. Elsewhere the OS watches recursively, and
 * a watcher per folder would lock folders against renames on Windows.
 */
const PER_FOLDER = process.platform === 'linux';

/**
 * Notices changes made outside the app (a `git pull`, an editor) to one collection folder.
 * Events for files the app itself just wrote are recognised by their size and modification time
 * and ignored, so the app's own saves do not force a full re-read.
 */
export class CollectionWatcher {
  readonly #root: string;
  readonly #onExternalChange: () => void;
  readonly #own = new Map<string, { mtimeMs: number; size: number } | 'gone'>();
  readonly #log: (line: string) => void;
  /** Watched folders (absolute paths); one entry, the root, when the OS watches recursively. */
  readonly #watchers = new Map<string, fs.FSWatcher>();
  #timer: NodeJS.Timeout | undefined;
  #resyncTimer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(root: string, onExternalChange: () => void, log: (line: string) => void = () => {}) {
    this.#root = root;
    this.#onExternalChange = onExternalChange;
    this.#log = log;
    if (PER_FOLDER) this.#watchTree(root);
    else this.#watch(root, true);
  }

  #watch(dir: string, recursive: boolean): void {
    if (this.#closed || this.#watchers.has(dir)) return;
    try {
      const watcher = fs.watch(dir, { recursive, persistent: false }, (_type, filename) => this.#seen(dir, filename ? String(filename) : undefined));
      watcher.on('error', (error) => {
        // A watched sub-folder that was removed or moved away ends its watcher; that is a change too.
        if (dir !== this.#root) {
          this.#unwatch(dir);
          this.#seen(dir, undefined);
          return;
        }
        this.#log(`collections: stopped watching ${dir}: ${error.message}`);
        this.close();
        this.#onExternalChange();
      });
      this.#watchers.set(dir, watcher);
    } catch (error) {
      this.#log(`collections: cannot watch ${dir}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  #unwatch(dir: string): void {
    this.#watchers.get(dir)?.close();
    this.#watchers.delete(dir);
  }

  /** Watches `dir` and every folder below it that is not yet watched (new folders from a pull or a move). */
  #watchTree(dir: string): void {
    this.#watch(dir, false);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) if (entry.isDirectory() && !isIgnoredEntry(entry.name)) this.#watchTree(path.join(dir, entry.name));
  }

  /** Drops watchers of folders that are gone and adds the new ones. */
  #resync(): void {
    for (const dir of [...this.#watchers.keys()]) if (dir !== this.#root && !fs.existsSync(dir)) this.#unwatch(dir);
    this.#watchTree(this.#root);
  }

  /** Call right after the app wrote (or removed) a file, with its absolute path. */
  ownWrite(file: string): void {
    try {
      const stat = fs.statSync(file);
      this.#own.set(file, { mtimeMs: stat.mtimeMs, size: stat.size });
    } catch {
      this.#own.set(file, 'gone');
    }
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    clearTimeout(this.#resyncTimer);
    for (const watcher of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
  }

  #seen(dir: string, filename: string | undefined): void {
    if (PER_FOLDER) {
      // Folders come and go with the app's own moves too: the set of watched folders follows either way.
      clearTimeout(this.#resyncTimer);
      this.#resyncTimer = setTimeout(() => this.#resync(), DEBOUNCE_MS);
      this.#resyncTimer.unref?.();
    }
    if (filename !== undefined) {
      if (path.basename(filename).startsWith(TEMP_PREFIX)) return;
      const file = path.join(dir, filename);
      const own = this.#own.get(file);
      if (own !== undefined && this.#matches(file, own)) return;
      this.#own.delete(file);
    }
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#onExternalChange(), DEBOUNCE_MS);
    this.#timer.unref?.();
  }

  #matches(file: string, own: { mtimeMs: number; size: number } | 'gone'): boolean {
    try {
      const stat = fs.statSync(file);
      return own !== 'gone' && stat.mtimeMs === own.mtimeMs && stat.size === own.size;
    } catch {
      return own === 'gone';
    }
  }
}
