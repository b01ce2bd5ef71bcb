import { useEffect, useState } from 'react';
import type { CollectionSummary, TreeNode } from '../../../shared/model/collection';
import { useExplorer } from '../api/ExplorerContext';
import { folderTrails } from '../workspace/collections/tree-rows';
import { saveText } from './download';

function folders(nodes: TreeNode[]): Array<{ path: string; label: string }> {
  return folderTrails(nodes).map(({ path, names }) => ({ path, label: names.join(' / ') }));
}

/** A collection or one of its folders as Postman v2.1, and the active profile as a Postman environment. */
export function ExportPanel({ collectionId: initial }: { collectionId?: string }) {
  const api = useExplorer();
  const [collections, setCollections] = useState<CollectionSummary[]>([]);
  const [collectionId, setCollectionId] = useState(initial ?? '');
  const [folderList, setFolderList] = useState<Array<{ path: string; label: string }>>([]);
  const [folder, setFolder] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void api.listCollections({}).then((r) => {
      if (!r.ok) return;
      setCollections(r.value.collections);
      setCollectionId((current) => current || r.value.collections[0]?.id || '');
    });
  }, [api]);
  useEffect(() => {
    setFolder('');
    if (!collectionId) return setFolderList([]);
    void api.getCollectionTree({ collectionId }).then((r) => setFolderList(r.ok ? folders(r.value.items) : []));
  }, [api, collectionId]);

  const exportCollection = async () => {
    const answer = await api.exportPostman({ collectionId, path: folder });
    if (!answer.ok) return setMessage({ kind: 'error', text: answer.error.message });
    saveText(answer.value.fileName, answer.value.text);
    setMessage({ kind: 'ok', text: `Saved ${answer.value.fileName}. Secrets are in it as {{variables}}, never as values.` });
  };
  const exportEnvironment = async () => {
    const answer = await api.exportPostmanEnvironment({});
    if (!answer.ok) return setMessage({ kind: 'error', text: answer.error.message });
    saveText(answer.value.fileName, answer.value.text);
    setMessage({ kind: 'ok', text: `Saved ${answer.value.fileName}. The keys are left empty: fill them in Postman.` });
  };

  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <div className="interop-row">
        <label>
          Collection{' '}
          <select value={collectionId} onChange={(event) => setCollectionId(event.target.value)}>
            {collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Folder{' '}
          <select value={folder} onChange={(event) => setFolder(event.target.value)}>
            <option value="">the whole collection</option>
            {folderList.map((f) => (
              <option key={f.path} value={f.path}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!collectionId} onClick={() => void exportCollection()}>
          Export as Postman v2.1
        </button>
      </div>
      <div className="interop-row">
        <button type="button" className="button-quiet" onClick={() => void exportEnvironment()}>
          Export the active profile as a Postman environment
        </button>
      </div>
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
