import { useEffect, useRef, useState } from 'react';
import { STEP_IDS, stepById, type StepId } from '../../../shared/quickstart/steps';
import { useExplorer } from '../api/ExplorerContext';
import { QuickStartContext, type LoadedQuickStart } from './context';
import { CategoryPage } from './pages/CategoryPage';
import { ImagePage } from './pages/ImagePage';
import { PaymentPage } from './pages/PaymentPage';
import { ReadBackPage } from './pages/ReadBackPage';
import { ReceiptPage } from './pages/ReceiptPage';
import { SetupPage } from './pages/SetupPage';
import { TokenPage } from './pages/TokenPage';
import './quickstart.css';
import { RunAllBar } from './RunAllBar';
import { StepIntro } from './StepIntro';
import { Stepper } from './Stepper';
import { useQuickStart } from './useQuickStart';
import { useRememberedAnswers } from './useRememberedAnswers';

function StepPage({ stepId, onEnvironmentChanged }: { stepId: StepId; onEnvironmentChanged(): void }) {
  switch (stepId) {
    case 'setup':
      return <SetupPage onEnvironmentChanged={onEnvironmentChanged} />;
    case 'token':
      return <TokenPage />;
    case 'payment':
      return <PaymentPage />;
    case 'image':
      return <ImagePage />;
    case 'category':
      return <CategoryPage />;
    case 'receipt':
      return <ReceiptPage />;
    case 'readback':
      return <ReadBackPage />;
  }
}

/** The guided quick start: the steps on the left, the current step's page on the right. */
export function QuickStartView({ onEnvironmentChanged }: { onEnvironmentChanged(): void }) {
  const api = useExplorer();
  const model = useQuickStart(api);
  const [compact, setCompact] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const work = useRef<HTMLElement>(null);
  const guide = useRef<HTMLDivElement>(null);
  const [arrived, setArrived] = useState(0);
  useRememberedAnswers(api, model);

  // Setup is done as soon as its environment has answered: the token step passing proves it.
  const tokenPassed = model.state?.steps.token.state === 'passed';
  const setupPassed = model.state?.steps.setup.state === 'passed';
  const { markSetupDone } = model;
  useEffect(() => {
    if (tokenPassed && !setupPassed) void markSetupDone();
  }, [tokenPassed, setupPassed, markSetupDone]);

  // After Next, the new step's heading is in view and its Send has the focus, so Enter sends
  // this step rather than skipping to the one after.
  useEffect(() => {
    if (arrived === 0) return;
    // Side by side, each column scrolls on its own; stacked, the page does.
    if (window.matchMedia?.('(min-width: 1200px)').matches) {
      guide.current?.scrollTo?.({ top: 0 });
      work.current?.scrollTo?.({ top: 0 });
    } else heading.current?.scrollIntoView?.({ block: 'start' });
    const send = work.current?.querySelector<HTMLButtonElement>('.qs-request .button-primary:not(:disabled)');
    (send ?? heading.current)?.focus({ preventScroll: true });
  }, [arrived]);

  useEffect(() => {
    void api.getSettings({}).then((answer) => {
      if (answer.ok) setCompact(answer.value.compactSteps);
    });
  }, [api]);

  const toggleCompact = (value: boolean) => {
    setCompact(value);
    void api.updateSettings({ compactSteps: value });
  };

  const goToStep = (id: StepId) => {
    model.goTo(id);
    setArrived((n) => n + 1);
  };

  if (!model.state) {
    return (
      <section className="view" aria-labelledby="qs-title">
        <h1 id="qs-title">Quick start</h1>
        {model.loadError ? <p role="alert">{model.loadError.message}</p> : <p role="status">Loading the quick start…</p>}
      </section>
    );
  }
  const loaded = model as LoadedQuickStart;
  const step = stepById(loaded.state.currentStep);

  return (
    <QuickStartContext.Provider value={loaded}>
      <section className="view qs-view" aria-labelledby="qs-title">
        <header className="qs-header">
          <div>
            <h1 id="qs-title">Quick start: order details, step by step</h1>
            <p className="lead">
              From API keys to a payment that carries a category, an image and a receipt. Every request can be edited; every answer is explained.
            </p>
          </div>
          <label className="qs-check">
            <input type="checkbox" checked={compact} onChange={(event) => toggleCompact(event.target.checked)} />
            Compact steps (hide the explanations)
          </label>
        </header>
        {loaded.activeProfile?.environment === 'production' && (
          <p className="qs-production-warning" role="alert" data-testid="production-banner">
            <strong>Production:</strong> the requests on these pages go to the live API for “{loaded.activeProfile.name}” (MSN {loaded.activeProfile.msn}) and
            reach real customers. The app asks before the first request that changes anything.
          </p>
        )}
        <RunAllBar />
        {model.loadError && (
          <p role="alert" className="qs-error">
            {model.loadError.message}
          </p>
        )}
        <div className="qs-layout">
          <div className="qs-guide" aria-label="Guide" role="region" ref={guide}>
            <Stepper
              state={loaded.state}
              onSelect={(id) => {
                loaded.goTo(id);
              }}
            />
            <h2 id="qs-step-title" className="qs-step-heading" tabIndex={-1} ref={heading}>
              <span className="qs-step-heading-number">Step {step.number}</span> {step.title}
              {step.optional && <span className="qs-step-optional"> (optional)</span>}
            </h2>
            {step.endpoint && (
              <p className="qs-endpoint">
                <code>{step.id === 'payment' ? paymentEndpoint(loaded.state.paymentApi) : step.endpoint}</code>
              </p>
            )}
            <StepIntro step={step} compact={compact} key={`${step.id}-${compact}`} />
          </div>
          <article className="qs-page" aria-labelledby="qs-step-title" data-testid={`step-page-${step.id}`} ref={work}>
            <StepPage stepId={step.id} onEnvironmentChanged={onEnvironmentChanged} />
            <StepNavigation stepId={step.id} onGo={goToStep} />
          </article>
        </div>
      </section>
    </QuickStartContext.Provider>
  );
}

function paymentEndpoint(api: LoadedQuickStart['state']['paymentApi']): string {
  if (api === 'ecom') return 'POST /ecomm/v2/payments';
  if (api === 'recurring') return 'POST /recurring/v3/agreements';
  return 'POST /epayment/v1/payments';
}

function StepNavigation({ stepId, onGo }: { stepId: StepId; onGo(id: StepId): void }) {
  const step = stepById(stepId);
  const at = STEP_IDS.indexOf(stepId);
  const previous = STEP_IDS[at - 1];
  const next = STEP_IDS[at + 1];
  return (
    <nav className="qs-step-nav" aria-label="Step navigation">
      {previous && (
        <button type="button" className="button-quiet" onClick={() => onGo(previous)}>
          ‹ Back to step {step.number - 1}
        </button>
      )}
      {next && stepId !== 'setup' && (
        <button type="button" className="button-quiet" onClick={() => onGo(next)}>
          Next: step {step.number + 1}, {stepById(next).title} ›
        </button>
      )}
    </nav>
  );
}
