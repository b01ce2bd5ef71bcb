import { randomUUID } from 'node:crypto';
import type { Notice } from '../../../shared/contract';

/** Things the user must be told once (a moved-aside file, a missing keychain), kept for this run. */
export class NoticeBoard {
  #notices: Notice[] = [];

  add(level: Notice['level'], message: string): Notice {
    const notice: Notice = { id: randomUUID(), level, message, createdAt: new Date().toISOString() };
    this.#notices.push(notice);
    return notice;
  }

  list(): Notice[] {
    return [...this.#notices];
  }

  dismiss(id: string): boolean {
    const before = this.#notices.length;
    this.#notices = this.#notices.filter((n) => n.id !== id);
    return this.#notices.length !== before;
  }
}
