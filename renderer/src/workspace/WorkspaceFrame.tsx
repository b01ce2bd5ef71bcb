import { useCallback, useMemo, useState } from 'react';
import { useExplorer } from '../api/ExplorerContext';
import { useStatus } from '../api/useStatus';
import { Notices } from '../frame/Notices';
import { StatusBar } from '../frame/StatusBar';
import { ThemeToggle } from '../frame/ThemeToggle';
import { HistoryView } from '../history/HistoryView';
import { QuickStartView } from '../quickstart/QuickStartView';
import { SandboxView } from '../sandbox/SandboxView';
import { AboutView } from '../views/AboutView';
import { CollectionsPanel } from './collections/CollectionsPanel';
import { useRequestSender } from './request/useRequestSender';
import { RequestsView } from './RequestsView';
import { RunnerView } from './runner/RunnerView';
import { EnvironmentsView } from './environments/EnvironmentsView';
import { WorkspaceNav } from './sidebar/WorkspaceNav';
import { useWorkspaceTabs } from './tabs/useWorkspaceTabs';
import './workspace.css';
import { WorkspaceContext, type RunPreset, type ViewId, type Workspace } from './workspace-context';

/** The app's frame: the sidebar (views and the collections tree), the main area and the status bar. */
export function WorkspaceFrame() {
  const api = useExplorer();
  const [view, setView] = useState<ViewId>('quickstart');
  const tabs = useWorkspaceTabs(api);
  const sender = useRequestSender(api);
  const [collectionsVersion, setCollectionsVersion] = useState(0);
  const [runPreset, setRunPreset] = useState<RunPreset | null>(null);
  const [settingsTarget, setSettingsTarget] = useState<RunPreset | null>(null);
  const [revealTarget, setRevealTarget] = useState<Workspace['revealTarget']>(null);
  const { status, error, refresh } = useStatus();

  const collectionsChanged = useCallback(() => setCollectionsVersion((v) => v + 1), []);
  const workspace: Workspace = useMemo(
    () => ({
      api,
      view,
      showView: setView,
      tabs,
      sender,
      collectionsVersion,
      collectionsChanged,
      runPreset,
      run: (preset) => {
        setRunPreset(preset);
        setView('runner');
      },
      settingsTarget,
      editSettings: (collectionId, path) => {
        setSettingsTarget({ collectionId, path });
        setView('environments');
      },
      revealTarget,
      reveal: (collectionId, path) => setRevealTarget({ collectionId, path, at: Date.now() }),
    }),
    [api, view, tabs, sender, collectionsVersion, collectionsChanged, runPreset, settingsTarget, revealTarget],
  );

  const dismiss = async (id: string) => {
    await api.dismissNotice({ id });
    await refresh();
  };

  return (
    <WorkspaceContext.Provider value={workspace}>
      <div className={`app-frame ws-frame ${status?.environment.kind === 'production' ? 'is-production' : ''}`}>
        <div className="frame-side">
          <WorkspaceNav current={view} onSelect={setView} />
          <CollectionsPanel />
          <ThemeToggle />
        </div>
        <main className={`main-area ${view === 'requests' ? 'main-area-fill' : view === 'quickstart' ? 'main-area-qs' : ''}`} id="main">
          <Notices notices={status?.notices ?? []} onDismiss={(id) => void dismiss(id)} />
          {/* The quick start stays mounted while other views are shown, so its answers and a send in flight survive. */}
          <div hidden={view !== 'quickstart'} className="qs-host">
            <QuickStartView onEnvironmentChanged={() => void refresh()} />
          </div>
          {view === 'requests' && <RequestsView />}
          {view === 'history' && <HistoryView />}
          {view === 'runner' && <RunnerView />}
          {view === 'environments' && <EnvironmentsView />}
          {view === 'sandbox' && <SandboxView />}
          {view === 'about' && <AboutView />}
        </main>
        <StatusBar status={status} error={error} hostLabel={window.explorer ? 'Desktop' : 'Browser host'} />
      </div>
    </WorkspaceContext.Provider>
  );
}
