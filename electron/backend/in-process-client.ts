import { methodNames, type EventName, type EventPayload, type ExplorerApi, type ExplorerEvents } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { CallContext } from './dispatch';
import type { EventBus } from './events/event-bus';

export type InProcessClient = ExplorerApi & ExplorerEvents;

/**
 * The contract as a typed object for callers in the same process (the command line, tests):
 * every call goes through the same dispatcher as IPC and HTTP, so inputs are validated and
 * outputs filtered exactly as for the window.
 */
export function createInProcessClient(
  backend: { call(method: string, input: unknown, ctx?: Partial<CallContext>): Promise<Result<unknown>>; readonly events: Pick<EventBus, 'subscribe'> },
  host: CallContext['host'] = 'cli',
): InProcessClient {
  const api = Object.fromEntries(methodNames.map((name) => [name, (input: unknown) => backend.call(name, input, { host })])) as unknown as ExplorerApi;
  const subscribe = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) =>
    backend.events.subscribe((message) => {
      if (message.event === event) listener(message.payload as EventPayload<E>);
    });
  return Object.assign(api, { subscribe });
}
