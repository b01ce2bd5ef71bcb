import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import { useExplorer } from '../api/ExplorerContext';
import { ShortcutsTable } from '../workspace/layout/ShortcutsSheet';

export function AboutView() {
  const api = useExplorer();
  const [info, setInfo] = useState<MethodOutput<'getAppInfo'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.getAppInfo({}).then((result) => (result.ok ? setInfo(result.value) : setError(result.error.message)));
  }, [api]);
  return (
    <section className="view" aria-labelledby="about-title">
      <h1 id="about-title">About this app</h1>
      {error && <p role="alert">{error}</p>}
      {info && (
        <dl className="facts">
          <dt>Version</dt>
          <dd data-testid="app-version">{info.version}</dd>
          <dt>Running as</dt>
          <dd>{info.host === 'electron' ? 'Desktop app' : 'Browser host'}</dd>
          <dt>Data folder</dt>
          <dd><code>{info.dataDir}</code></dd>
          <dt>Platform</dt>
          <dd>{info.platform}</dd>
        </dl>
      )}
      <section className="about-shortcuts" aria-labelledby="about-shortcuts-title">
        <h2 id="about-shortcuts-title">Keyboard shortcuts</h2>
        <ShortcutsTable />
      </section>
    </section>
  );
}
