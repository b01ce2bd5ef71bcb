import { useCallback, useRef, useState } from 'react';
import type { ExplorerApi } from '../../../../shared/contract';
import type { SendResult } from '../../../../shared/contract/requests';
import type { ExplorerError } from '../../../../shared/errors';
import type { ApiRequest, RequestAuth } from '../../../../shared/model/request';
import type { TestOutcome } from './TestResults';
import { toWireRequest } from './wire';

export interface TabOutcome {
  sending: boolean;
  result: SendResult | null;
  error: ExplorerError | null;
  /** The request that was sent, for "Send to Production" after a confirmation. */
  lastRequest?: ApiRequest;
  /** Test results and script output, for a request sent from its collection. */
  tests?: TestOutcome;
}

/** A tab bound to a saved request: Send resolves it as its collection's run would. */
export interface SavedOrigin {
  collectionId: string;
  path: string;
}

const IDLE: TabOutcome = { sending: false, result: null, error: null };

/** Sends a tab's request and keeps each tab's last answer while the app runs. */
export function useRequestSender(api: ExplorerApi) {
  const [outcomes, setOutcomes] = useState<Record<string, TabOutcome>>({});
  const inFlight = useRef(new Map<string, string>());

  const set = (tabId: string, outcome: TabOutcome) => setOutcomes((current) => ({ ...current, [tabId]: outcome }));

  // The backend runs it through the runner's per-request code: secrets, inherited auth and scripts included.
  const sendSaved = useCallback(async (tabId: string, request: ApiRequest, saved: SavedOrigin, confirmProduction: boolean) => {
    const requestId = globalThis.crypto.randomUUID();
    inFlight.current.set(tabId, requestId);
    setOutcomes((current) => ({ ...current, [tabId]: { ...(current[tabId] ?? IDLE), sending: true, lastRequest: request } }));
    const answer = await api.sendSavedRequest({ collectionId: saved.collectionId, path: saved.path, request, requestId, ...(confirmProduction ? { confirmProduction: true } : {}) });
    if (inFlight.current.get(tabId) !== requestId) return;
    inFlight.current.delete(tabId);
    if (!answer.ok) return set(tabId, { sending: false, result: null, error: answer.error, lastRequest: request });
    const { result, error, assertions, console, skipped } = answer.value;
    set(tabId, { sending: false, result: result ?? null, error: error ?? null, lastRequest: request, tests: { assertions, console, skipped } });
  }, [api]);

  const send = useCallback(
    async (
      tabId: string,
      request: ApiRequest,
      options: { confirmProduction?: boolean; collection?: Record<string, string>; inheritedAuth?: readonly RequestAuth[]; saved?: SavedOrigin | null } = {},
    ) => {
      if (options.saved) return sendSaved(tabId, request, options.saved, options.confirmProduction === true);
      const wire = toWireRequest(request, options.inheritedAuth);
      if (!wire.ok) {
        set(tabId, { sending: false, result: null, error: { code: 'INVALID_INPUT', message: wire.reason }, lastRequest: request });
        return;
      }
      const requestId = globalThis.crypto.randomUUID();
      inFlight.current.set(tabId, requestId);
      setOutcomes((current) => ({ ...current, [tabId]: { ...(current[tabId] ?? IDLE), sending: true, lastRequest: request } }));
      const answer = await api.sendRequest({
        request: wire.request,
        requestId,
        label: request.name,
        ...(options.collection ? { variables: { collection: options.collection } } : {}),
        ...(options.confirmProduction ? { confirmProduction: true } : {}),
      });
      if (inFlight.current.get(tabId) !== requestId) return;
      inFlight.current.delete(tabId);
      set(tabId, answer.ok ? { sending: false, result: answer.value, error: null, lastRequest: request } : { sending: false, result: null, error: answer.error, lastRequest: request });
    },
    [api, sendSaved],
  );

  const cancel = useCallback(
    (tabId: string) => {
      const requestId = inFlight.current.get(tabId);
      if (requestId) void api.cancelRequest({ requestId });
    },
    [api],
  );

  const forget = useCallback((tabId: string) => {
    inFlight.current.delete(tabId);
    setOutcomes((current) => {
      const { [tabId]: _gone, ...rest } = current;
      return rest;
    });
  }, []);

  return { outcomes, outcomeOf: (tabId: string) => outcomes[tabId] ?? IDLE, send, cancel, forget };
}
