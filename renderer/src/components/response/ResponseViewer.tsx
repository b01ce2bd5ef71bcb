import { useMemo, useState, type ReactNode } from 'react';
import type { SendResult } from '../../../../shared/contract/requests';
import type { ExplorerError } from '../../../../shared/errors';
import { Tabs } from '../common/Tabs';
import '../components.css';
import { BodyView } from './BodyView';
import { ErrorPanel } from './ErrorPanel';
import { ExplanationBanner, type ResponseExplanation } from './ExplanationBanner';
import { explainResponse } from './explain-response';
import { HeadersView } from './HeadersView';
import { RawBodyView } from './RawBodyView';
import { ResponseSummary } from './ResponseSummary';
import { useResponseBody } from './useResponseBody';

export type { ResponseExplanation } from './ExplanationBanner';

export interface ResponseViewerProps {
  result: SendResult | null;
  error: ExplorerError | null;
  /** The page's reading of the answer, e.g. "receipts are write-once: start a new order". */
  explain?: (result: SendResult) => ResponseExplanation | null;
  idPrefix: string;
  /** One more view beside Body, Raw and Headers (the workspace's test results). */
  extraTab?: { label: string; content: ReactNode };
}

type ResponseTab = 'body' | 'raw' | 'headers' | 'extra';

export function ResponseViewer({ result, error, explain, idPrefix, extraTab }: ResponseViewerProps) {
  const [chosen, setTab] = useState<ResponseTab>('body');
  const tab: ResponseTab = chosen === 'extra' && !extraTab ? 'body' : chosen;
  const body = useResponseBody(result);
  const explanation = useMemo(() => (result ? explainResponse(result, explain) : null), [result, explain]);

  if (!result && !error) {
    return (
      <section className="response-viewer response-empty" aria-label="Response">
        <p>Send the request to see the answer here.</p>
      </section>
    );
  }

  return (
    <section className="response-viewer" aria-label="Response">
      {error && <ErrorPanel error={error} id={`${idPrefix}-error`} />}
      {result && (
        <>
          <ResponseSummary result={result} />
          {explanation && <ExplanationBanner explanation={explanation} id={`${idPrefix}-explanation`} />}
          <Tabs<ResponseTab>
            idPrefix={idPrefix}
            label="Response views"
            selected={tab}
            onSelect={setTab}
            tabs={[
              { id: 'body', label: 'Body' },
              { id: 'raw', label: 'Raw' },
              { id: 'headers', label: `Headers (${result.headers.length})` },
              ...(extraTab ? [{ id: 'extra' as const, label: extraTab.label }] : []),
            ]}
          >
            {tab === 'body' && <BodyView body={result.body} state={body.state} idPrefix={idPrefix} onStop={body.stop} onReload={body.reload} />}
            {tab === 'raw' && <RawBodyView body={result.body} label="Response body as received" />}
            {tab === 'headers' && <HeadersView headers={result.headers} />}
            {tab === 'extra' && extraTab?.content}
          </Tabs>
        </>
      )}
    </section>
  );
}
