import type { SendResult } from '../../../../shared/contract/requests';
import type { ResponseExplanation } from './ExplanationBanner';
import { parseJsonOrNull } from '../../../../shared/json';
import { diagnoseMistake } from '../../../../shared/vipps/mistakes';
import { readVippsProblem } from './vipps-problems';

/** Error bodies larger than this are not read for field problems; real ones are a few hundred bytes. */
const PROBLEM_BODY_LIMIT = 256 * 1024;

function parseSmallBody(result: SendResult): unknown {
  if (result.body.kind !== 'inline' || result.body.encoding !== 'utf8' || result.body.text.length > PROBLEM_BODY_LIMIT) return undefined;
  return parseJsonOrNull(result.body.text) ?? undefined;
}

/** What the app itself can say about an error answer: the fields a Vipps error body names. */
export function defaultExplanation(result: SendResult): ResponseExplanation | null {
  if (result.status < 400) return null;
  // A known Vipps mistake says what to change, which beats restating the error.
  const text = result.body.kind === 'inline' && result.body.encoding === 'utf8' ? result.body.text.slice(0, PROBLEM_BODY_LIMIT) : '';
  const mistake = diagnoseMistake({ method: result.sent.method, url: result.sent.url, headers: result.sent.headers, requestBody: result.sent.body, status: result.status, responseHeaders: result.headers, responseBody: text });
  if (mistake) return { tone: 'error', title: mistake.title, text: mistake.fix };
  const problem = readVippsProblem(parseSmallBody(result));
  if (!problem) return null;
  return {
    tone: 'error',
    title: problem.title ?? `The server answered ${result.status}`,
    text: problem.detail ?? '',
    fieldIssues: problem.fieldIssues,
  };
}

/**
 * The page's explanation wins (it knows the step, e.g. that receipts are write-once); when it
 * names no fields, the fields from the error body are listed under it.
 */
export function explainResponse(result: SendResult, explain?: (result: SendResult) => ResponseExplanation | null): ResponseExplanation | null {
  const fallback = defaultExplanation(result);
  const own = explain?.(result) ?? null;
  if (!own) return fallback;
  if (own.fieldIssues && own.fieldIssues.length > 0) return own;
  return fallback?.fieldIssues?.length ? { ...own, fieldIssues: fallback.fieldIssues } : own;
}
