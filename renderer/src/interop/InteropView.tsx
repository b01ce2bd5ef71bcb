import { useEffect, useState } from 'react';
import type { CollectionSummary, TreeNode } from '../../../shared/model/collection';
import { useExplorer } from '../api/ExplorerContext';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { SnippetPanel, type SnippetSubject } from './SnippetPanel';
import './interop.css';

type Tab = 'import' | 'export' | 'snippets';

function requests(nodes: TreeNode[], prefix = ''): Array<{ path: string; label: string }> {
  return nodes.flatMap((n) => (n.kind === 'request' ? [{ path: n.path, label: `${prefix}${n.name}` }] : requests(n.children, `${prefix}${n.name} / `)));
}

/** Import, export and code snippets in one place, for hosts that have no workspace toolbar to put them in. */
export function InteropView() {
  const api = useExplorer();
  const [tab, setTab] = useState<Tab>('import');
  const [collections, setCollections] = useState<CollectionSummary[]>([]);
  const [collectionId, setCollectionId] = useState('');
  const [options, setOptions] = useState<Array<{ path: string; label: string }>>([]);
  const [subject, setSubject] = useState<SnippetSubject | null>(null);

  useEffect(() => {
    if (tab !== 'snippets') return;
    void api.listCollections({}).then((r) => r.ok && setCollections(r.value.collections));
  }, [api, tab]);
  useEffect(() => {
    setSubject(null);
    if (!collectionId) return setOptions([]);
    void api.getCollectionTree({ collectionId }).then((r) => setOptions(r.ok ? requests(r.value.items) : []));
  }, [api, collectionId]);

  return (
    <section className="view" aria-labelledby="interop-title">
      <h1 id="interop-title">Import, export and snippets</h1>
      <div className="interop-tabs" role="tablist" aria-label="Import, export and snippets">
        {(['import', 'export', 'snippets'] as const).map((id) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className="button-quiet" onClick={() => setTab(id)}>
            {id === 'import' ? 'Import' : id === 'export' ? 'Export' : 'Code snippets'}
          </button>
        ))}
      </div>
      {tab === 'import' && <ImportPanel />}
      {tab === 'export' && <ExportPanel />}
      {tab === 'snippets' && (
        <>
          <div className="interop-row">
            <label>
              Collection{' '}
              <select value={collectionId} onChange={(event) => setCollectionId(event.target.value)}>
                <option value="">choose…</option>
                {collections.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Request{' '}
              <select value={subject && 'path' in subject ? subject.path : ''} onChange={(event) => setSubject(event.target.value ? { collectionId, path: event.target.value } : null)}>
                <option value="">choose…</option>
                {options.map((o) => (
                  <option key={o.path} value={o.path}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <SnippetPanel subject={subject} />
        </>
      )}
    </section>
  );
}
