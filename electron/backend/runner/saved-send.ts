import type { SavedSendResult } from '../../../shared/contract/runner';
import type { ApiRequest } from '../../../shared/model/request';
import type { CollectionStore } from '../collections/collection-store';
import type { RequestEngine } from '../engine/request-engine';
import { fail } from '../failure';
import type { ProfileService } from '../profiles/profile-service';
import { chainOf, resolveRunSource, type RunSource } from './run-source';
import type { Runner } from './runner';

export interface SavedSendDeps {
  runner: Runner;
  store: CollectionStore;
  engine: RequestEngine;
  profiles: ProfileService;
}

export interface SavedSendInput {
  collectionId: string;
  path: string;
  request: ApiRequest;
  profileId?: string;
  requestId?: string;
  confirmProduction?: boolean;
}

/**
 * Send in an editor tab that belongs to a saved request: the runner's own per-request code runs
 * it, so it behaves exactly as in a run (folder and collection variables with their secrets,
 * inherited auth, the chain's scripts), but with the tab's unsaved version of the request.
 */
export async function sendSavedRequest(deps: SavedSendDeps, input: SavedSendInput, signal?: AbortSignal): Promise<SavedSendResult> {
  const base = resolveRunSource({ collectionId: input.collectionId, path: '', iterations: 1, delayMs: 0, stopOnFailure: false, variables: {}, recordHistory: true, confirmProduction: false }, deps.store, () => undefined);
  const loaded = deps.store.loaded(input.collectionId);
  if (input.path === '' || loaded.folders.has(input.path)) fail('INVALID_INPUT', 'Only a request can be sent; this path names the collection or a folder. Open one of its requests.');
  // The request may have been moved or deleted since the tab opened: its folder's settings still apply if that folder exists.
  const item = { path: input.path, request: input.request, chain: chainOf(loaded, input.path) };
  // A single Send neither records quick-start step states nor lets a built-in collection rebuild the request.
  const source: RunSource = { collectionId: base.collectionId, name: base.name, items: [item], secretValue: base.secretValue, ...(base.saveVariables ? { saveVariables: base.saveVariables } : {}) };
  const profileId = input.profileId ?? deps.profiles.active().id;
  const outcome = await deps.runner.runItem({ source, item, profileId, ...(input.requestId ? { requestId: input.requestId } : {}), confirmProduction: input.confirmProduction === true }, signal);
  const sent = outcome.sent ? await deps.engine.redactForWindow(outcome.sent, profileId, outcome.secrets) : undefined;
  return {
    ...(sent ? { result: sent } : {}),
    ...(outcome.result.error ? { error: outcome.result.error } : {}),
    assertions: outcome.result.assertions,
    console: outcome.console,
    skipped: outcome.result.skipped,
    setVariables: outcome.result.setVariables,
  };
}
