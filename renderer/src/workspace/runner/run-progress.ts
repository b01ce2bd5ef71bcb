import type { RunEvent, RunRequestResult, RunSummary } from '../../../../shared/model/run';

/** What the runner view shows of one run, built from its events as they arrive. */
export interface RunProgress {
  runId: string;
  name: string;
  total: number;
  iterations: number;
  /** The request on its way, if any. */
  current: { name: string; iteration: number } | null;
  results: RunRequestResult[];
  console: Array<{ level: string; message: string }>;
  summary: RunSummary | null;
}

export function startProgress(runId: string): RunProgress {
  return { runId, name: '', total: 0, iterations: 1, current: null, results: [], console: [], summary: null };
}

/** Folds one event into the progress; events of other runs leave it as it is. */
export function applyRunEvent(progress: RunProgress, event: RunEvent): RunProgress {
  if (event.runId !== progress.runId) return progress;
  switch (event.type) {
    case 'run-started':
      return { ...progress, name: event.name, total: event.total, iterations: event.iterations };
    case 'request-started':
      return { ...progress, current: { name: event.name, iteration: event.iteration } };
    case 'request-finished':
      return { ...progress, current: null, results: [...progress.results, event.result] };
    case 'console':
      return { ...progress, console: [...progress.console.slice(-199), { level: event.level, message: event.message }] };
    case 'run-finished':
      return { ...progress, current: null, summary: event.summary, results: event.summary.results.length >= progress.results.length ? event.summary.results : progress.results };
  }
}

export function doneCount(progress: RunProgress): number {
  return progress.results.length;
}

export function expectedCount(progress: RunProgress): number {
  return progress.total * progress.iterations;
}
