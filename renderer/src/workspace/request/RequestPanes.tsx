import { useState } from 'react';
import type { PreviewHeader } from '../../../../shared/contract/requests';
import type { ApiRequest } from '../../../../shared/model/request';
import { Tabs } from '../../components/common/Tabs';
import { AuthPane } from './AuthPane';
import { BodyPane } from './BodyPane';
import { DocsPane } from './DocsPane';
import { HeadersPane } from './HeadersPane';
import { ParamsPane } from './ParamsPane';
import { ScriptsPane } from './ScriptsPane';

type PaneId = 'params' | 'headers' | 'body' | 'auth' | 'scripts' | 'docs';

const count = (n: number) => (n > 0 ? ` (${n})` : '');

export function RequestPanes({
  request,
  onChange,
  autoHeaders,
  unresolved,
  onSend,
  idPrefix,
}: {
  request: ApiRequest;
  onChange(next: ApiRequest): void;
  autoHeaders: readonly PreviewHeader[];
  unresolved: readonly string[];
  onSend(): void;
  idPrefix: string;
}) {
  const [pane, setPane] = useState<PaneId>(() => (request.body.mode !== 'none' ? 'body' : 'params'));
  const hasScripts = request.scripts.preRequest.trim() !== '' || request.scripts.test.trim() !== '';
  return (
    <Tabs<PaneId>
      idPrefix={`${idPrefix}-panes`}
      label="Request parts"
      selected={pane}
      onSelect={setPane}
      tabs={[
        { id: 'params', label: `Params${count(request.params.filter((p) => p.enabled).length)}` },
        { id: 'headers', label: `Headers${count(request.headers.filter((h) => h.enabled).length)}` },
        { id: 'body', label: request.body.mode === 'none' ? 'Body' : `Body (${request.body.mode === 'form-urlencoded' ? 'form' : request.body.mode === 'binary' ? 'file' : request.body.mode})` },
        { id: 'auth', label: 'Auth' },
        { id: 'scripts', label: hasScripts ? 'Scripts •' : 'Scripts' },
        { id: 'docs', label: 'Docs' },
      ]}
    >
      {pane === 'params' && <ParamsPane request={request} onChange={onChange} unresolved={unresolved} />}
      {pane === 'headers' && <HeadersPane request={request} onChange={onChange} autoHeaders={autoHeaders} unresolved={unresolved} />}
      {pane === 'body' && <BodyPane request={request} onChange={onChange} onSend={onSend} idPrefix={idPrefix} unresolved={unresolved} />}
      {pane === 'auth' && <AuthPane request={request} onChange={onChange} idPrefix={idPrefix} />}
      {pane === 'scripts' && <ScriptsPane request={request} onChange={onChange} idPrefix={idPrefix} />}
      {pane === 'docs' && <DocsPane request={request} onChange={onChange} idPrefix={idPrefix} />}
    </Tabs>
  );
}
