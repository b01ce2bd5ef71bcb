import { useMemo, useState } from 'react';
import { collectionsHeaderActions, requestActions, type CollectionsHeaderActionProps, type RequestActionProps } from '../workspace/slots';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { InteropDialog, TabbedPanels } from './InteropDialog';
import { SnippetPanel } from './SnippetPanel';
import './interop.css';

/** "Import / export" in the collections header: a dialog with the import and export panels. */
function ImportExportAction({ refresh }: CollectionsHeaderActionProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button-quiet" onClick={() => setOpen(true)}>
        Import / export
      </button>
      {open && (
        <InteropDialog title="Import and export" onClose={() => setOpen(false)}>
          <TabbedPanels
            tabs={[
              { id: 'import', label: 'Import', render: () => <ImportPanel onImported={() => refresh()} /> },
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
