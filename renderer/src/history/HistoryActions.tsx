import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../shared/contract/history';
import { toCurl } from '../../../shared/quickstart/curl';
import { useExplorer } from '../api/ExplorerContext';
import { CopyButton } from '../components/common/CopyButton';
import { SaveDialog } from '../workspace/tabs/SaveDialog';
import { useOptionalWorkspace, type Workspace } from '../workspace/workspace-context';
import { historyAsRequest } from './history-request';

/** What can be done with a past send: open it in an editor, send it again, keep it, or copy it as curl. */
export function HistoryActions({ entry }: { entry: HistoryEntry }) {
  const api = useExplorer();
  const ws = useOptionalWorkspace();
  const [saving, setSaving] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const asRequest = async () => {
    const profiles = await api.listProfiles({});
    const active = profiles.ok ? profiles.value.profiles.find((p) => p.id === profiles.value.activeProfileId) : undefined;
    return historyAsRequest(entry, active?.baseUrl ?? null);
  };

  const open = async (send: boolean) => {
    if (!ws) return;
    const request = await asRequest();
    const tabId = ws.tabs.openNew(request);
    ws.showView('requests');
    if (send) void ws.sender.send(tabId, request);
  };

  const curl = () =>
    toCurl({
      method: entry.request.method,
      url: entry.request.url,
      headers: entry.request.headers.map((h) => ({ ...h, secret: h.value.includes('«redacted') })),
      body: entry.request.body,
    }).text;

  return (
    <div className="history-actions" role="group" aria-label="Actions for this entry">
      {ws && (
        <>
          <button type="button" className="button-primary" onClick={() => void open(true)}>
            Send again
          </button>
          <button type="button" className="button-quiet" onClick={() => void open(false)}>
            Open in a tab
          </button>
          <button type="button" className="button-quiet" onClick={() => setSaving(true)}>
            Save to a collection…
          </button>
        </>
      )}
      <CopyButton label="Copy as curl" ariaLabel="Copy this request as a curl command" text={curl} />
      {note && (
        <span className="section-hint" role="status">
          {note}
        </span>
      )}
      {saving && ws && (
        <HistorySave
          ws={ws}
          onDone={(message) => {
            setSaving(false);
            if (message) setNote(message);
          }}
          asRequest={asRequest}
        />
      )}
    </div>
  );
}

function HistorySave({ ws, onDone, asRequest }: { ws: Workspace; onDone(message: string | null): void; asRequest(): Promise<ReturnType<typeof historyAsRequest>> }) {
  const api = useExplorer();
  const [request, setRequest] = useState<ReturnType<typeof historyAsRequest> | null>(null);
  useEffect(() => {
    let live = true;
    void asRequest().then((loaded) => live && setRequest(loaded));
    return () => {
      live = false;
    };
    // Read once when the dialog opens.
  }, []);
  if (!request) return null;
  return (
    <SaveDialog
      api={api}
      request={request}
      onCancel={() => onDone(null)}
      onSaved={(target) => {
        ws.collectionsChanged();
        ws.reveal(target.collectionId, target.path);
        onDone(`Saved as “${target.request.name}”.`);
      }}
    />
  );
}
