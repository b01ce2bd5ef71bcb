import type { KnownPayments } from '../../backend';
import type { RunEvent } from '../../../shared/model/run';
import { orderCallOf, unmatchedOrderIdWarning } from '../../../shared/vipps/order-ids';
import type { RunReporter, Scrub } from '../reporters/reporter';
import { painter, type Terminal } from '../terminal';

/**
 * A line under each category, receipt or read-back whose orderId no payment of this run, the
 * history or the sandbox has: the API takes such a category or receipt and shows it nowhere, so
 * a run passes while the order stays bare. Placed after the cli reporter, the line follows the
 * request's own; without the cli reporter it goes to stderr, so JSON on stdout stays clean.
 */
export function createOrderIdReporter(payments: KnownPayments, terminal: Terminal, scrub: Scrub, toStdout: boolean): RunReporter {
  const paint = painter(terminal.colour);
  return {
    name: 'order-ids',
    onEvent(event: RunEvent) {
      if (event.type !== 'request-finished' || event.result.skipped) return;
      const call = orderCallOf(event.result.method, event.result.url);
      if (!call || payments.check(call.orderId).matches.length > 0) return;
      const text = `    ${paint('yellow', `! ${unmatchedOrderIdWarning(call)}`)}\n`;
      if (toStdout) terminal.out(scrub(text));
      else terminal.err(scrub(text));
    },
    async finish() {},
  };
}
