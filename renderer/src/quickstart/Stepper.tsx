import { useRef, type KeyboardEvent } from 'react';
import type { QuickStartState } from '../../../shared/contract/quickstart';
import { STEPS, type StepId } from '../../../shared/quickstart/steps';
import { StatusPill } from '../components/common/StatusPill';

function describe(record: QuickStartState['steps'][StepId]): string {
  const parts: string[] = [];
  if (record.status !== undefined) parts.push(`last answer ${record.status}`);
  if (record.at) parts.push(new Date(record.at).toLocaleString());
  if (record.note) parts.push(record.note);
  return parts.join(' · ');
}

/**
 * The steps as a list of links: Tab reaches the current one, arrow keys, Home and End move
 * between them (and open the step), as in a vertical tab list.
 */
export function Stepper({ state, onSelect }: { state: QuickStartState; onSelect(step: StepId): void }) {
  const buttons = useRef(new Map<StepId, HTMLButtonElement>());
  const move = (event: KeyboardEvent<HTMLOListElement>) => {
    const at = STEPS.findIndex((s) => s.id === state.currentStep);
    let next = -1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowRight') next = Math.min(at + 1, STEPS.length - 1);
    else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') next = Math.max(at - 1, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = STEPS.length - 1;
    const step = STEPS[next];
    if (!step) return;
    event.preventDefault();
    onSelect(step.id);
    buttons.current.get(step.id)?.focus();
  };
  return (
    <nav className="qs-stepper" aria-label="Quick start steps">
      <ol onKeyDown={move}>
        {STEPS.map((step) => {
          const record = state.steps[step.id];
          const current = step.id === state.currentStep;
          const detail = describe(record);
          return (
            <li key={step.id}>
              <button
                type="button"
                ref={(element) => {
                  if (element) buttons.current.set(step.id, element);
                  else buttons.current.delete(step.id);
                }}
                className={`qs-step-link ${current ? 'is-current' : ''}`}
                aria-current={current ? 'step' : undefined}
                tabIndex={current ? 0 : -1}
                data-testid={`step-link-${step.id}`}
                title={detail ? `${step.summary} (${detail})` : step.summary}
                onClick={() => onSelect(step.id)}
              >
                <span className="qs-step-number" aria-hidden="true">
                  {step.number}
                </span>
                <span className="qs-step-title">
                  {step.title}
                  {step.optional && <span className="qs-step-optional"> (optional)</span>}
                </span>
                <span data-testid={`step-state-${step.id}`} data-state={record.state}>
                  <StatusPill status={record.state} title={detail || undefined} />
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
