import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ExplorerApi } from '../../../shared/contract';
import type { ProfileView } from '../../../shared/contract/profiles';
import type { QuickStartState, StepOutcome } from '../../../shared/contract/quickstart';
import type { HttpRequestInput, SendResult } from '../../../shared/contract/requests';
import type { ExplorerError } from '../../../shared/errors';
import { explainResponse, type ResponseExplanation } from '../../../shared/quickstart/explain';
import { extractValues } from '../../../shared/quickstart/extract';
import type { PaymentApi } from '../../../shared/quickstart/payment-apis';
import type { RuleContext } from '../../../shared/quickstart/rules';
import { runVariables } from '../../../shared/quickstart/run-variables';
import type { StepId } from '../../../shared/quickstart/steps';
import type { RequestKey } from '../../../shared/quickstart/templates';
import { imageStandIn, loadPickedImage, storePickedImage, type PickedImage } from './picked-image';
import { requestOf, sameRequest, stepOfKey, templateOf, templateRequest, toSavedRequest } from './step-requests';
import { onProfileSwitch } from '../workspace/layout/profile-switched';

export interface StepResult {
  result: SendResult | null;
  error: ExplorerError | null;
}

export type SendOutcome =
  | { kind: 'answered'; status: number; explanation: ResponseExplanation }
  | { kind: 'error'; error: ExplorerError };

export interface SendOptions {
  runId?: string;
  confirmProduction?: boolean;
}

/** The text of a response body when it came inline; large bodies are not needed by any step. */
export function inlineBodyText(result: SendResult): string | null {
  return result.body.kind === 'inline' && result.body.encoding === 'utf8' ? result.body.text : null;
}

export function explainResult(key: RequestKey, result: SendResult): ResponseExplanation {
  return explainResponse(key, { status: result.status, bodyText: inlineBodyText(result) });
}

function newRequestId(): string {
  return globalThis.crypto.randomUUID();
}

const SAVE_DELAY_MS = 400;

/**
 * The quick start's working state: what the backend remembers (ids, step results, edits), the
 * answers of this session, the picked image, and the one function every page and "run all"
 * use to send a step.
 */
