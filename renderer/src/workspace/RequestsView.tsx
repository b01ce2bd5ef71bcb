import { useEffect, useState } from 'react';
import { RequestTabView } from './request/RequestTabView';
import { SaveDialog } from './tabs/SaveDialog';
import { isDirty, type WorkspaceTab } from './tabs/tab-model';
import { useRequestContext } from './variables/useRequestContext';
import { TabStrip } from './tabs/TabStrip';
import { useWorkspace } from './workspace-context';

/** The main area's request tabs. Ctrl/Cmd+S saves the tab in front. */
export function RequestsView() {
  const ws = useWorkspace();
  const { tabs, sender, api } = ws;
  const active = tabs.tabs.find((tab) => tab.id === tabs.activeId) ?? null;
  const [saving, setSaving] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);

  const save = async (tabId: string) => {
    const tab = tabs.tabs.find((t) => t.id === tabId);
    if (!tab?.request) return;
    if (tab.origin.kind === 'new') {
      setSaving(tab.id);
      return;
    }
    const answer = await api.saveRequest({ collectionId: tab.origin.collectionId, path: tab.origin.path, request: tab.request });
    if (!answer.ok) {
      setSaveError(answer.error.message);
      return;
    }
    setSaveError(null);
    tabs.markSaved(tab.id, { kind: 'item', collectionId: tab.origin.collectionId, path: answer.value.path }, tab.request);
    ws.collectionsChanged();
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (tabs.activeId) void save(tabs.activeId);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const savingTab = tabs.tabs.find((tab) => tab.id === saving);
  return (
    <section className="requests-view" aria-label="Requests">
      <h1 className="visually-hidden">Requests</h1>
      <TabStrip
        tabs={tabs.tabs}
        activeId={tabs.activeId}
        onActivate={tabs.activate}
        onClose={(id) => {
          sender.forget(id);
          tabs.close(id);
        }}
        onNew={() => tabs.openNew()}
        confirming={tabs.confirming}
        onConfirming={tabs.setConfirming}
      />
      {saveError && (
        <p className="field-error" role="alert">
          The request was not saved: {saveError}
        </p>
      )}
      {!active ? (
        <div className="requests-empty">
          <p>No request is open.</p>
          <button type="button" className="button-primary" onClick={() => tabs.openNew()}>
            New request
          </button>
          <p className="section-hint">Or pick one from Collections in the sidebar, or open one from the History.</p>
        </div>
      ) : active.loadError ? (
        <p className="field-error" role="alert">
          {active.loadError}
        </p>
      ) : !active.request ? (
        <p role="status">Reading the request…</p>
      ) : (
        <ActiveTab key={active.id} tab={active} onSave={() => void save(active.id)} />
      )}
      {savingTab?.request && (
        <SaveDialog
          api={api}
          request={savingTab.request}
          onCancel={() => setSaving(null)}
          onSaved={(target) => {
            setSaving(null);
            tabs.markSaved(savingTab.id, { kind: 'item', collectionId: target.collectionId, path: target.path }, target.request);
            ws.collectionsChanged();
            ws.reveal(target.collectionId, target.path);
          }}
        />
      )}
    </section>
  );
}

/** The tab in front, with what it inherits from its collection. */
function ActiveTab({ tab, onSave }: { tab: WorkspaceTab; onSave(): void }) {
  const { api, tabs, sender, collectionsVersion } = useWorkspace();
  const context = useRequestContext(api, tab.origin, collectionsVersion);
  if (!tab.request) return null;
  const request = tab.request;
  return (
    <RequestTabView
      api={api}
      tabId={tab.id}
      request={request}
      onChange={(next) => tabs.update(tab.id, next)}
      dirty={isDirty(tab)}
      outcome={sender.outcomeOf(tab.id)}
      onSend={(options) => void sender.send(tab.id, request, { ...options, collection: context.collectionValues, inheritedAuth: context.inheritedAuth, saved: context.saved })}
      onCancel={() => sender.cancel(tab.id)}
      onSave={onSave}
      splits={tabs.splits}
      onSplit={tabs.setSplit}
      context={context}
    />
  );
}
