import { contractEvents, type EventMessage, type EventName, type EventPayload } from '../../../shared/contract';
import { ProjectionMismatch, projectorFor, type Projector } from './contract-projection';

export type EventListener = (message: EventMessage) => void;

/**
 * The backend's one outlet for pushed events. The hosts (Electron window, browser host's SSE
 * stream, in-process subscribers) each subscribe once and forward what arrives. Payloads are
 * checked against the contract before they leave and copied with only its declared fields, so
 * nothing undeclared (a secret, an internal path) rides along, and a listener that throws cannot
 * stop the others or the publisher. The check is the schema read once per event name into a
 * projector (contract-projection.ts): a run publishes several events per request, and zod's parse
 * of each was a cost every request paid.
 */
export class EventBus {
  readonly #listeners = new Set<EventListener>();
  readonly #log: (line: string) => void;
  readonly #projectors = new Map<EventName, Projector>();

  constructor(log: (line: string) => void = () => {}) {
    this.#log = log;
  }

  publish<E extends EventName>(event: E, payload: EventPayload<E>): void {
    let checked: EventPayload<E>;
    try {
      checked = this.#projector(event)(payload) as EventPayload<E>;
    } catch (error) {
      const why = error instanceof ProjectionMismatch ? error.describe() : error instanceof Error ? error.message : String(error);
      this.#log(`backend: a "${event}" event did not match its contract and was dropped: ${why}`);
      return;
    }
    const message = { event, payload: checked } as EventMessage;
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

  #projector(event: EventName): Projector {
    let projector = this.#projectors.get(event);
    if (!projector) {
      projector = projectorFor(contractEvents[event]);
      this.#projectors.set(event, projector);
    }
    return projector;
  }
}
