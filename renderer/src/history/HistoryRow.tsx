import type { HistorySummary } from '../../../shared/contract/history';
import { formatBytes, formatDuration } from '../components/common/format';
import { absoluteTime, splitUrl, statusBadge, timeAgo } from './history-format';

export interface HistoryRowProps {
  entry: HistorySummary;
  id: string;
  top: number;
  selected: boolean;
  position: number;
  setSize: number;
  now: number;
  onSelect(): void;
}

/** One send in the list: what was asked, what came back, when, how long and how much. */
export function HistoryRow({ entry, id, top, selected, position, setSize, now, onSelect }: HistoryRowProps) {
  const badge = statusBadge(entry);
  const { host, path } = splitUrl(entry.url);
  const when = absoluteTime(entry.time);
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-posinset={position}
      aria-setsize={setSize}
      className={`history-row${selected ? ' is-selected' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      data-testid="history-row"
      onClick={onSelect}
    >
      <span className="history-method">{entry.method}</span>
      <span className={`history-status history-status-${badge.tone}`} title={badge.description}>
        <span aria-hidden="true">{badge.text}</span>
        <span className="visually-hidden">{badge.description}</span>
      </span>
      <span className="history-what">
        <span className="history-title">{entry.label ?? path}</span>
        <span className="history-url" title={entry.url}>
          <span className="history-host">{host}</span>
          {entry.label && <span className="history-path">{path}</span>}
        </span>
      </span>
      <span className="history-facts">
        <time dateTime={entry.time} title={when}>
          {timeAgo(entry.time, now)}
        </time>
        <span>
          {entry.totalMs !== undefined && <span title="Total time">{formatDuration(entry.totalMs)}</span>}
          {entry.size !== undefined && <span title="Response size">{formatBytes(entry.size)}</span>}
        </span>
      </span>
    </div>
  );
}
