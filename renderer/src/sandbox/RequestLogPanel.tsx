import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { SandboxLogEntry } from '../../../shared/contract/sandbox';
import { useExplorer } from '../api/ExplorerContext';
import { formatCount, formatDuration } from '../components/common/format';
import { formatClock, statusTone } from './sandbox-format';

export const LOG_REFRESH_MS = 2_000;
const LOG_LIMIT = 200;

const API_WORDS: Record<string, string> = { token: 'Token', om: 'Order Management', epayment: 'ePayment', ecom: 'eCom', recurring: 'Recurring' };
const FAULT_WORDS: Record<NonNullable<SandboxLogEntry['fault']>, string> = { error: 'error injected', latency: 'delayed' };

function apiName(entry: SandboxLogEntry): string {
  if (entry.api) return API_WORDS[entry.api] ?? entry.api;
  return entry.path.toLowerCase().startsWith('/__sandbox') ? 'Sandbox controls' : 'No such operation';
}

export interface RequestLogPanelProps {
  /** Bumped by the view after a reset, so the log reloads at once. */
  reloadKey: number;
  /** Called when the sandbox answered requests since the last look, so the contents can follow. */
  onNewRequests(): void;
}

/** The sandbox's own record of what reached it, newest first, optionally refreshing itself. */
export function RequestLogPanel({ reloadKey, onNewRequests }: RequestLogPanelProps) {
  const api = useExplorer();
  const [entries, setEntries] = useState<SandboxLogEntry[] | null>(null);
  const [seen, setSeen] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [auto, setAuto] = useState(true);
  const lastSeen = useRef<number | null>(null);
  const notify = useRef(onNewRequests);
  useEffect(() => {
    notify.current = onNewRequests;
  }, [onNewRequests]);
  const autoId = useId();

  const load = useCallback(async () => {
    const answer = await api.getSandboxLog({ limit: LOG_LIMIT });
    if (!answer.ok) {
      setProblem(answer.error.message);
      return;
    }
    setProblem(null);
    setEntries(answer.value.entries);
    setSeen(answer.value.requestsSeen);
    if (lastSeen.current !== null && answer.value.requestsSeen > lastSeen.current) notify.current();
    lastSeen.current = answer.value.requestsSeen;
  }, [api]);

  useEffect(() => {
    void load();
  }, [load, reloadKey]);

  useEffect(() => {
    if (!auto) return;
    let live = true;
    let timer: number | undefined;
    // A chain of timeouts, not an interval: a slow answer never piles up overlapping calls.
    const tick = async () => {
      await load();
      if (live) timer = window.setTimeout(() => void tick(), LOG_REFRESH_MS);
    };
    timer = window.setTimeout(() => void tick(), LOG_REFRESH_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [auto, load]);

  return (
    <section className="sb-card" aria-labelledby="sb-log-title">
      <div className="sb-card-heading">
        <h2 id="sb-log-title">Request log</h2>
        <span className="toolbar-spacer" />
        <input id={autoId} type="checkbox" checked={auto} onChange={(event) => setAuto(event.target.checked)} />
        <label htmlFor={autoId}>Refresh every 2 seconds</label>
        <button type="button" className="button-quiet" onClick={() => void load()}>
          Refresh log
        </button>
      </div>
      <p className="sb-hint">
        What reached the sandbox, newest first. It records the method, path and answer of each request, never header values, so no key or token is kept.
      </p>
      {problem && <p className="callout callout-error" role="alert">{problem}</p>}
      {entries && entries.length === 0 && <p className="sb-empty">No requests yet.</p>}
      {entries && entries.length > 0 && (
        <>
          <p className="sb-hint" data-testid="sandbox-log-summary">
            Showing the newest {formatCount(entries.length)} of {formatCount(seen)} requests answered since the sandbox started.
          </p>
          <div className="table-scroll sb-log-scroll" tabIndex={0} role="region" aria-label="Request log entries">
            <table className="sb-table sb-log" data-testid="sandbox-log">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Method</th>
                  <th scope="col">Path</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="sb-num">Took</th>
                  <th scope="col">API</th>
                  <th scope="col">MSN</th>
                  <th scope="col">Fault</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.seq}>
                    <td>{formatClock(entry.time)}</td>
                    <td><code>{entry.method}</code></td>
                    <td>
                      <code className="sb-wrap">{entry.path}</code>
                      {entry.notes.length > 0 && (
                        <ul className="sb-notes" aria-label="Accepted as the real service does">
                          {entry.notes.map((note) => (
                            <li key={note}>{note}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      <span className={`sb-status sb-status-${statusTone(entry.status)}`} data-testid="sandbox-log-status">{entry.status}</span>
                    </td>
                    <td className="sb-num">{formatDuration(entry.durationMs)}</td>
                    <td>{apiName(entry)}</td>
                    <td>{entry.msn ?? '–'}</td>
                    <td>{entry.fault ? <span className="sb-tag sb-tag-fault">{FAULT_WORDS[entry.fault]}</span> : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
