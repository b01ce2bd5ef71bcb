import { contractEvents, type EventMessage, type EventName, type EventPayload } from '../../../shared/contract';

export type EventListener = (message: EventMessage) => void;

/**
 * The backend's one outlet for pushed events. The hosts (Electron window, browser host's SSE
 * stream, in-process subscribers) each subscribe once and forward what arrives. Payloads are
 * parsed against the contract before they leave, so nothing undeclared (a secret, an internal
 * path) rides along, and a listener that throws cannot stop the others or the publisher.
 */
export class EventBus {
  readonly #listeners = new Set<EventListener>();
  readonly #log: (line: string) => void;

  constructor(log: (line: string) => void = () => {}) {
    this.#log = log;
  }

  publish<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = contractEvents[event].safeParse(payload);
    if (!checked.success) {
      this.#log(`backend: a "${event}" event did not match its contract and was dropped: ${checked.error.message}`);
      return;
    }
    const message = { event, payload: checked.data } as EventMessage;
    for (const listener of [...this.#listeners]) {
      try {
        listener(message);
      } catch (error) {
        this.#log(`backend: an event listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }
}
