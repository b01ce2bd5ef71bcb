import { useEffect, useState } from 'react';
import { snippetTargetNames, type SnippetTargetName } from '../../../shared/contract';
import type { ApiRequest } from '../../../shared/model/request';
import { useExplorer } from '../api/ExplorerContext';
import { CopyButton } from '../components/common/CopyButton';

const LABELS: Record<SnippetTargetName, string> = {
  curl: 'curl',
  'node-fetch': 'Node.js (fetch)',
  'node-axios': 'Node.js (axios)',
  'python-requests': 'Python (requests)',
  'csharp-httpclient': 'C# (HttpClient)',
  'java-httpclient': 'Java (HttpClient)',
  'php-curl': 'PHP (cURL)',
  'go-native': 'Go (net/http)',
};

export type SnippetSubject = { collectionId: string; path: string } | { request: ApiRequest };

/** Code that sends the request in the chosen language; keys and the token are environment lookups. */
export function SnippetPanel({ subject }: { subject: SnippetSubject | null }) {
  const api = useExplorer();
  const [target, setTarget] = useState<SnippetTargetName>('curl');
  const [includeToken, setIncludeToken] = useState(false);
  const [snippet, setSnippet] = useState<{ code: string; environment: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!subject) return setSnippet(null);
    let current = true;
    void api.getSnippet({ target, ref: subject, includeToken }).then((answer) => {
      if (!current) return;
      if (answer.ok) {
        setSnippet(answer.value);
        setError(null);
      } else {
        setSnippet(null);
        setError(answer.error.message);
      }
    });
    return () => {
      current = false;
    };
  }, [api, subject, target, includeToken]);

  return (
    <section aria-labelledby="snippet-title">
      <h2 id="snippet-title">Code snippet</h2>
      <div className="interop-row">
        <label>
          Language{' '}
          <select value={target} onChange={(event) => setTarget(event.target.value as SnippetTargetName)}>
            {snippetTargetNames.map((name) => (
              <option key={name} value={name}>
                {LABELS[name]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={includeToken} onChange={(event) => setIncludeToken(event.target.checked)} /> Write the current access token in (keys always stay variables)
        </label>
        {snippet && <CopyButton text={snippet.code} label="Copy" ariaLabel="Copy the snippet" />}
      </div>
      {!subject && <p>Choose a request to see its code.</p>}
      {error && <p role="alert">{error}</p>}
      {snippet && (
        <>
          {snippet.environment.length > 0 && <p>Set {snippet.environment.map((v) => `${v}`).join(', ')} in the environment before running it.</p>}
          <pre className="snippet-code" data-testid="snippet-code" tabIndex={0} role="region" aria-label={`${LABELS[target]} code`}>
            <code>{snippet.code}</code>
          </pre>
        </>
      )}
    </section>
  );
}
