import { useEffect, useRef, useState, type DragEvent } from 'react';
import { decodeText } from '../../../shared/interop/text';
import type { ImportPreview, ImportResult, ImportSource, MethodInput } from '../../../shared/contract';
import type { CollectionSummary } from '../../../shared/model/collection';
import type { ApiRequest } from '../../../shared/model/request';
import { useExplorer } from '../api/ExplorerContext';
import { RunSummaryView, useRun } from './RunSummaryView';

export interface ImportPanelProps {
  /** Called once an import has landed, so a host view can refresh its tree. */
  onImported?: (result: ImportResult) => void;
  /** Import into this collection by default (e.g. the one open in the sidebar). */
  defaultCollectionId?: string;
  /**
   * Run the imported collection where runs are followed (the workspace's Runner). Without it,
   * as in a view shown on its own, the run is followed here.
   */
  onRun?: (collectionId: string) => void;
  /** Open a collection's settings and variables (to fill in what nothing defines). */
  onEditSettings?: (collectionId: string) => void;
}

const PLACES = { 'collection-file': 'Collection file', keychain: 'OS keychain', profile: 'From the profile', 'left-out': 'Left out' } as const;

/**
 * Import by file, by drag-and-drop or by pasting: Postman collections and environments, curl
 * commands and OpenAPI files. Shows what would come in first (with what cannot, and curl's
 * defects with one-click fixes), then imports into a new or existing collection.
 */
