import { useState } from 'react';
import type { ExplorerApi } from '../../shared/contract';
import { ExplorerProvider, useExplorer } from './api/ExplorerContext';
import { useStatus } from './api/useStatus';
import { Notices } from './frame/Notices';
import { Sidebar, type NavItem } from './frame/Sidebar';
import { StatusBar } from './frame/StatusBar';
import { ThemeToggle } from './frame/ThemeToggle';
import { QuickStartView } from './quickstart/QuickStartView';
import { HistoryView } from './history/HistoryView';
import { SandboxView } from './sandbox/SandboxView';
import { AboutView } from './views/AboutView';
import { InteropView } from './interop/InteropView';

type ViewId = 'quickstart' | 'interop' | 'history' | 'sandbox' | 'about';

const NAV: NavItem<ViewId>[] = [
  { id: 'quickstart', label: 'Quick start', hint: 'Token, payment, image, category and receipt, step by step' },
  { id: 'interop', label: 'Import & export', hint: 'Postman, curl and OpenAPI in; Postman, curl and code snippets out' },
  { id: 'history', label: 'History', hint: 'Every request sent, with its answer' },
  { id: 'sandbox', label: 'Sandbox', hint: 'What the embedded sandbox holds, its request log and faults' },
  { id: 'about', label: 'About', hint: 'Version and data folder' },
];

function Frame() {
  const api = useExplorer();
  const [view, setView] = useState<ViewId>('quickstart');
  const { status, error, refresh } = useStatus();
  const dismiss = async (id: string) => {
    await api.dismissNotice({ id });
    await refresh();
  };
  return (
    <div className={`app-frame ${status?.environment.kind === 'production' ? 'is-production' : ''}`}>
      <div className="frame-side">
        <Sidebar items={NAV} current={view} onSelect={setView} />
        <ThemeToggle />
      </div>
      <main className="main-area" id="main">
        <Notices notices={status?.notices ?? []} onDismiss={(id) => void dismiss(id)} />
        {view === 'quickstart' && <QuickStartView onEnvironmentChanged={() => void refresh()} />}
        {view === 'interop' && <InteropView />}
        {view === 'history' && <HistoryView />}
        {view === 'sandbox' && <SandboxView />}
        {view === 'about' && <AboutView />}
      </main>
      <StatusBar status={status} error={error} hostLabel={window.explorer ? 'Desktop' : 'Browser host'} />
    </div>
  );
}

export function App({ api }: { api: ExplorerApi }) {
  return (
    <ExplorerProvider api={api}>
      <Frame />
    </ExplorerProvider>
  );
}
