import { expectAnswer } from './answer-reveal';
import type { PickedImage } from './picked-image';
import type { ExplorerApi, ExplorerEvents } from '../../../shared/contract';
import type { RunEvent, RunRequestResult } from '../../../shared/model/run';
import { receiptSentWithPayment, type PaymentApi } from '../../../shared/quickstart/payment-apis';
import { ORDER_STEP_IDS } from '../../../shared/quickstart/progress';
import { keyOfStep } from '../../../shared/quickstart/step-requests';
import { REQUEST_STEP_IDS, stepById, type RequestStepId } from '../../../shared/quickstart/steps';
import { storedResponseAsResult } from '../history/history-format';
import { explainResult, type QuickStartModel } from './useQuickStart';

export interface RunProgress {
  phase: 'running' | 'passed' | 'failed' | 'stopped';
  done: number;
  total: number;
  stepId: RequestStepId | null;
  message: string;
}

export const QUICKSTART_COLLECTION_ID = 'quickstart';

/**
 * The steps "run all" sends: the image only when one was picked, since it is optional, and the
 * receipt only when the order lines did not already go with the payment (it is write-once).
 */
export function runAllSteps(withImage: boolean, paymentApi: PaymentApi = 'epayment'): RequestStepId[] {
  return ['token', 'payment', ...(withImage ? (['image'] as const) : []), 'category', ...(receiptSentWithPayment(paymentApi) ? [] : (['receipt'] as const)), 'readback'];
}

function stepOfPath(itemPath: string): RequestStepId | null {
  return REQUEST_STEP_IDS.find((id) => `${id}.yaml` === itemPath) ?? null;
}

export interface RunAllHandle {
  stop(): void;
  done: Promise<RunProgress>;
}

/**
 * Starts the built-in quick-start collection in the backend's runner and follows its events:
 * the page moves to each step as it is sent and shows its answer. The run stops at the first
 * step that does not pass, naming the step and the reason. An order that already has results
 * gets fresh ids first, because order details are write-once.
 */
/**
 * `image`: the picture the run uploads in step 4 (the picked one, or the bundled sample), or
 * null when the user chose to leave the optional step out.
 */
export function runAll(model: QuickStartModel, api: ExplorerApi & ExplorerEvents, report: (progress: RunProgress) => void, image: PickedImage | null = model.image): RunAllHandle {
  const steps = runAllSteps(image !== null, model.stateRef.current?.paymentApi);
  const total = steps.length;
  let runId: string | null = null;
  let stopRequested = false;
  const early: RunEvent[] = [];
  let failure: RunProgress | null = null;
  let finish: (progress: RunProgress) => void = () => {};
  const done = new Promise<RunProgress>((resolve) => (finish = resolve));
  let unsubscribe = () => {};

  const onResult = async (result: RunRequestResult) => {
    const stepId = stepOfPath(result.path);
    if (!stepId || result.skipped) return;
    const state = model.stateRef.current;
    const key = state ? keyOfStep(stepId, state) : null;
    const entry = result.historyId ? await api.getHistoryEntry({ id: result.historyId }) : null;
    const shown = entry?.ok ? storedResponseAsResult(entry.value) : null;
    if (key) {
      // As after a Send: the step's answer (the read-back's last) is brought into view, not left below the fold.
      expectAnswer(key);
      model.showRunResult(key, shown, result.error ?? null);
    }
    await model.refresh();
    if (result.passed || failure) return;
    const step = stepById(stepId);
    const index = steps.indexOf(stepId);
    const rule = result.status === undefined && !result.error ? result.assertions.find((a) => !a.passed) : undefined;
    if (rule) failure = { phase: 'failed', done: index, total, stepId, message: `Stopped at step ${step.number}, ${step.title}, before sending: ${rule.name}: ${rule.message ?? ''}` };
    else if (result.error) {
      failure = { phase: result.error.code === 'CANCELLED' ? 'stopped' : 'failed', done: index, total, stepId, message: `Stopped at step ${step.number}, ${step.title}: ${result.error.message}` };
    } else if (shown && key) {
      const explanation = explainResult(key, shown);
      failure = { phase: 'failed', done: index, total, stepId, message: `Stopped at step ${step.number}, ${step.title} (HTTP ${result.status}): ${explanation.title}. ${explanation.text}` };
    } else {
      failure = { phase: 'failed', done: index, total, stepId, message: `Stopped at step ${step.number}, ${step.title} (HTTP ${result.status ?? '?'}).` };
    }
  };

  let queue = Promise.resolve();
  const handle = (event: RunEvent) => {
    queue = queue.then(async () => {
      if (event.type === 'request-started') {
        const stepId = stepOfPath(event.path);
        if (!stepId || !steps.includes(stepId)) return;
        const step = stepById(stepId);
        model.goTo(stepId);
        report({ phase: 'running', done: steps.indexOf(stepId), total, stepId, message: `Step ${step.number} of 7: ${step.title}…` });
      } else if (event.type === 'request-finished') {
        await onResult(event.result);
      } else if (event.type === 'run-finished') {
        unsubscribe();
        const { outcome } = event.summary;
        if (failure) finish(failure);
        else if (outcome === 'cancelled' || stopRequested) finish({ phase: 'stopped', done: event.summary.results.filter((r) => !r.skipped).length, total, stepId: null, message: 'Stopped: the run was cancelled.' });
        else finish({ phase: 'passed', done: total, total, stepId: null, message: `All ${total} requests passed${image ? '' : ' (the optional image was left out, as you chose)'}.` });
      }
    });
  };

  const start = async () => {
    const current = model.stateRef.current;
    if (current && ORDER_STEP_IDS.some((id) => current.steps[id].state !== 'not-run')) {
      report({ phase: 'running', done: 0, total, stepId: null, message: 'This order already has results, so the run starts a new order.' });
      await model.newOrder();
    }
    // Images are write-once and the upload step may already have used this imageId (the order
    // state seen here can lag a payment switch), so a run that uploads always takes a fresh one.
    if (image) await model.newImageId();
    if (stopRequested) return finish({ phase: 'stopped', done: 0, total, stepId: null, message: 'Stopped before the first step.' });
    // Subscribed before starting, so no event of this run can be missed.
    unsubscribe = api.subscribe('run', (event) => {
      if (runId === null) early.push(event);
      else if (event.runId === runId) handle(event);
    });
    const started = await api.startRun({ collectionId: QUICKSTART_COLLECTION_ID, stopOnFailure: true, variables: image ? { imageSrc: image.base64 } : {} });
    if (!started.ok) {
      unsubscribe();
      return finish({ phase: 'failed', done: 0, total, stepId: null, message: `The run could not start: ${started.error.message}` });
    }
    runId = started.value.runId;
    for (const event of early.splice(0)) if (event.runId === runId) handle(event);
    if (stopRequested) void api.cancelRun({ runId });
  };
  void start();

  return {
    stop() {
      stopRequested = true;
      if (runId) void api.cancelRun({ runId });
    },
    done,
  };
}
