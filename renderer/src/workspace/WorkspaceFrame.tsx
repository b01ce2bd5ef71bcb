import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useExplorer } from '../api/ExplorerContext';
import { useStatus } from '../api/useStatus';
import { Notices } from '../frame/Notices';
import { StatusBar } from '../frame/StatusBar';
import { ThemeToggle } from '../frame/ThemeToggle';
import { QuickStartView } from '../quickstart/QuickStartView';
import { CollectionsPanel } from './collections/CollectionsPanel';
import { useRequestSender } from './request/useRequestSender';
import { RequestsView } from './RequestsView';
import { EnvironmentSwitcher } from './layout/EnvironmentSwitcher';
import { requestUrlFocus } from './layout/focus-url';
import { announceProfileSwitch } from './layout/profile-switched';
import { ShortcutsSheet } from './layout/ShortcutsSheet';
import { IS_MAC, shortcutFor, type ShortcutId } from './layout/shortcuts';
import { useSidebarLayout } from './layout/sidebar-layout';
import { SidebarResizer } from './layout/SidebarResizer';
import './layout/habits.css';
import { WorkspaceNav } from './sidebar/WorkspaceNav';
import { useWorkspaceTabs } from './tabs/useWorkspaceTabs';
import './workspace.css';
import { WorkspaceContext, type RunPreset, type ViewId, type Workspace } from './workspace-context';

// The views the first screen does not show load when first opened, so start-up fetches less.
const HistoryView = lazy(() => import('../history/HistoryView').then((m) => ({ default: m.HistoryView })));
const SandboxView = lazy(() => import('../sandbox/SandboxView').then((m) => ({ default: m.SandboxView })));
const AboutView = lazy(() => import('../views/AboutView').then((m) => ({ default: m.AboutView })));
const RunnerView = lazy(() => import('./runner/RunnerView').then((m) => ({ default: m.RunnerView })));
const EnvironmentsView = lazy(() => import('./environments/EnvironmentsView').then((m) => ({ default: m.EnvironmentsView })));

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
  const sidebar = useSidebarLayout();
  const [sheetOpen, setSheetOpen] = useState(false);

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

  const newRequest = useCallback(() => {
    tabs.openNew();
    setView('requests');
    requestUrlFocus();
  }, [tabs]);

  // The collections panel owns its "New collection" form and the interop helper its Import
  // dialog; the New menu opens them the way a click would, so neither is built twice.
  const openCollectionsAction = (find: (button: HTMLButtonElement) => boolean) => {
    if (sidebar.collapsed) sidebar.setCollapsed(false);
    window.setTimeout(() => {
      const button = [...document.querySelectorAll<HTMLButtonElement>('.frame-side .panel-header button')].find(find);
      button?.click();
      button?.focus();
    }, 0);
  };

  const onShortcut = (id: ShortcutId) => {
    if (id === 'new-request' || id === 'new-tab') newRequest();
    else if (id === 'close-tab') {
      if (tabs.activeId) {
        setView('requests');
        tabs.askClose(tabs.activeId);
      }
    } else if (id === 'next-tab' || id === 'previous-tab') {
      setView('requests');
      tabs.cycle(id === 'next-tab' ? 1 : -1);
    } else if (id === 'focus-url') {
      if (!tabs.activeId) tabs.openNew();
      setView('requests');
      requestUrlFocus();
    } else if (id === 'toggle-sidebar') sidebar.setCollapsed(!sidebar.collapsed);
    else if (id === 'shortcuts') setSheetOpen((open) => !open);
  };
  const latestShortcut = useRef(onShortcut);
  latestShortcut.current = onShortcut;
  useEffect(() => {
    // Bubble phase, so an editor that handles the same keys (CodeMirror) has had its turn and marked the event.
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const id = shortcutFor(event, IS_MAC, Boolean(target?.closest('.cm-editor')));
      if (!id) return;
      event.preventDefault();
      latestShortcut.current(id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const dismiss = async (id: string) => {
    await api.dismissNotice({ id });
    await refresh();
  };

  return (
    <WorkspaceContext.Provider value={workspace}>
      <div
        className={`app-frame ws-frame ${status?.environment.kind === 'production' ? 'is-production' : ''} ${sidebar.collapsed ? 'is-collapsed' : ''}`}
        style={{ ['--ws-sidebar' as string]: `${sidebar.width}px` }}
      >
        <nav className="skip-links" aria-label="Skip links">
          <a href="#main">Skip to the main area</a>
          <a href="#env-switcher-select">Skip to the environment</a>
        </nav>
        <div className="frame-side" id="sidebar">
          <WorkspaceNav
            current={view}
            onSelect={setView}
            newMenu={{
              onRequest: newRequest,
              onCollection: () => openCollectionsAction((b) => b.getAttribute('aria-label') === 'New collection'),
              onImport: () => openCollectionsAction((b) => /^Import/.test(b.textContent ?? '')),
            }}
          />
          <CollectionsPanel />
          <ThemeToggle />
        </div>
        <SidebarResizer width={sidebar.width} onWidth={sidebar.setWidth} />
        <header className="ws-topbar" aria-label="Workspace bar">
          <button
            type="button"
            className="button-quiet ws-sidebar-toggle"
            aria-controls="sidebar"
            aria-expanded={!sidebar.collapsed}
            onClick={() => sidebar.setCollapsed(!sidebar.collapsed)}
            title="Hide or show the sidebar (Ctrl/Cmd+B)"
          >
            {sidebar.collapsed ? 'Show sidebar' : 'Hide sidebar'}
          </button>
          <span className="ws-topbar-spacer" />
          <button type="button" className="button-quiet" onClick={() => setSheetOpen(true)} title="Keyboard shortcuts (Ctrl/Cmd+/)">
            Shortcuts
          </button>
          <EnvironmentSwitcher
            api={api}
            activeId={status?.environment.profileId}
            onSwitched={(profile) => {
              void refresh();
              announceProfileSwitch(profile.id);
              // The request context (and so every {{variable}} popover) reads the profile again.
              collectionsChanged();
            }}
          />
        </header>
        <main tabIndex={-1} className={`main-area ${view === 'requests' ? 'main-area-fill' : view === 'quickstart' ? 'main-area-qs' : ''}`} id="main">
          <Notices notices={status?.notices ?? []} onDismiss={(id) => void dismiss(id)} />
          {/* The quick start stays mounted while other views are shown, so its answers and a send in flight survive. */}
          <div hidden={view !== 'quickstart'} className="qs-host">
            <QuickStartView onEnvironmentChanged={() => void refresh()} />
          </div>
          {view === 'requests' && <RequestsView />}
          <Suspense fallback={<p className="section-hint" role="status">Loading…</p>}>
            {view === 'history' && <HistoryView />}
            {view === 'runner' && <RunnerView />}
            {view === 'environments' && <EnvironmentsView />}
            {view === 'sandbox' && <SandboxView />}
            {view === 'about' && <AboutView />}
          </Suspense>
        </main>
        <StatusBar status={status} error={error} hostLabel={window.explorer ? 'Desktop' : 'Browser host'} />
        {sheetOpen && <ShortcutsSheet onClose={() => setSheetOpen(false)} />}
      </div>
    </WorkspaceContext.Provider>
  );
}
