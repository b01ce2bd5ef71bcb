import type { Handlers } from '../dispatch';
import type { CollectionStore } from '../collections/collection-store';
import { resolveRunSource, type SourceExtras } from './run-source';
import type { Runner } from './runner';

export interface RunnerHandlerDeps {
  runner: Runner;
  store: CollectionStore;
  /** Extra behaviour of built-in collections' runs (the quick start's step records). */
  extras?: (collectionId: string) => SourceExtras | undefined;
}

export function createRunnerHandlers(deps: RunnerHandlerDeps): Pick<Handlers, 'startRun' | 'cancelRun' | 'getRun' | 'listRuns'> {
  const extras = deps.extras ?? (() => undefined);
  return {
    // The run outlives the call that started it: progress arrives as events, not as this answer.
    startRun: async (options) => ({ runId: deps.runner.start(options, resolveRunSource(options, deps.store, extras)).runId }),
    cancelRun: async ({ runId }) => ({ cancelled: deps.runner.cancel(runId) }),
    getRun: async ({ runId }) => deps.runner.get(runId),
    listRuns: async () => ({ runs: deps.runner.list() }),
  };
}
