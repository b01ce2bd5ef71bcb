import { randomUUID } from 'node:crypto';
import type { Notice } from '../../../shared/contract';

/** A part of the app that keeps its own list of things to tell the user (the embedded sandbox). */
export type NoticeSource = () => readonly string[];

/** Sources are read at most this often: reading one may cost a snapshot of its state. */
const SOURCE_INTERVAL_MS = 2_000;

/**
 * Things the user must be told once (a moved-aside file, a missing keychain), kept for this run.
 * Every notice, from the backend or from a followed source, reaches the renderer through
 * `list()` (getStatus), which the status bar shows.
 */
export class NoticeBoard {
  #notices: Notice[] = [];
  readonly #sources: Array<{ read: NoticeSource; level: Notice['level']; seen: number }> = [];
  #lastPull = Number.NEGATIVE_INFINITY;

  add(level: Notice['level'], message: string): Notice {
    const notice: Notice = { id: randomUUID(), level, message, createdAt: new Date().toISOString() };
    this.#notices.push(notice);
    return notice;
  }

  /** Adds the notice unless one with the same message is still listed. */
  addOnce(level: Notice['level'], message: string): Notice {
    return this.#notices.find((n) => n.message === message) ?? this.add(level, message);
  }

  /** Takes over every message `read` returns, now and later, once each (the source's list only grows). */
  follow(read: NoticeSource, level: Notice['level'] = 'warning'): void {
    this.#sources.push({ read, level, seen: 0 });
    this.#lastPull = Number.NEGATIVE_INFINITY;
  }

  list(): Notice[] {
    this.#pull();
    return [...this.#notices];
  }

  dismiss(id: string): boolean {
    const before = this.#notices.length;
    this.#notices = this.#notices.filter((n) => n.id !== id);
    return this.#notices.length !== before;
  }

  #pull(): void {
    const now = Date.now();
    if (now - this.#lastPull < SOURCE_INTERVAL_MS) return;
    this.#lastPull = now;
    for (const source of this.#sources) {
      let messages: readonly string[];
      try {
        messages = source.read();
      } catch {
        continue; // A source that cannot answer now has nothing new to say.
      }
      for (const message of messages.slice(source.seen)) this.add(source.level, message);
      source.seen = Math.max(source.seen, messages.length);
    }
  }
}
