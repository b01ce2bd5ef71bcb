import { useEffect, useMemo, useRef, useState } from 'react';
import type { ProfileView } from '../../../../shared/contract/profiles';
import type { CollectionSummary, TreeNode } from '../../../../shared/model/collection';
import type { RunEvent } from '../../../../shared/model/run';
import { useBackendEvent } from '../events';
import { folderTrails } from '../collections/tree-rows';
import { useWorkspace } from '../workspace-context';
import { applyRunEvent, startProgress, type RunProgress } from './run-progress';
import { RunResults } from './RunResults';
import { RunOrder } from './RunOrder';
import { defaultOrder, isCustom, mergeOrder, orderForRun, type OrderEntry } from './run-order';

function foldersOf(nodes: readonly TreeNode[]): Array<{ path: string; label: string }> {
  return folderTrails(nodes).map(({ path, names }) => ({ path, label: `${'  '.repeat(names.length - 1)}${names.at(-1)}` }));
}

/** Run a collection or folder: choose what, against which environment, how often; follow it live. */
export function RunnerView() {
  const ws = useWorkspace();
  const { api } = ws;
  const [collections, setCollections] = useState<CollectionSummary[]>([]);
  const [profiles, setProfiles] = useState<ProfileView[]>([]);
  const [collectionId, setCollectionId] = useState(ws.runPreset?.collectionId ?? '');
  const [path, setPath] = useState(ws.runPreset?.path ?? '');
  const [tree, setTree] = useState<{ collectionId: string; items: TreeNode[] } | null>(null);
  // The user's run order, for the collection and folder it was made for.
  const [order, setOrder] = useState<{ key: string; entries: OrderEntry[] } | null>(null);
  const [profileId, setProfileId] = useState('');
  const [iterations, setIterations] = useState(1);
  const [delayMs, setDelayMs] = useState(0);
  const [stopOnFailure, setStopOnFailure] = useState(false);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    if (ws.runPreset) {
      setCollectionId(ws.runPreset.collectionId);
      setPath(ws.runPreset.path);
    }
  }, [ws.runPreset]);

  // "Run" in the import dialog brings the user here and starts at once, so the run is seen live
  // where runs always are; each ask starts once, even when the view renders again.
  const autostarted = useRef<number | null>(null);
  useEffect(() => {
    const preset = ws.runPreset;
    if (!preset?.autostart || autostarted.current === preset.autostart.at) return;
    autostarted.current = preset.autostart.at;
    void start({ collectionId: preset.collectionId, path: preset.path });
    // start reads the form's other fields as they are now: their defaults, right after opening.
  }, [ws.runPreset]);

  useEffect(() => {
    void api.listCollections({}).then((answer) => {
      if (!answer.ok) return setError(answer.error.message);
      setCollections(answer.value.collections);
      setCollectionId((current) => current || answer.value.collections[0]?.id || '');
    });
    void api.listProfiles({}).then((answer) => {
      if (!answer.ok) return;
      setProfiles(answer.value.profiles);
      setProfileId((current) => current || answer.value.activeProfileId);
    });
  }, [api, ws.collectionsVersion]);

  useEffect(() => {
    if (!collectionId) return;
    void api.getCollectionTree({ collectionId }).then((answer) => setTree(answer.ok ? { collectionId, items: answer.value.items } : null));
  }, [api, collectionId, ws.collectionsVersion]);

  useBackendEvent(api, 'run', (event: RunEvent) => setProgress((current) => (current ? applyRunEvent(current, event) : current)));

  const running = progress !== null && progress.summary === null;

  // The folder choices and the run order are both read off the one tree fetched.
  const folders = useMemo(() => (tree ? foldersOf(tree.items) : []), [tree]);
  const selectedPath = path && (folders.some((f) => f.path === path) || path.endsWith('.yaml')) ? path : '';
  const orderKey = `${collectionId}\u0000${selectedPath}`;
  const defaults = useMemo(() => (tree && tree.collectionId === collectionId ? defaultOrder(tree.items, selectedPath) : []), [tree, collectionId, selectedPath]);
  // A fresh tree (an import, a rename) keeps the user's order for the same collection and folder.
  const entries = order && order.key === orderKey ? mergeOrder(order.entries, defaults) : defaults;
  const custom = isCustom(entries, defaults);
  const nothingChosen = entries.length > 0 && entries.every((entry) => !entry.included);

  const start = async (what?: { collectionId: string; path: string }) => {
    setError(null);
    setStarting(true);
    // The import dialog's Run runs the new collection as it is; the form runs the order shown.
    const chosen = what ? undefined : orderForRun(entries, defaults);
    const where = what ? { path: what.path } : chosen ? { order: chosen } : { path: selectedPath };
    const answer = await api.startRun({ collectionId: what?.collectionId ?? collectionId, ...where, profileId: profileId || undefined, iterations, delayMs, stopOnFailure });
    setStarting(false);
    if (!answer.ok) return setError(answer.error.message);
    setProgress(startProgress(answer.value.runId));
    // Events may have raced ahead of the answer; the run's own record fills in what they said.
    const snapshot = await api.getRun({ runId: answer.value.runId });
    if (snapshot.ok)
      setProgress((current) =>
        current && current.results.length < snapshot.value.results.length
          ? { ...current, name: snapshot.value.name, results: snapshot.value.results, summary: snapshot.value.outcome === 'running' ? null : snapshot.value }
          : current,
      );
  };

  const cancel = () => progress && void api.cancelRun({ runId: progress.runId });

  const itemChoice = path && !folders.some((f) => f.path === path) ? path : null;
  return (
    <section className="view runner-view" aria-labelledby="runner-title">
      <h1 id="runner-title">Runner</h1>
      <p className="lead">Runs a collection or a folder in order, passing values from one request to the next, and checks each answer.</p>
      <form
        className="runner-form"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <label htmlFor="run-collection">Collection</label>
        <select
          id="run-collection"
          value={collectionId}
          onChange={(e) => {
            setCollectionId(e.target.value);
            setPath('');
          }}
        >
          {collections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <label htmlFor="run-folder">Folder</label>
        <select id="run-folder" value={path} onChange={(e) => setPath(e.target.value)}>
          <option value="">The whole collection</option>
          {itemChoice && <option value={itemChoice}>Only {itemChoice}</option>}
          {folders.map((f) => (
            <option key={f.path} value={f.path}>
              {f.label}
            </option>
          ))}
        </select>
        <label htmlFor="run-profile">Environment</label>
        <select id="run-profile" value={profileId} onChange={(e) => setProfileId(e.target.value)}>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.environment})
            </option>
          ))}
        </select>
        <label htmlFor="run-iterations">Iterations</label>
        <input id="run-iterations" type="number" min={1} max={10_000} value={iterations} onChange={(e) => setIterations(Math.max(1, Number(e.target.value) || 1))} />
        <label htmlFor="run-delay">Delay between requests (ms)</label>
        <input id="run-delay" type="number" min={0} max={600_000} step={100} value={delayMs} onChange={(e) => setDelayMs(Math.max(0, Number(e.target.value) || 0))} />
        <span />
        <label className="runner-check">
          <input type="checkbox" checked={stopOnFailure} onChange={(e) => setStopOnFailure(e.target.checked)} /> Stop at the first failure
        </label>
        {entries.length > 0 && (
          <div className="runner-order-cell">
            <RunOrder entries={entries} custom={custom} onChange={(next) => setOrder({ key: orderKey, entries: next })} onReset={() => setOrder(null)} />
            {nothingChosen && <p className="section-hint">Every request is left out of the run order: tick at least one to run.</p>}
          </div>
        )}
        <span />
        <div className="runner-actions">
          {running ? (
            <button type="button" className="button-secondary" onClick={cancel}>
              Cancel run
            </button>
          ) : (
            <button type="submit" className="button-primary" disabled={!collectionId || starting || nothingChosen}>
              {starting ? 'Starting…' : 'Run'}
            </button>
          )}
        </div>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {progress && <RunResults progress={progress} collectionId={collectionId} />}
    </section>
  );
}
