import type { ExplorerApi } from '../../shared/contract';
import type { RunEvent, RunOptionsInput, RunSummary } from '../../shared/model/run';
import { CliFailure, ExitCode, failureFromBackend } from './exit-codes';
import type { RunReporter } from './reporters/reporter';

/** The slice of the in-process client a run needs: start, cancel, and the run events. */
export interface RunClient {
  startRun: ExplorerApi['startRun'];
  cancelRun: ExplorerApi['cancelRun'];
  subscribe(event: 'run', listener: (payload: RunEvent) => void): () => void;
}

export interface DriveOptions {
  /** newman's --timeout: the whole run is cancelled after this long. */
  runTimeoutMs?: number;
  /** Ctrl-C cancels the run (the request in flight is aborted), and reports still get written. */
  cancelSignal?: AbortSignal;
}

export interface DrivenRun {
  summary: RunSummary;
  timedOut: boolean;
}

/**
 * Starts a run in the backend's runner and feeds its events to the reporters until it finishes.
 * The loop itself is the runner's; this only listens, so the CLI and the app cannot disagree on
 * what a run does.
 */
export async function driveRun(client: RunClient, options: RunOptionsInput, reporters: RunReporter[], drive: DriveOptions = {}): Promise<DrivenRun> {
  let runId: string | undefined;
  const early: RunEvent[] = [];
  let finish: (summary: RunSummary) => void = () => {};
  const finished = new Promise<RunSummary>((resolve) => (finish = resolve));
  const deliver = (event: RunEvent) => {
    for (const reporter of reporters) reporter.onEvent(event);
    if (event.type === 'run-finished') finish(event.summary);
  };
  // Subscribed before the start, so not even the first event can be missed; events of other runs are ignored.
  const unsubscribe = client.subscribe('run', (event) => {
    if (runId === undefined) early.push(event);
    else if (event.runId === runId) deliver(event);
  });
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const cancel = () => {
    if (runId !== undefined) void client.cancelRun({ runId });
  };
  try {
    const started = await client.startRun(options);
    if (!started.ok) throw failureFromBackend(started.error, 'Starting the run');
    runId = started.value.runId;
    for (const event of early.splice(0)) if (event.runId === runId) deliver(event);
    if (drive.runTimeoutMs !== undefined) {
      timer = setTimeout(() => {
        timedOut = true;
        cancel();
      }, drive.runTimeoutMs);
    }
    drive.cancelSignal?.addEventListener('abort', cancel, { once: true });
    const summary = await finished;
    for (const reporter of reporters) await reporter.finish(summary);
    return { summary, timedOut };
  } finally {
    clearTimeout(timer);
    drive.cancelSignal?.removeEventListener('abort', cancel);
    unsubscribe();
  }
}

/** 0 only when the run completed and nothing failed; a cancelled or timed-out run is a failure. */
export function exitCodeOf(run: DrivenRun): ExitCode {
  const { summary } = run;
  if (run.timedOut || summary.outcome !== 'completed') return ExitCode.failed;
  return summary.requests.failed === 0 && summary.assertions.failed === 0 ? ExitCode.passed : ExitCode.failed;
}

export function timeoutFailure(ms: number): CliFailure {
  return new CliFailure(`The run took longer than --timeout ${ms} ms and was cancelled.`, ExitCode.failed, 'Raise --timeout, or find the slow request in the report (--timeout-request limits each request).');
}
