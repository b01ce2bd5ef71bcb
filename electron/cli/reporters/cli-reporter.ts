import type { RunEvent, RunRequestResult, RunSummary } from '../../../shared/model/run';
import { painter, type Terminal } from '../terminal';
import { displayName, type RunReporter, type Scrub } from './reporter';

/**
 * The run as a person reads it. On a terminal the request in flight shows on a line that is
 * redrawn; in a log every finished request is one plain line, so CI output stays greppable.
 */
export function createCliReporter(terminal: Terminal, scrub: Scrub): RunReporter {
  const paint = painter(terminal.colour);
  const tick = terminal.colour ? '✓' : 'ok';
  const cross = terminal.colour ? '✗' : 'FAIL';
  let perIteration = 0;
  let iterations = 1;
  let liveLine = false;

  const clearLive = () => {
    if (liveLine) terminal.out('\r\u001b[2K');
    liveLine = false;
  };
  const line = (text: string) => {
    clearLive();
    terminal.out(`${scrub(text)}\n`);
  };
  // Names, messages and console lines come from collections and servers: no control characters reach the terminal.
  // eslint-disable-next-line no-control-regex
  const plain = (text: string) => text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');

  const describe = (result: RunRequestResult) => {
    const status = result.status !== undefined ? `${result.status} ${result.statusText ?? ''}`.trim() : (result.error?.code ?? 'no answer');
    const mark = result.passed ? paint('green', tick) : paint('red', cross);
    const figures = paint('dim', `${Math.round(result.timeMs)} ms, ${formatBytes(result.size)}`);
    return `${mark} ${result.method} ${plain(result.name)}  ${result.passed ? status : paint('red', status)}  ${figures}`;
  };

  return {
    name: 'cli',
    onEvent(event: RunEvent) {
      switch (event.type) {
        case 'run-started':
          perIteration = event.total;
          iterations = event.iterations;
          line(paint('bold', `${event.name}`) + paint('dim', `  (${event.total} request${event.total === 1 ? '' : 's'}${event.iterations > 1 ? ` × ${event.iterations} iterations` : ''})`));
          break;
        case 'request-started':
          if (terminal.interactive) {
            clearLive();
            const position = `[${event.index + 1}/${perIteration}${iterations > 1 ? `, iteration ${event.iteration + 1}` : ''}]`;
            terminal.out(scrub(paint('cyan', `→ ${position} ${event.method} ${plain(event.name)}…`.slice(0, terminal.width - 1))));
            liveLine = true;
          }
          break;
        case 'request-finished': {
          const result = event.result;
          if (result.skipped) {
            line(`${paint('yellow', '-')} ${result.method} ${plain(result.name)}  ${paint('dim', 'skipped')}`);
            break;
          }
          line(`${iterations > 1 ? paint('dim', `#${result.iteration + 1} `) : ''}${describe(result)}`);
          for (const assertion of result.assertions) {
            const name = plain(assertion.name);
            if (assertion.skipped) line(`    ${paint('yellow', '-')} ${name} ${paint('dim', '(skipped)')}`);
            else if (assertion.passed) line(`    ${paint('green', tick)} ${name}`);
            else line(`    ${paint('red', cross)} ${name}${assertion.message ? `: ${plain(assertion.message)}` : ''}`);
          }
          if (result.error) line(`    ${paint('red', plain(result.error.message))}`);
          // A script reaching another host is worth seeing even when the run passes.
          for (const reached of result.foreignScriptRequests ?? []) {
            const outcome = reached.refused ? paint('red', 'refused: it would carry a secret there') : reached.status !== undefined ? String(reached.status) : paint('red', plain(reached.error ?? 'no answer'));
            line(`    ${paint('yellow', '↗')} script sent ${reached.method} to ${plain(reached.host)} (not the profile's host): ${outcome}`);
          }
          break;
        }
        case 'console':
          line(paint('dim', `    │ ${plain(event.message)}`));
          break;
        case 'run-finished':
          break;
      }
    },
    async finish(summary: RunSummary) {
      clearLive();
      const { requests, assertions } = summary;
      line('');
      line(`Requests:   ${requests.total} run, ${paint('green', `${requests.passed} passed`)}, ${requests.failed > 0 ? paint('red', `${requests.failed} failed`) : '0 failed'}`);
      line(`Assertions: ${assertions.total} run, ${paint('green', `${assertions.passed} passed`)}, ${assertions.failed > 0 ? paint('red', `${assertions.failed} failed`) : '0 failed'}`);
      line(`Time:       ${Math.round(summary.totalTimeMs)} ms${summary.outcome === 'completed' ? '' : `  (${outcomeText(summary.outcome)})`}`);
      const failed = summary.results.filter((result) => !result.passed);
      if (failed.length > 0) {
        line('');
        line(paint('red', 'Failures:'));
        failed.forEach((result, n) => line(`  ${n + 1}. ${plain(displayName(result))}: ${plain(failureReason(result))}`));
      }
    },
  };
}

function outcomeText(outcome: RunSummary['outcome']): string {
  switch (outcome) {
    case 'stopped-on-failure':
      return 'stopped at the first failure';
    case 'cancelled':
      return 'cancelled';
    default:
      return outcome;
  }
}

export function failureReason(result: RunRequestResult): string {
  const reason = plainReason(result);
  // A known Vipps mistake names the one thing to change, which a bare status cannot.
  return result.hint ? `${reason} — ${result.hint.title}: ${result.hint.fix}` : reason;
}

function plainReason(result: RunRequestResult): string {
  if (result.error) return result.error.message;
  const failedAssertions = result.assertions.filter((assertion) => !assertion.passed && !assertion.skipped);
  if (failedAssertions.length > 0) return failedAssertions.map((assertion) => `${assertion.name}${assertion.message ? ` (${assertion.message})` : ''}`).join('; ');
  const answered = `answered ${result.status ?? ''} ${result.statusText ?? ''}`.trim();
  return result.hint ? answered : answered + (statusHints[result.status ?? 0] ?? '');
}

/** What a bare status most often means for a Vipps API, so a CI log says what to check. */
const statusHints: Record<number, string> = {
  401: ': the keys or the access token were refused. Check VIPPS_CLIENT_ID, VIPPS_CLIENT_SECRET and VIPPS_SUBSCRIPTION_KEY (or the profile’s keys) and that they belong to this environment.',
  403: ': these keys may not use this API or this Merchant Serial Number. Check VIPPS_MSN and the sales unit’s API access.',
  404: ': nothing at this URL; check the base URL and the ids in the path.',
};

function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
