import type { Handlers } from '../dispatch';
import type { CollectionStore } from '../collections/collection-store';
import type { RequestEngine } from '../engine/request-engine';
import type { ProfileService } from '../profiles/profile-service';
import { resolveRunSource, type SourceExtras } from './run-source';
import type { Runner } from './runner';
import { sendSavedRequest } from './saved-send';

export interface RunnerHandlerDeps {
  runner: Runner;
  store: CollectionStore;
  engine: RequestEngine;
  profiles: ProfileService;
  /** Extra behaviour of built-in collections' runs (the quick start's step records). */
  extras?: (collectionId: string) => SourceExtras | undefined;
}

export function createRunnerHandlers(deps: RunnerHandlerDeps): Pick<Handlers, 'startRun' | 'cancelRun' | 'getRun' | 'listRuns' | 'sendSavedRequest'> {
  const extras = deps.extras ?? (() => undefined);
  return {
    // The run outlives the call that started it: progress arrives as events, not as this answer.
    startRun: async (options) => ({ runId: deps.runner.start(options, resolveRunSource(options, deps.store, extras)).runId }),
    cancelRun: async ({ runId }) => ({ cancelled: deps.runner.cancel(runId) }),
    getRun: async ({ runId }) => deps.runner.get(runId),
    listRuns: async () => ({ runs: deps.runner.list() }),
    sendSavedRequest: (input, ctx) => sendSavedRequest(deps, input, ctx.signal),
  };
}
