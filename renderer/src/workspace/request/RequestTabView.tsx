import { useCallback, type KeyboardEvent } from 'react';
import type { ExplorerApi } from '../../../../shared/contract';
import type { ApiRequest } from '../../../../shared/model/request';
import { withOrderId } from '../../../../shared/vipps/order-ids';
import { ResponseViewer } from '../../components/response/ResponseViewer';
import { SplitPane } from '../layout/SplitPane';
import { useWideWindow } from '../layout/useWideWindow';
import { requestActions } from '../slots';
import { CheckOnly } from './CheckOnly';
import { OrderIdNotice } from './OrderIdNotice';
import { RequestLine } from './RequestLine';
import { RequestPanes } from './RequestPanes';
import { TestResults, testsLabel } from './TestResults';
import { usePreview } from './usePreview';
import type { TabOutcome } from './useRequestSender';
import { toWireRequest } from './wire';
import type { RequestContext } from '../variables/useRequestContext';
import { VariableScopeContext } from '../variables/variable-scope';

export interface RequestTabViewProps {
  api: ExplorerApi;
  tabId: string;
  request: ApiRequest;
  onChange(next: ApiRequest): void;
  dirty: boolean;
  outcome: TabOutcome;
  onSend(options?: { confirmProduction?: boolean }): void;
  onCancel(): void;
  onSave(): void;
  splits: { stackedSplit: number; sideSplit: number };
  onSplit(which: 'stackedSplit' | 'sideSplit', ratio: number): void;
  context: RequestContext;
}

const variableName = (text: string) => text.replace(/^\{\{\s*|\s*\}\}$/g, '');

/** One request tab: the request on one side, the answer on the other (stacked below ~1200 px). */
export function RequestTabView({ api, tabId, request, onChange, dirty, outcome, onSend, onCancel, onSave, splits, onSplit, context }: RequestTabViewProps) {
  const wide = useWideWindow();
  const preview = usePreview(api, request, context.collectionValues, context.inheritedAuth);
  const unresolved = (preview?.unresolved ?? []).map(variableName);
  const secretsMissing = unresolved.filter((name) => context.secretNames.has(name));
  const wire = toWireRequest(request, context.inheritedAuth);
  const sendBlock = wire.ok ? null : wire.reason;
  const idPrefix = `ws-${tabId}`;
  const send = useCallback(() => {
    if (!outcome.sending && !sendBlock) onSend();
  }, [outcome.sending, sendBlock, onSend]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
      event.preventDefault();
      send();
    }
  };

  const requestLine = (
    <div className="ws-line" onKeyDown={onKeyDown}>
      <RequestLine
        request={request}
        onChange={onChange}
        sending={outcome.sending}
        sendBlock={sendBlock}
        unresolved={unresolved}
        onSend={send}
        onCancel={onCancel}
        onSave={onSave}
        dirty={dirty}
        idPrefix={idPrefix}
        actions={requestActions.map((Action, i) => (
          <Action key={i} request={request} />
        ))}
      />
      {sendBlock && (
        <p id={`${idPrefix}-send-block`} className="send-block">
          {sendBlock}
        </p>
      )}
      {secretsMissing.length > 0 && !context.saved && (
        <p className="field-error">
          {secretsMissing.map((n) => `{{${n}}}`).join(', ')} {secretsMissing.length === 1 ? 'is a secret variable' : 'are secret variables'}: the value stays in the
          keychain and is filled when the collection runs. Use Run (in the collection’s menu) to send this request with it.
        </p>
      )}
      {secretsMissing.length > 0 && context.saved && (
        <p className="section-hint">
          {secretsMissing.map((n) => `{{${n}}}`).join(', ')} {secretsMissing.length === 1 ? 'is a secret variable' : 'are secret variables'}: filled from the keychain when
          this request is sent.
        </p>
      )}
      {unresolved.length > secretsMissing.length && (
        <p className="field-error">
          No value for {unresolved.filter((n) => !context.secretNames.has(n)).map((n) => `{{${n}}}`).join(', ')}: define {unresolved.length === 1 ? 'it' : 'them'} in the environment or in the collection’s variables
          (Environments, in the sidebar), or sending stops there.
        </p>
      )}
      <OrderIdNotice
        api={api}
        preview={preview}
        lastAnswer={outcome.result?.requestId}
        onPick={(orderId) => {
          const url = withOrderId(request.url, orderId);
          if (url !== null) onChange({ ...request, url });
        }}
      />
      <CheckOnly preview={preview} />
      {preview && !preview.toProfileHost && <p className="section-hint">This URL is not on the environment’s host, so no token or keys go with it.</p>}
    </div>
  );

  const requestSide = (
    <section className="ws-request" aria-label="Request" onKeyDown={onKeyDown}>
      <RequestPanes request={request} onChange={onChange} autoHeaders={(preview?.headers ?? []).filter((h) => h.auto)} unresolved={unresolved} onSend={send} idPrefix={idPrefix} />
    </section>
  );

  const responseSide = (
    <div className="ws-response">
      {outcome.sending && (
        <p className="section-hint" role="status">
          Sending…
        </p>
      )}
      {outcome.error?.code === 'CONFIRMATION_REQUIRED' && (
        <div className="qs-production-warning" role="alert" aria-label="Production confirmation">
          <p>{outcome.error.message}</p>
          <button type="button" className="button-danger" onClick={() => onSend({ confirmProduction: true })}>
            Send to Production
          </button>
        </div>
      )}
      <ResponseViewer
        result={outcome.result}
        error={outcome.error?.code === 'CONFIRMATION_REQUIRED' ? null : outcome.error}
        idPrefix={`${idPrefix}-response`}
        extraTab={outcome.tests ? { label: testsLabel(outcome.tests), content: <TestResults tests={outcome.tests} /> } : undefined}
      />
    </div>
  );

  const which = wide ? 'sideSplit' : 'stackedSplit';
  return (
    <VariableScopeContext.Provider value={context.scope}>
    <div className="ws-tab-body">
      {requestLine}
      <SplitPane
      horizontal={wide}
      ratio={splits[which]}
      onRatio={(ratio) => onSplit(which, ratio)}
      first={requestSide}
      second={responseSide}
      label={wide ? 'Width of the request and response panes' : 'Height of the request and response panes'}
      />
    </div>
    </VariableScopeContext.Provider>
  );
}