export function useQuickStart(api: ExplorerApi) {
  const [state, setStateValue] = useState<QuickStartState | null>(null);
  const stateRef = useRef<QuickStartState | null>(null);
  const [profiles, setProfiles] = useState<ProfileView[]>([]);
  const [loadError, setLoadError] = useState<ExplorerError | null>(null);
  const [results, setResults] = useState<Partial<Record<RequestKey, StepResult>>>({});
  const [sendingKey, setSendingKey] = useState<RequestKey | null>(null);
  const [pendingConfirmation, setPendingConfirmation] = useState<{ key: RequestKey; message: string } | null>(null);
  const [image, setImageValue] = useState<PickedImage | null>(() => loadPickedImage());
  const [unsavedNote, setUnsavedNote] = useState<string | null>(null);
  const requestId = useRef<string | null>(null);
  const saveTimers = useRef(new Map<RequestKey, number>());
  const imageRef = useRef(image);

  const setState = useCallback((next: QuickStartState) => {
    stateRef.current = next;
    setStateValue(next);
  }, []);

  const apply = useCallback(
    async (call: Promise<{ ok: true; value: QuickStartState } | { ok: false; error: ExplorerError }>) => {
      const answer = await call;
      // The page owns the step on screen and the edits (their saves are debounced); the backend owns the rest.
      const local = stateRef.current;
      if (answer.ok) setState(local ? { ...answer.value, currentStep: local.currentStep, edits: local.edits } : answer.value);
      else setLoadError(answer.error);
      return answer.ok ? answer.value : null;
    },
    [setState],
  );

  const refreshProfiles = useCallback(async () => {
    const answer = await api.listProfiles({});
    if (answer.ok) setProfiles(answer.value.profiles);
    else setLoadError(answer.error);
  }, [api]);

  useEffect(() => {
    void apply(api.getQuickStart({}));
    void refreshProfiles();
  }, [api, apply, refreshProfiles]);

  // A switch made in the workspace's environment switcher: the steps' MSN and the production warning follow it.
  useEffect(() => onProfileSwitch(() => void refreshProfiles()), [refreshProfiles]);

  useEffect(() => {
    const timers = saveTimers.current;
    return () => {
      for (const timer of timers.values()) window.clearTimeout(timer);
    };
  }, []);

  const setImage = useCallback((next: PickedImage | null) => {
    imageRef.current = next;
    setImageValue(next);
    storePickedImage(next);
  }, []);

  const activeProfile = useMemo(() => profiles.find((p) => p.active) ?? null, [profiles]);

  /** `{{…}}` values for a request; `forPreview` shows a short stand-in for the image. */
  const variablesFor = useCallback((key: RequestKey, forPreview: boolean): Record<string, string> => {
    const current = stateRef.current;
    if (!current) return {};
    const vars = runVariables(current);
    const picked = imageRef.current;
    if (key === 'image' && picked) vars.imageSrc = forPreview ? imageStandIn(picked) : picked.base64;
    return vars;
  }, []);

  const ruleContext = useCallback((): RuleContext => {
    const current = stateRef.current;
    return {
      variables: { ...(current ? runVariables(current) : {}), ...(activeProfile ? { msn: activeProfile.msn } : {}) },
      imageBase64: imageRef.current?.base64 ?? null,
      uploadedImageId: current?.order.uploadedImageId ?? null,
    };
  }, [activeProfile]);

  const editRequest = useCallback(
    (key: RequestKey, next: HttpRequestInput) => {
      const current = stateRef.current;
      if (!current) return;
      const isTemplate = sameRequest(next, templateRequest(templateOf(key, current)));
      const saved = isTemplate ? null : toSavedRequest(next);
      if (!isTemplate && saved === null) {
        setUnsavedNote('This body is too large to remember between sessions; it is used as it is until you leave the app.');
      } else {
        setUnsavedNote(null);
      }
      const edits = { ...current.edits };
      if (saved) edits[key] = saved;
      else delete edits[key];
      setState({ ...current, edits });
      if (!isTemplate && saved === null) return;
      const timers = saveTimers.current;
      window.clearTimeout(timers.get(key));
      timers.set(
        key,
        window.setTimeout(() => {
          timers.delete(key);
          void api.saveQuickStart({ edits: { [key]: saved } }).then((answer) => {
            if (!answer.ok) setLoadError(answer.error);
          });
        }, SAVE_DELAY_MS),
      );
    },
    [api, setState],
  );

  const resetRequest = useCallback(
    (key: RequestKey) => {
      const current = stateRef.current;
      if (!current) return;
      window.clearTimeout(saveTimers.current.get(key));
      const edits = { ...current.edits };
      delete edits[key];
      setState({ ...current, edits });
      void apply(api.saveQuickStart({ edits: { [key]: null } }));
    },
    [api, apply, setState],
  );

  const record = useCallback(
    (stepId: StepId, outcome: StepOutcome, extracted?: ReturnType<typeof extractValues>) =>
      apply(api.recordQuickStartStep({ stepId, outcome, ...(extracted && Object.keys(extracted).length > 0 ? { extracted } : {}) })),
    [api, apply],
  );

  const send = useCallback(
    async (key: RequestKey, options: SendOptions = {}): Promise<SendOutcome> => {
      const current = stateRef.current;
      if (!current) return { kind: 'error', error: { code: 'INTERNAL', message: 'The quick start has not loaded yet.' } };
      const stepId = stepOfKey(key);
      const request = requestOf(key, current);
      const id = newRequestId();
      requestId.current = id;
      setSendingKey(key);
      setPendingConfirmation(null);
      if (stepId) await record(stepId, { kind: 'sent' });
      const answer = await api.sendRequest({
        request,
        variables: { run: variablesFor(key, false) },
        requestId: id,
        label: `Quick start: ${templateOf(key, current).label}`,
        ...(options.runId ? { runId: options.runId } : {}),
        ...(options.confirmProduction ? { confirmProduction: true } : {}),
      });
      requestId.current = null;
      setSendingKey(null);
      if (answer.ok) {
        const result = answer.value;
        setResults((all) => ({ ...all, [key]: { result, error: null } }));
        if (stepId) await record(stepId, { kind: 'answered', status: result.status }, extractValues(key, result.status, inlineBodyText(result)));
        return { kind: 'answered', status: result.status, explanation: explainResult(key, result) };
      }
      const error = answer.error;
      setResults((all) => ({ ...all, [key]: { result: null, error } }));
      if (error.code === 'CONFIRMATION_REQUIRED') setPendingConfirmation({ key, message: error.message });
      const cancelled = error.code === 'CANCELLED' || error.code === 'CONFIRMATION_REQUIRED';
      if (stepId) await record(stepId, { kind: 'no-answer', cancelled, message: error.message.slice(0, 500) });
      return { kind: 'error', error };
    },
    [api, record, variablesFor],
  );

  const cancel = useCallback(() => {
    if (requestId.current) void api.cancelRequest({ requestId: requestId.current });
  }, [api]);

  const newOrder = useCallback(
    async (paymentApi?: PaymentApi) => {
      const next = await apply(api.newQuickStartOrder(paymentApi ? { paymentApi } : {}));
      if (next) setResults((all) => ({ token: all.token }));
      return next;
    },
    [api, apply],
  );

  const newImageId = useCallback(() => apply(api.newQuickStartImageId({})), [api, apply]);

  /** Shows an answer the backend's runner got for a step ("Run all steps"). */
  const showRunResult = useCallback((key: RequestKey, result: SendResult | null, error: ExplorerError | null) => {
    setResults((all) => ({ ...all, [key]: { result, error } }));
  }, []);

  /** Reads the progress again after the backend changed it (a run recorded a step). */
  const refresh = useCallback(() => apply(api.getQuickStart({})), [api, apply]);

  const goTo = useCallback(
    (step: StepId) => {
      const current = stateRef.current;
      if (!current || current.currentStep === step) return;
      setState({ ...current, currentStep: step });
      void api.saveQuickStart({ currentStep: step });
    },
    [api, setState],
  );

  const markSetupDone = useCallback(() => record('setup', { kind: 'done' }), [record]);

  /** Forgets progress and edits; unlike other answers, the backend's state replaces the page's entirely. */
  const startOver = useCallback(async () => {
    for (const timer of saveTimers.current.values()) window.clearTimeout(timer);
    saveTimers.current.clear();
    const answer = await api.resetQuickStart({});
    if (!answer.ok) {
      setLoadError(answer.error);
      return;
    }
    setState(answer.value);
    setResults({});
  }, [api, setState]);

  return {
    state,
    stateRef,
    profiles,
    activeProfile,
    refreshProfiles,
    loadError,
    results,
    sendingKey,
    pendingConfirmation,
    image,
    setImage,
    unsavedNote,
    variablesFor,
    ruleContext,
    editRequest,
    resetRequest,
    send,
    cancel,
    newOrder,
    newImageId,
    showRunResult,
    refresh,
    goTo,
    markSetupDone,
    startOver,
  };
}

export type QuickStartModel = ReturnType<typeof useQuickStart>;
