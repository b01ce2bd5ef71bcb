import type { MethodInput } from '../../../shared/contract';

export type HistoryQuery = Pick<MethodInput<'listHistory'>, 'text' | 'method' | 'status'>;

/** What the filter bar holds; `code` is only read when `status` is "code". */
export interface HistoryFilters {
  text: string;
  method: string;
  status: StatusChoice;
  code: string;
}

export type StatusChoice = '' | '2xx' | '3xx' | '4xx' | '5xx' | '1xx' | 'error' | 'code';

export const STATUS_CHOICES: readonly { value: StatusChoice; label: string }[] = [
  { value: '', label: 'Any status' },
  { value: '2xx', label: '2xx success' },
  { value: '3xx', label: '3xx redirect' },
  { value: '4xx', label: '4xx client error' },
  { value: '5xx', label: '5xx server error' },
  { value: '1xx', label: '1xx interim' },
  { value: 'error', label: 'No answer' },
  { value: 'code', label: 'One status code…' },
];

export const NO_FILTERS: HistoryFilters = { text: '', method: '', status: '', code: '' };

export function statusCodeProblem(code: string): string | null {
  if (code.trim() === '') return null;
  const value = Number(code);
  return /^\d{3}$/.test(code.trim()) && value >= 100 && value <= 599 ? null : 'A status code is three digits, from 100 to 599.';
}

/**
 * The listHistory filters for what the bar holds. A status code still being typed (or not a
 * code at all) filters nothing rather than everything, so the list does not blink empty.
 */
export function queryFor(filters: HistoryFilters): HistoryQuery {
  const query: HistoryQuery = {};
  const text = filters.text.trim();
  if (text) query.text = text.slice(0, 500);
  if (filters.method) query.method = filters.method;
  if (filters.status === 'code') {
    if (filters.code.trim() !== '' && !statusCodeProblem(filters.code)) query.status = Number(filters.code);
  } else if (filters.status) {
    query.status = filters.status;
  }
  return query;
}

export function isFiltered(query: HistoryQuery): boolean {
  return query.text !== undefined || query.method !== undefined || query.status !== undefined;
}
