import { checkStepBody } from '../../../shared/quickstart/rules';
import { ORDER_STEP_IDS } from '../../../shared/quickstart/progress';
import { stepById, type RequestStepId } from '../../../shared/quickstart/steps';
import { keyOfStep, requestOf } from './step-requests';
import type { QuickStartModel } from './useQuickStart';

export interface RunProgress {
  phase: 'running' | 'passed' | 'failed' | 'stopped';
  done: number;
  total: number;
  stepId: RequestStepId | null;
  message: string;
}

/** The steps "run all" sends: the image only when one was picked, since it is optional. */
export function runAllSteps(withImage: boolean): RequestStepId[] {
  return ['token', 'payment', ...(withImage ? (['image'] as const) : []), 'category', 'receipt', 'readback'];
}

function newRunId(): string {
  return `quickstart-${globalThis.crypto.randomUUID()}`;
}

/**
 * Sends the steps one after the other and stops at the first that does not pass, naming the
 * step and the reason. An order that already has results gets fresh ids first, because order
 * details are write-once.
 */
export async function runAll(model: QuickStartModel, report: (progress: RunProgress) => void, stopped: () => boolean): Promise<RunProgress> {
  const steps = runAllSteps(model.image !== null);
  const total = steps.length;
  const runId = newRunId();
  const start = model.stateRef.current;
  if (start && ORDER_STEP_IDS.some((id) => start.steps[id].state !== 'not-run')) {
    report({ phase: 'running', done: 0, total, stepId: null, message: 'This order already has results, so the run starts a new order.' });
    await model.newOrder();
  }
  for (const [index, stepId] of steps.entries()) {
    const step = stepById(stepId);
    const state = model.stateRef.current;
    if (!state) break;
    if (stopped()) return { phase: 'stopped', done: index, total, stepId, message: `Stopped before step ${step.number}, ${step.title}.` };
    model.goTo(stepId);
    report({ phase: 'running', done: index, total, stepId, message: `Step ${step.number} of 7: ${step.title}…` });
    const key = keyOfStep(stepId, state);
    const issues = checkStepBody(key, requestOf(key, state).body ?? '', model.ruleContext());
    if (issues.length > 0) {
      const first = issues[0]!;
      return { phase: 'failed', done: index, total, stepId, message: `Stopped at step ${step.number}, ${step.title}, before sending: ${first.name}: ${first.reason}` };
    }
    const outcome = await model.send(key, { runId });
    if (outcome.kind === 'error') {
      const phase = outcome.error.code === 'CANCELLED' ? 'stopped' : 'failed';
      return { phase, done: index, total, stepId, message: `Stopped at step ${step.number}, ${step.title}: ${outcome.error.message}` };
    }
    if (outcome.status < 200 || outcome.status >= 300) {
      return { phase: 'failed', done: index, total, stepId, message: `Stopped at step ${step.number}, ${step.title} (HTTP ${outcome.status}): ${outcome.explanation.title}. ${outcome.explanation.text}` };
    }
  }
  return { phase: 'passed', done: total, total, stepId: null, message: `All ${total} requests passed${model.image ? '' : ' (the optional image was skipped: none was picked)'}.` };
}
