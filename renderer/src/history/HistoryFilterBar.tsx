import { httpMethods } from '../../../shared/contract/requests';
import { STATUS_CHOICES, statusCodeProblem, type HistoryFilters, type StatusChoice } from './history-filters';

export interface HistoryFilterBarProps {
  filters: HistoryFilters;
  onChange(filters: HistoryFilters): void;
}

/** Search, method and status; the view waits for a pause in typing before it asks the backend. */
export function HistoryFilterBar({ filters, onChange }: HistoryFilterBarProps) {
  const set = (patch: Partial<HistoryFilters>) => onChange({ ...filters, ...patch });
  const codeProblem = filters.status === 'code' ? statusCodeProblem(filters.code) : null;
  return (
    <div role="search" className="history-filters" aria-label="Filter the history">
      <div className="history-field history-field-grow">
        <label htmlFor="history-search">Search</label>
        <input
          id="history-search"
          type="search"
          placeholder="URL, label, header or body text"
          value={filters.text}
          maxLength={500}
          onChange={(event) => set({ text: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && filters.text) {
              event.preventDefault();
              set({ text: '' });
            }
          }}
        />
      </div>
      <div className="history-field">
        <label htmlFor="history-method">Method</label>
        <select id="history-method" value={filters.method} onChange={(event) => set({ method: event.target.value })}>
          <option value="">Any method</option>
          {httpMethods.map((method) => (
            <option key={method} value={method}>
              {method}
            </option>
          ))}
        </select>
      </div>
      <div className="history-field">
        <label htmlFor="history-status">Status</label>
        <select id="history-status" value={filters.status} onChange={(event) => set({ status: event.target.value as StatusChoice })}>
          {STATUS_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      {filters.status === 'code' && (
        <div className="history-field">
          <label htmlFor="history-code">Status code</label>
          <input
            id="history-code"
            className="history-code"
            inputMode="numeric"
            placeholder="e.g. 409"
            maxLength={3}
            value={filters.code}
            aria-invalid={codeProblem ? true : undefined}
            aria-describedby={codeProblem ? 'history-code-problem' : undefined}
            onChange={(event) => set({ code: event.target.value })}
          />
          {codeProblem && (
            <span id="history-code-problem" className="field-error">
              {codeProblem}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
