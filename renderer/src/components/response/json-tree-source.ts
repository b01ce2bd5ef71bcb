import { JsonTreeModel, type ChildrenPage, type JsonPath, type ParseOutcome, type SearchResult, type TreeRow } from '../../workers/json-tree-model';
import { answerTreeRequest, type TreeAnswers, type TreeReply, type TreeRequest } from '../../workers/json-tree-protocol';

/** The tree view's questions about a parsed body, answered by the worker or, for small bodies, in this thread. */
export interface JsonTreeSource {
  append(text: string): void;
  finish(): Promise<ParseOutcome>;
  children(path: JsonPath, from: number, to: number): Promise<ChildrenPage>;
  describe(paths: JsonPath[]): Promise<(TreeRow | null)[]>;
  search(query: string, limit?: number): Promise<SearchResult>;
  valueText(path: JsonPath): Promise<string>;
  dispose(): void;
  readonly inWorker: boolean;
  /** Distinct per source, so a view can start afresh when the body changes. */
  readonly id: number;
}

/** What carries requests to a model and replies back: a Worker, or a stand-in in this thread. */
export interface TreePort {
  post(request: TreeRequest): void;
  onReply(listener: (reply: TreeReply) => void): void;
  onFailure(listener: (message: string) => void): void;
  close(): void;
}

/** Bodies up to this many characters are parsed in this thread; a worker costs more than it saves. */
export const MAIN_THREAD_LIMIT = 1024 * 1024;

type Pending = { resolve(value: unknown): void; reject(error: Error): void };
type Question = Exclude<TreeRequest, { type: 'append' }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

let sourceCount = 0;

export function createTreeSource(port: TreePort, inWorker: boolean): JsonTreeSource {
  let nextId = 1;
  let failure: string | null = null;
  const pending = new Map<number, Pending>();
  port.onReply((reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(new Error(reply.message));
  });
  port.onFailure((message) => {
    failure = message;
    for (const waiting of pending.values()) waiting.reject(new Error(message));
    pending.clear();
  });

  function ask<K extends Question['type']>(request: DistributiveOmit<Extract<Question, { type: K }>, 'id'>): Promise<TreeAnswers[K]> {
    if (failure) return Promise.reject(new Error(failure));
    const id = nextId++;
    return new Promise<TreeAnswers[K]>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      port.post({ ...request, id } as TreeRequest);
    });
  }

  return {
    inWorker,
    id: ++sourceCount,
    append: (text) => port.post({ id: 0, type: 'append', text }),
    finish: () => ask<'finish'>({ type: 'finish' }),
    children: (path, from, to) => ask<'children'>({ type: 'children', path, from, to }),
    describe: (paths) => ask<'describe'>({ type: 'describe', paths }),
    search: (query, limit = 10_000) => ask<'search'>({ type: 'search', query, limit }),
    valueText: (path) => ask<'value'>({ type: 'value', path }),
    dispose: () => {
      failure = 'The JSON viewer was closed.';
      for (const waiting of pending.values()) waiting.reject(new Error(failure));
      pending.clear();
      port.close();
    },
  };
}

/** Answers in this thread, one microtask later, so callers see the same asynchronous shape as with a worker. */
export function inThreadPort(): TreePort {
  const model = new JsonTreeModel();
  let listener: ((reply: TreeReply) => void) | null = null;
  let closed = false;
  return {
    post: (request) => {
      const reply = answerTreeRequest(model, request);
      if (reply) queueMicrotask(() => !closed && listener?.(reply));
    },
    onReply: (next) => {
      listener = next;
    },
    onFailure: () => {},
    close: () => {
      closed = true;
    },
  };
}

function workerPort(): TreePort {
  const worker = new Worker(new URL('../../workers/json-tree.worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (request) => worker.postMessage(request),
    onReply: (listener) => {
      worker.onmessage = (event: MessageEvent<TreeReply>) => listener(event.data);
    },
    onFailure: (listener) => {
      worker.onerror = (event) => {
        event.preventDefault();
        listener(`The JSON viewer's background worker stopped${event.message ? `: ${event.message}` : ''}. The body is still readable in the Raw tab.`);
      };
    },
    close: () => worker.terminate(),
  };
}

/** A worker for large bodies where the platform has workers; this thread otherwise. */
export function openTreeSource(expectedChars: number): JsonTreeSource {
  if (expectedChars > MAIN_THREAD_LIMIT && typeof Worker !== 'undefined') return createTreeSource(workerPort(), true);
  return createTreeSource(inThreadPort(), false);
}
