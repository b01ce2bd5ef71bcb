import type { RequestKey } from '../../../shared/quickstart/templates';

/**
 * Requests whose answer should be scrolled into view when it arrives: one sent with Send, or by
 * "Run all steps". Kept outside the request panel, which a page may remount meanwhile (Run all
 * moves from page to page as it goes).
 */
const awaitingAnswer = new Set<RequestKey>();

export function expectAnswer(key: RequestKey): void {
  awaitingAnswer.add(key);
}

/** True once for an answer that was waited for. */
export function takeAwaitedAnswer(key: RequestKey): boolean {
  return awaitingAnswer.delete(key);
}
