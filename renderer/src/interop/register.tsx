import { useMemo, useState } from 'react';
import { useOptionalWorkspace } from '../workspace/workspace-context';
import { collectionsHeaderActions, requestActions, type CollectionsHeaderActionProps, type RequestActionProps } from '../workspace/slots';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { InteropDialog, TabbedPanels } from './InteropDialog';
import { SnippetPanel } from './SnippetPanel';
import './interop.css';

/** "Import / export" in the collections header: a dialog with the import and export panels. */
function ImportExportAction({ refresh }: CollectionsHeaderActionProps) {
  const [open, setOpen] = useState(false);
  const ws = useOptionalWorkspace();
  // Run after an import closes the dialog and follows the run in the Runner, as Postman's does.
  const onRun = ws
    ? (collectionId: string) => {
        setOpen(false);
        ws.run({ collectionId, path: '', autostart: { at: Date.now() } });
      }
    : undefined;
  const onEditSettings = ws
    ? (collectionId: string) => {
        setOpen(false);
        ws.editSettings(collectionId, '');
      }
    : undefined;
  return (
    <>
      <button type="button" className="button-quiet" onClick={() => setOpen(true)}>
        Import / export
      </button>
      {open && (
        <InteropDialog title="Import and export" onClose={() => setOpen(false)}>
          <TabbedPanels
            tabs={[
              { id: 'import', label: 'Import', render: () => <ImportPanel onImported={() => refresh()} onRun={onRun} onEditSettings={onEditSettings} /> },
              { id: 'export', label: 'Export', render: () => <ExportPanel /> },
            ]}
          />
        </InteropDialog>
      )}
    </>
  );
}

/** "Code" on the request line: the request as curl, Node, Python, C#, Java, PHP or Go. */
function CodeAction({ request }: RequestActionProps) {
  const [open, setOpen] = useState(false);
  const subject = useMemo(() => ({ request }), [request]);
  return (
    <>
      <button type="button" className="button-quiet" onClick={() => setOpen(true)}>
        Code
      </button>
      {open && (
        <InteropDialog title={`Code for “${request.name}”`} onClose={() => setOpen(false)}>
          <SnippetPanel subject={subject} />
        </InteropDialog>
      )}
    </>
  );
}

// Registered once, when the renderer starts: the workspace shows whatever is in its slots.
if (!collectionsHeaderActions.includes(ImportExportAction)) collectionsHeaderActions.push(ImportExportAction);
if (!requestActions.includes(CodeAction)) requestActions.push(CodeAction);
