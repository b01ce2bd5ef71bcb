import type { ExtractedValues, QuickStartState, StepOutcome, StepRecord } from '../contract/quickstart';
import type { OrderIds } from './new-order';
import type { PaymentApi } from './payment-apis';
import { STEP_IDS, type StepId } from './steps';

/** The steps that belong to one order; a new order puts them back to "not run". */
export const ORDER_STEP_IDS: readonly StepId[] = ['payment', 'image', 'category', 'receipt', 'readback'];

const NOT_RUN: StepRecord = { state: 'not-run' };

export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300;
}

/** The next record of a step after something happened to it. */
export function applyOutcome(previous: StepRecord, outcome: StepOutcome, at: string): StepRecord {
  switch (outcome.kind) {
    case 'sent':
      return { state: 'sent', at, ...(previous.status !== undefined ? { status: previous.status } : {}) };
    case 'answered':
      return { state: isSuccessStatus(outcome.status) ? 'passed' : 'failed', status: outcome.status, at };
    case 'no-answer':
      // A cancel is the user's choice, not a failure of the step: it goes back to not-run.
      return outcome.cancelled ? { state: 'not-run', at, note: outcome.message } : { state: 'failed', at, note: outcome.message };
    case 'done':
      return { state: 'passed', at };
  }
}

function allNotRun(): QuickStartState['steps'] {
  return Object.fromEntries(STEP_IDS.map((id) => [id, { ...NOT_RUN }])) as QuickStartState['steps'];
}

export function initialQuickStart(ids: OrderIds, at: string, paymentApi: PaymentApi = 'epayment'): QuickStartState {
  return {
    paymentApi,
    order: { ...ids },
    steps: allNotRun(),
    edits: {},
    currentStep: 'setup',
    updatedAt: at,
  };
}

export function recordStep(state: QuickStartState, stepId: StepId, outcome: StepOutcome, at: string, extracted: ExtractedValues = {}): QuickStartState {
  const order = { ...state.order };
  for (const [name, value] of Object.entries(extracted) as Array<[keyof ExtractedValues, string | undefined]>) {
    if (value !== undefined) order[name] = value;
  }
  return {
    ...state,
    order,
    steps: { ...state.steps, [stepId]: applyOutcome(state.steps[stepId], outcome, at) },
    updatedAt: at,
  };
}

/** Fresh ids; the token and setup stay as they were, the order's own steps start over. */
export function startNewOrder(state: QuickStartState, ids: OrderIds, at: string, paymentApi: PaymentApi = state.paymentApi): QuickStartState {
  const steps = { ...state.steps };
  for (const id of ORDER_STEP_IDS) steps[id] = { ...NOT_RUN };
  return { ...state, paymentApi, order: { ...ids }, steps, updatedAt: at };
}

export function replaceImageId(state: QuickStartState, imageId: string, at: string): QuickStartState {
  const { uploadedImageId: _dropped, ...order } = state.order;
  return { ...state, order: { ...order, imageId }, steps: { ...state.steps, image: { ...NOT_RUN } }, updatedAt: at };
}

/** The step "run all" would stop at, with the reason, or null when every step it ran passed. */
export function firstFailure(state: QuickStartState, ran: readonly StepId[]): { stepId: StepId; record: StepRecord } | null {
  for (const stepId of ran) {
    const record = state.steps[stepId];
    if (record.state !== 'passed') return { stepId, record };
  }
  return null;
}
