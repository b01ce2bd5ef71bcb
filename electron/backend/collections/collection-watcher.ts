import fs from 'node:fs';
import path from 'node:path';
import { TEMP_PREFIX } from './atomic-file';

const DEBOUNCE_MS = 150;

/**
 * Notices changes made outside the app (a `git pull`, an editor) to one collection folder.
 * Events for files the app itself just wrote are recognised by their size and modification time
 * and ignored, so the app's own saves do not force a full re-read.
 */
export class CollectionWatcher {
  readonly #root: string;
  readonly #onExternalChange: () => void;
  readonly #own = new Map<string, { mtimeMs: number; size: number } | 'gone'>();
  #watcher: fs.FSWatcher | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(root: string, onExternalChange: () => void, log: (line: string) => void = () => {}) {
    this.#root = root;
    this.#onExternalChange = onExternalChange;
    try {
      this.#watcher = fs.watch(root, { recursive: true, persistent: false }, (_type, filename) => this.#seen(filename ? String(filename) : undefined));
      this.#watcher.on('error', (error) => {
        log(`collections: stopped watching ${root}: ${error.message}`);
        this.close();
        onExternalChange();
      });
    } catch (error) {
      log(`collections: cannot watch ${root}: ${error instanceof Error ? error.message : String(error)}`);
    }
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
    clearTimeout(this.#timer);
    this.#watcher?.close();
    this.#watcher = undefined;
  }

  #seen(filename: string | undefined): void {
    if (filename !== undefined) {
      if (path.basename(filename).startsWith(TEMP_PREFIX)) return;
      const file = path.join(this.#root, filename);
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
