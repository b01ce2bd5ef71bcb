import { parseJsonOrNull } from '../../../shared/json';
import { EVENTS_PATH, isEventName, RPC_TOKEN_HEADER, type EventName, type ExplorerEvents } from '../../../shared/contract';

const RETRY_MS = 2_000;

/** Splits a Server-Sent Events text stream into (event, data) pairs; comments and ids are ignored. */
export function createSseParser(onMessage: (event: string, data: string) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk.replace(/\r\n?/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length > 0) onMessage(event, data.join('\n'));
      end = buffer.indexOf('\n\n');
    }
  };
}

/**
 * The browser host's `GET /events` as `subscribe(event, listener)`. The stream is read with fetch
 * so the launch token can travel in a header (EventSource cannot send one); it opens with the
 * first listener, reconnects after a drop, and closes when the last listener leaves.
 */
export function createHttpEvents(token: string | null, fetchImpl: typeof fetch): ExplorerEvents {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let controller: AbortController | null = null;

  const deliver = (event: string, data: string) => {
    if (!isEventName(event)) return;
    const payload = parseJsonOrNull(data);
    if (payload === null) return;
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
  };

  const connect = async (own: AbortController) => {
    while (!own.signal.aborted) {
      try {
        const response = await fetchImpl(EVENTS_PATH, { headers: { [RPC_TOKEN_HEADER]: token ?? '', Accept: 'text/event-stream' }, signal: own.signal });
        if (response.ok && response.body) {
          const parse = createSseParser(deliver);
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            parse(value);
          }
        }
      } catch {
        // A dropped stream (host restarted, laptop asleep) is retried below.
      }
      if (own.signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  };

  const hasListeners = () => [...listeners.values()].some((set) => set.size > 0);

  return {
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      if (!controller && token) {
        controller = new AbortController();
        void connect(controller);
      }
      return () => {
        set.delete(wrapped);
        if (!hasListeners() && controller) {
          controller.abort();
          controller = null;
        }
      };
    },
  };
}
