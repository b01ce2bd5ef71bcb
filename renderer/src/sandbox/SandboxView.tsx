import { useState } from 'react';
import { STANDALONE_SANDBOX_COMMAND } from '../../../shared/contract/sandbox';
import { useExplorer } from '../api/ExplorerContext';
import { CopyButton } from '../components/common/CopyButton';
import '../components/components.css';
import { ContentsTabs } from './ContentsTabs';
import { FaultBanner, FaultControls, NO_GLOBAL_FAULTS } from './FaultControls';
import { OverviewPanel } from './OverviewPanel';
import { RequestLogPanel } from './RequestLogPanel';
import { ResetSandbox } from './ResetSandbox';
import './sandbox.css';
import { TimeControls } from './TimeControls';
import { useSandbox } from './useSandbox';

function SandboxOff() {
  return (
    <div className="callout callout-neutral" data-testid="sandbox-off">
      <p className="callout-title">
        <strong>The embedded sandbox is not running in this session.</strong>
      </p>
      <p>Restart Vipps Explorer to start it again, or run one on its own and point a custom profile at it:</p>
      <p>
        <code>{STANDALONE_SANDBOX_COMMAND}</code> <CopyButton text={STANDALONE_SANDBOX_COMMAND} label="Copy" ariaLabel="Copy the command" />
      </p>
    </div>
  );
}

/**
 * The embedded sandbox seen from the inside: where it answers and with which keys, what it
 * holds, what reached it, and switches to make it slow or failing.
 */
export function SandboxView() {
  const api = useExplorer();
  const model = useSandbox(api);
  const { overview, state, error } = model;
  const [logReload, setLogReload] = useState(0);
  const [turningOff, setTurningOff] = useState(false);

  const turnFaultsOff = async () => {
    setTurningOff(true);
    const answer = await api.setSandboxFaults(NO_GLOBAL_FAULTS);
    setTurningOff(false);
    if (answer.ok) model.faultsChanged(answer.value);
  };

  const afterReset = () => {
    setLogReload((n) => n + 1);
    void model.refresh();
  };

  return (
    <section className="view sb-view" aria-labelledby="sb-title" aria-busy={model.loading}>
      <header className="sb-header">
        <div>
          <h1 id="sb-title">Sandbox</h1>
          <p className="lead">
            The local stand-in for the Vipps MobilePay test environment that the Sandbox profile talks to. See what it holds and what reached it, and make
            it misbehave on purpose.
          </p>
        </div>
        {overview?.running && (
          <div className="sb-header-actions">
            <button type="button" className="button-quiet" onClick={() => void model.refresh()}>
              Refresh
            </button>
            <ResetSandbox onReset={afterReset} />
          </div>
        )}
      </header>

      {error && (
        <p className="callout callout-error" role="alert">
          {error.message}
        </p>
      )}
      {!overview && !error && <p role="status">Looking at the sandbox…</p>}
      {overview && !overview.running && <SandboxOff />}
      {overview?.running && (
        <>
          {overview.faults && <FaultBanner faults={overview.faults} busy={turningOff} onTurnOff={() => void turnFaultsOff()} />}
          <div className="sb-grid">
            <OverviewPanel overview={overview} />
            {overview.faults && <FaultControls faults={overview.faults} onChanged={model.faultsChanged} />}
            <TimeControls onChanged={() => void model.refresh()} />
          </div>
          <section className="sb-card" aria-labelledby="sb-contents-title">
            <h2 id="sb-contents-title">Contents</h2>
            {state ? <ContentsTabs state={state} webhooks={model.webhooks} onPage={model.showPage} /> : <p role="status">Loading the contents…</p>}
          </section>
          <RequestLogPanel reloadKey={logReload} onNewRequests={() => void model.refresh()} />
        </>
      )}
    </section>
  );
}
