import { useEffect, useRef } from 'react';
import type { EventName, EventPayload, ExplorerApi, ExplorerEvents } from '../../../shared/contract';

/**
 * Follows one kind of backend event while the component is shown. The client carries
 * `subscribe` beside the methods (Electron's preload, the browser host's SSE stream); a test
 * host without it simply delivers nothing.
 */
export function useBackendEvent<E extends EventName>(api: ExplorerApi, event: E, listener: (payload: EventPayload<E>) => void): boolean {
  const latest = useRef(listener);
  latest.current = listener;
  const client = api as ExplorerApi & Partial<ExplorerEvents>;
  const available = typeof client.subscribe === 'function';
  useEffect(() => {
    if (!available) return;
    return (client as ExplorerEvents).subscribe<E>(event, (payload) => latest.current(payload));
  }, [client, event, available]);
  return available;
}
