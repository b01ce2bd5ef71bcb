import { useState } from 'react';
import type { ExplorerApi } from '../../shared/contract';
import { ExplorerProvider, useExplorer } from './api/ExplorerContext';
import { useStatus } from './api/useStatus';
import { Notices } from './frame/Notices';
import { Sidebar, type NavItem } from './frame/Sidebar';
import { StatusBar } from './frame/StatusBar';
import { AboutView } from './views/AboutView';
import { WelcomeView } from './views/WelcomeView';

type ViewId = 'welcome' | 'about';

const NAV: NavItem<ViewId>[] = [
  { id: 'welcome', label: 'Start here', hint: 'What this app does and how to begin' },
  { id: 'about', label: 'About', hint: 'Version and data folder' },
];

function Frame() {
  const api = useExplorer();
  const [view, setView] = useState<ViewId>('welcome');
  const { status, error, refresh } = useStatus();
  const dismiss = async (id: string) => {
    await api.dismissNotice({ id });
    await refresh();
  };
  return (
    <div className={`app-frame ${status?.environment.kind === 'production' ? 'is-production' : ''}`}>
      <Sidebar items={NAV} current={view} onSelect={setView} />
      <main className="main-area" id="main">
        <Notices notices={status?.notices ?? []} onDismiss={(id) => void dismiss(id)} />
        {view === 'welcome' && <WelcomeView />}
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
