import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ResolvedRequest, SendResult } from '../../../shared/contract/requests';
import { toCurl } from '../../../shared/quickstart/curl';
import { rulesFor, type RuleIssue } from '../../../shared/quickstart/rules';
import type { RequestKey } from '../../../shared/quickstart/templates';
import { useExplorer } from '../api/ExplorerContext';
import { CopyButton } from '../components/common/CopyButton';
import { RequestEditor } from '../components/request/RequestEditor';
import { ResponseViewer } from '../components/response/ResponseViewer';
import { expectAnswer, takeAwaitedAnswer } from './answer-reveal';
import { useQuickStartModel } from './context';
import { requestOf, templateOf } from './step-requests';
import { explainResult } from './useQuickStart';

const PREVIEW_DELAY_MS = 250;

/** How long after an answer arrives the panel keeps its status in view while the page lays out. */
const REVEAL_FOLLOW_MS = 1500;

/** One step request: the editor, Copy as curl, a production confirmation when needed, and the answer. */
export function RequestPanel({ requestKey, idPrefix, heading }: { requestKey: RequestKey; idPrefix: string; heading?: string }) {
  const api = useExplorer();
  const model = useQuickStartModel();
  const { state } = model;
  const request = requestOf(requestKey, state);
  const [preview, setPreview] = useState<ResolvedRequest | null>(null);
  const variables = model.variablesFor(requestKey, true);
  const requestText = JSON.stringify(request);
  const variablesText = JSON.stringify(variables);

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      void api.previewRequest({ request: JSON.parse(requestText), variables: { run: JSON.parse(variablesText) } }).then((answer) => {
        if (live) setPreview(answer.ok ? answer.value : null);
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [api, requestText, variablesText, model.activeProfile?.id]);

  const ruleContext = model.ruleContext();
  const contextKey = JSON.stringify({ ...ruleContext, imageBase64: ruleContext.imageBase64 ? `${model.image?.fileName}:${ruleContext.imageBase64.length}` : null });
  // The editor checks on every render; decoding a 2 MB image each time would make typing lag.
  const rules = useMemo(() => {
    const check = rulesFor(requestKey, ruleContext);
    let lastBody = '';
    let lastIssues: RuleIssue[] = [];
    return (body: unknown) => {
      const text = JSON.stringify(body) ?? '';
      if (text !== lastBody) {
        lastBody = text;
        lastIssues = check(body);
      }
      return lastIssues;
    };
    // ruleContext is rebuilt each render; contextKey says when it really changed.
  }, [requestKey, contextKey]);
  const explain = useCallback((result: SendResult) => explainResult(requestKey, result), [requestKey]);

  const [curlWithToken, setCurlWithToken] = useState(false);
  const curlText = async () => {
    const answer = await api.previewRequest({ request: requestOf(requestKey, model.stateRef.current ?? state), variables: { run: model.variablesFor(requestKey, false) } });
    if (!answer.ok) return `# The request could not be prepared: ${answer.error.message}`;
    if (!curlWithToken || !answer.value.headers.some((h) => h.name.toLowerCase() === 'authorization')) return toCurl(answer.value).text;
    const token = await api.revealToken({});
    if (!token.ok) return `# The access token could not be included: ${token.error.message}`;
    return toCurl(answer.value, { literal: { VIPPS_ACCESS_TOKEN: token.value.accessToken } }).text;
  };

  const outcome = model.results[requestKey];
  // After a Send from this panel, bring the answer's status into view: the user should not
  // have to scroll to see whether it worked.
  const panel = useRef<HTMLElement>(null);
  const revealUntil = useRef(0);
  useEffect(() => {
    if (!outcome || (!outcome.result && !outcome.error)) return;
    if (takeAwaitedAnswer(requestKey)) {
      revealUntil.current = Date.now() + REVEAL_FOLLOW_MS;
    }
    if (Date.now() > revealUntil.current) return;
    const reveal = () => {
      const viewer = panel.current?.querySelector('.response-viewer');
      const status = viewer?.querySelector('[data-testid="response-status"]') ?? viewer;
      status?.scrollIntoView({ block: 'center' });
    };
    reveal();
    // The answer keeps laying out after it arrives (an image preview, a tree, headers the step
    // learned), and the outcome itself may update more than once: follow the panel's size for a
    // moment, so the status stays in view however the page grew above it.
    const element = panel.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (Date.now() <= revealUntil.current) reveal();
    });
    observer.observe(element);
    const timer = window.setTimeout(() => observer.disconnect(), Math.max(0, revealUntil.current - Date.now()));
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [outcome, requestKey]);
  const confirmation = model.pendingConfirmation?.key === requestKey ? model.pendingConfirmation : null;
  const label = heading ?? templateOf(requestKey, state).label;

  return (
    <section className="qs-request" aria-labelledby={`${idPrefix}-heading`} ref={panel}>
      <div className="qs-request-head">
        <h2 id={`${idPrefix}-heading`} className="qs-request-title">
          {label}
        </h2>
        <CopyButton text={curlText} label="Copy as curl" ariaLabel={`Copy “${label}” as a curl command`} />
      </div>
      <p className="qs-hint">
        Copy as curl writes your keys and the token as shell variables ($VIPPS_ACCESS_TOKEN, $VIPPS_SUBSCRIPTION_KEY, …). The keys
        never leave the keychain; the token can be written in if you ask.{' '}
        <label className="qs-inline-check">
          <input type="checkbox" checked={curlWithToken} onChange={(event) => setCurlWithToken(event.target.checked)} /> Include the access token
        </label>
      </p>
      <RequestEditor
        request={request}
        onChange={(next) => model.editRequest(requestKey, next)}
        preview={preview}
        rules={rules}
        sending={model.sendingKey === requestKey}
        onSend={() => {
          expectAnswer(requestKey);
          void model.send(requestKey);
        }}
        onCancel={model.cancel}
        onReset={() => model.resetRequest(requestKey)}
        readOnlyMethod
        idPrefix={idPrefix}
      />
      {model.unsavedNote && <p className="qs-hint">{model.unsavedNote}</p>}
      {confirmation && (
        <div className="qs-production-warning" role="alert">
          <p>{confirmation.message}</p>
          <button type="button" className="button-danger" onClick={() => void model.send(requestKey, { confirmProduction: true })}>
            Send to Production
          </button>
        </div>
      )}
      <ResponseViewer result={outcome?.result ?? null} error={outcome?.error ?? null} explain={explain} idPrefix={`${idPrefix}-response`} />
    </section>
  );
}
