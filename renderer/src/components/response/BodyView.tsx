import type { SendResult } from '../../../../shared/contract/requests';
import { formatBytes } from '../common/format';
import { JsonTreeView } from './JsonTreeView';
import { RawBodyView } from './RawBodyView';
import type { BodyState } from './useResponseBody';

export interface BodyViewProps {
  body: SendResult['body'];
  state: BodyState;
  idPrefix: string;
  onStop(): void;
  onReload(): void;
}

/** The Body tab: a tree for JSON, text otherwise, and the progress of a large body while it loads. */
export function BodyView({ body, state, idPrefix, onStop, onReload }: BodyViewProps) {
  switch (state.phase) {
    case 'none':
      return null;
    case 'empty':
      return <p className="raw-body-note">The response has no body.</p>;
    case 'binary':
      return <p className="raw-body-note">The body is binary ({formatBytes(state.size)}); the Raw tab shows it as base64.</p>;
    case 'loading': {
      const percent = state.total > 0 ? Math.min(100, Math.round((state.loaded / state.total) * 100)) : 0;
      return (
        <div className="body-loading">
          <label htmlFor={`${idPrefix}-body-progress`}>
            Reading the body: {formatBytes(state.loaded)} of {formatBytes(state.total)}
            {state.loaded >= state.total && state.total > 0 ? ', building the tree…' : ''}
          </label>
          <progress id={`${idPrefix}-body-progress`} max={100} value={percent}>
            {percent} %
          </progress>
          <button type="button" className="button-quiet" onClick={onStop}>
            Stop
          </button>
          {state.preview && (
            <pre className="body-preview" data-testid="body-preview" tabIndex={0} aria-label="The first lines of the body, while the tree is built">
              {state.preview}
            </pre>
          )}
        </div>
      );
    }
    case 'stopped':
      return (
        <div className="body-loading">
          <p>
            Stopped after {formatBytes(state.loaded)} of {formatBytes(state.total)}. The Raw tab shows the body page by page.
          </p>
          <button type="button" className="button-quiet" onClick={onReload}>
            Load the tree again
          </button>
        </div>
      );
    case 'failed':
      return (
        <div className="body-loading">
          <p className="field-error" role="alert">
            {state.message}
          </p>
          <button type="button" className="button-quiet" onClick={onReload}>
            Try again
          </button>
        </div>
      );
    case 'text':
      return (
        <>
          {state.note && <p className="response-note">{state.note}</p>}
          <RawBodyView body={body} label="Response body" />
        </>
      );
    case 'tree':
      return <JsonTreeView key={state.source.id} source={state.source} root={state.root} idPrefix={idPrefix} />;
  }
}
