import { isDirty, tabLabel, type WorkspaceTab } from './tab-model';

export interface TabStripProps {
  tabs: readonly WorkspaceTab[];
  activeId: string | null;
  onActivate(id: string): void;
  onClose(id: string): void;
  onNew(): void;
  /** The tab whose close waits for "Close without saving" (Ctrl/Cmd+W asks the same way). */
  confirming: string | null;
  onConfirming(id: string | null): void;
}

/** The open requests, each with its method and a dot while it has unsaved changes. */
export function TabStrip({ tabs, activeId, onActivate, onClose, onNew, confirming, onConfirming: setConfirming }: TabStripProps) {
  const pending = tabs.find((tab) => tab.id === confirming);
  return (
    <div className="tab-strip-wrap">
      <nav className="tab-strip" aria-label="Open requests">
        <ul>
          {tabs.map((tab) => {
            const dirty = isDirty(tab);
            const title = tabLabel(tab);
            const active = tab.id === activeId;
            return (
              <li key={tab.id} className={`ws-tab ${active ? 'ws-tab-active' : ''}`} data-testid="request-tab">
                <button
                  type="button"
                  className="ws-tab-button"
                  aria-current={active ? 'page' : undefined}
                  onClick={() => onActivate(tab.id)}
                  onAuxClick={(event) => {
                    if (event.button !== 1) return;
                    if (dirty) setConfirming(tab.id);
                    else onClose(tab.id);
                  }}
                  title={tab.origin.kind === 'item' ? `${title}: ${tab.origin.path}` : `${title} (not saved in a collection yet)`}
                >
                  {tab.request && <span className={`method-badge method-${tab.request.method.toLowerCase()}`}>{tab.request.method}</span>}
                  <span className="ws-tab-title">{title}</span>
                  {dirty && (
                    <span className="unsaved-dot" data-testid="unsaved-marker">
                      <span aria-hidden="true">●</span>
                      <span className="visually-hidden">(unsaved changes)</span>
                    </span>
                  )}
                </button>
                <button type="button" className="ws-tab-close" aria-label={`Close ${title}`} onClick={() => (dirty ? setConfirming(tab.id) : onClose(tab.id))}>
                  ✕
                </button>
              </li>
            );
          })}
        </ul>
        <button type="button" className="ws-tab-new" aria-label="New request" title="New request" onClick={onNew}>
          +
        </button>
      </nav>
      {pending && (
        <div className="confirm ws-close-confirm" role="alertdialog" aria-label="Unsaved changes">
          <span>“{tabLabel(pending)}” has unsaved changes.</span>
          <button
            type="button"
            className="button-danger"
            onClick={() => {
              setConfirming(null);
              onClose(pending.id);
            }}
          >
            Close without saving
          </button>
          <button type="button" className="button-quiet" autoFocus onClick={() => setConfirming(null)}>
            Keep it open
          </button>
        </div>
      )}
    </div>
  );
}