export function ImportPanel({ onImported, defaultCollectionId, onRun, onEditSettings }: ImportPanelProps) {
  const api = useExplorer();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>();
  const [requests, setRequests] = useState<ApiRequest[] | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [storeKeys, setStoreKeys] = useState(false);
  const [collections, setCollections] = useState<CollectionSummary[]>([]);
  const [target, setTarget] = useState<string>(defaultCollectionId ?? 'new');
  const run = useRun();

  useEffect(() => {
    void api.listCollections({}).then((r) => r.ok && setCollections(r.value.collections.filter((c) => !c.readOnly)));
  }, [api, result]);

  const source = (): ImportSource => (requests ? { kind: 'requests', requests } : { kind: 'text', text, ...(fileName ? { fileName } : {}) });

  const check = async (next: ImportSource = source()) => {
    setBusy(true);
    setError(null);
    setResult(null);
    const answer = await api.previewImport({ source: next, storeKeys });
    setBusy(false);
    if (!answer.ok) {
      setPreview(null);
      setError(answer.error.message);
      return;
    }
    setPreview(answer.value);
    if (answer.value.format === 'curl') setRequests(answer.value.items.map((item) => item.request!).filter(Boolean));
  };

  const load = async (file: File) => {
    // By the bytes, as newman reads them: a BOM or UTF-16 (Windows editors, PowerShell) is no error.
    const content = decodeText(new Uint8Array(await file.arrayBuffer()));
    setText(content);
    setFileName(file.name);
    setRequests(null);
    await check({ kind: 'text', text: content, fileName: file.name });
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) void load(file);
  };

  const applyFix = async (index: number, request: ApiRequest) => {
    if (!requests) return;
    const next = requests.map((r, i) => (i === index ? request : r));
    setRequests(next);
    await check({ kind: 'requests', requests: next });
  };

  const fixAll = async () => {
    if (!requests || !preview) return;
    let current = requests;
    // Each fix is worked out on the request as the previous one left it, like pressing every button in turn.
    for (let round = 0; round < 20; round++) {
      const answer = await api.previewImport({ source: { kind: 'requests', requests: current } });
      if (!answer.ok) return setError(answer.error.message);
      const index = answer.value.items.findIndex((item) => item.defects.length > 0);
      if (index < 0) {
        setPreview(answer.value);
        break;
      }
      current = current.map((r, i) => (i === index ? answer.value.items[index]!.defects[0]!.fix.request : r));
    }
    setRequests(current);
    await check({ kind: 'requests', requests: current });
  };

  const doImport = async () => {
    setBusy(true);
    setError(null);
    const input: MethodInput<'importInto'> = {
      source: source(),
      storeKeys,
      target: target === 'new' ? { kind: 'new' } : { kind: 'existing', collectionId: target },
    };
    const answer = await api.importInto(input);
    setBusy(false);
    if (!answer.ok) return setError(answer.error.message);
    setResult(answer.value);
    // A second Import goes into the collection just made, not into yet another new one.
    setTarget(answer.value.collectionId);
    onImported?.(answer.value);
  };

  /** Adds what nothing defines to the collection's variables, empty, and opens them to be filled in. */
  const fillIn = async (done: ImportResult) => {
    const current = await api.getContainerSettings({ collectionId: done.collectionId, path: '' });
    if (!current.ok) return setError(current.error.message);
    const missing = done.undefinedVariables.filter((key) => !current.value.variables.some((v) => v.key === key));
    const saved = await api.saveContainerSettings({ collectionId: done.collectionId, path: '', settings: { ...current.value, variables: [...current.value.variables, ...missing.map((key) => ({ key, value: '', enabled: true, secret: false }))] } });
    if (!saved.ok) return setError(saved.error.message);
    onEditSettings?.(done.collectionId);
  };

  // The result (and its Run button) sits under a long preview: bring it into view, as Send does.
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!result) return;
    resultRef.current?.scrollIntoView?.({ block: 'nearest' });
    resultRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [result]);

  return (
    <section className="interop-import" aria-labelledby="import-title">
      <h2 id="import-title">Import</h2>
      <div
        className={`drop-zone ${over ? 'is-over' : ''}`}
        data-testid="import-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>Drop a Postman collection or environment, an OpenAPI file or a text with curl commands here, choose a file, or paste below.</p>
        <label className="interop-row">
          <span>File</span>
          <input type="file" accept=".json,.yaml,.yml,.txt,.sh,.curl" onChange={(event) => event.target.files?.[0] && void load(event.target.files[0])} />
        </label>
        <label htmlFor="import-text">Pasted text</label>
        <textarea
          id="import-text"
          value={text}
          spellCheck={false}
          onChange={(event) => {
            setText(event.target.value);
            setFileName(undefined);
            setRequests(null);
          }}
          placeholder="curl -X POST https://… or a collection’s JSON"
        />
        <div className="interop-row">
          <button type="button" className="button-quiet" disabled={busy || text.trim() === ''} onClick={() => void check({ kind: 'text', text, ...(fileName ? { fileName } : {}) })}>
            Check
          </button>
        </div>
      </div>

      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}

      {preview && (
        <div data-testid="import-preview" aria-live="polite">
          <h3>
            {preview.name} <small>({formatLabel(preview.format)})</small>
          </h3>
          {preview.format !== 'postman-environment' && (
            <p>
              {preview.requestCount} request{preview.requestCount === 1 ? '' : 's'}
              {preview.folderCount > 0 ? ` in ${preview.folderCount} folder${preview.folderCount === 1 ? '' : 's'}` : ''}.
            </p>
          )}
          {preview.notes.length > 0 && (
            <ul className="import-notes">
              {preview.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          {preview.items.some((i) => i.defects.length > 0) && (
            <button type="button" className="button-quiet" onClick={() => void fixAll()}>
              Fix all
            </button>
          )}
          <ul className="import-items">
            {preview.items.map((item, index) => (
              <li key={`${item.location}-${index}`}>
                <span className="method">{item.method}</span>
                <span>{item.location}</span> <code>{item.url}</code>
                {item.notes.length > 0 && (
                  <ul className="import-notes" aria-label={`Not imported for ${item.name}`}>
                    {item.notes.map((note) => (
                      <li key={note}>{note}</li>
                    ))}
                  </ul>
                )}
                {item.defects.map((defect) => (
                  <div className="defect" key={`${defect.kind}-${defect.message}`}>
                    <span role="note">{defect.message}</span>
                    <button type="button" className="button-quiet" onClick={() => void applyFix(index, defect.fix.request)}>
                      {defect.fix.label}
                    </button>
                  </div>
                ))}
              </li>
            ))}
          </ul>
          <Placements placements={preview.variables} caption="Where the values would go" />
          <UndefinedNotice names={preview.undefinedVariables} profileName="the active profile" />

          <div className="interop-row">
            <label>
              Import into{' '}
              <select value={target} onChange={(event) => setTarget(event.target.value)}>
                <option value="new">a new collection</option>
                {collections.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <input type="checkbox" checked={storeKeys} onChange={(event) => setStoreKeys(event.target.checked)} /> Keep keys and tokens from this file in the OS keychain
            </label>
            <button type="button" disabled={busy} onClick={() => void doImport()}>
              Import
            </button>
          </div>
        </div>
      )}

      {result && (
        <div role="status" data-testid="import-result" ref={resultRef}>
          <p>
            {result.requestCount > 0 ? `Imported ${result.requestCount} request${result.requestCount === 1 ? '' : 's'}` : 'Imported'} into “{result.collectionName}”.
          </p>
          <Placements placements={result.variables} caption="Where each value went" />
          {result.undefinedVariables.length > 0 && onEditSettings && (
            <button type="button" className="button-quiet" onClick={() => void fillIn(result)}>
              Fill in {result.undefinedVariables.length === 1 ? 'that variable' : `those ${result.undefinedVariables.length} variables`}
            </button>
          )}
          {result.requestCount > 0 && (
            <button type="button" disabled={run.running} onClick={() => (onRun ? onRun(result.collectionId) : void run.start(api, result.collectionId))}>
              Run “{result.collectionName}”
            </button>
          )}
          {!onRun && <RunSummaryView state={run} />}
        </div>
      )}
    </section>
  );
}

/** Says which variables nothing defines, and how to give them a value, before a run fails on them. */
function UndefinedNotice({ names, profileName }: { names: readonly string[]; profileName: string }) {
  if (names.length === 0) return null;
  return (
    <p className="notice" role="note" data-testid="import-undefined">
      Nothing defines {names.map((name) => `{{${name}}}`).join(', ')}: not this file, not {profileName}, not a script in it. Requests that use {names.length === 1 ? 'it' : 'them'} fail until{' '}
      {names.length === 1 ? 'it is' : 'they are'} set: import the matching Vipps environment file as well, or fill {names.length === 1 ? 'it' : 'them'} in after the import.
    </p>
  );
}

function formatLabel(format: ImportPreview['format']): string {
  return { 'postman-collection': 'Postman collection', 'postman-environment': 'Postman environment', curl: 'curl', openapi: 'OpenAPI' }[format];
}

function Placements({ placements, caption }: { placements: ImportPreview['variables']; caption: string }) {
  if (placements.length === 0) return null;
  return (
    <table className="placements">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Variable</th>
          <th scope="col">Goes to</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {placements.map((p) => (
          <tr key={p.key}>
            <td>
              <code>{p.key}</code>
            </td>
            <td>{PLACES[p.destination]}</td>
            <td>{p.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
