import CodeMirror, { type ReactCodeMirrorRef } from '@uiw/react-codemirror';
import { useMemo, useRef } from 'react';
import { fixTrailingCommas } from '../../../../shared/json';
import { IssueList } from '../common/IssueList';
import { bodyEditorExtensions } from './body-codemirror';
import type { BodyCheck } from './body-check';
import { locateJsonPath } from './json-locate';
import type { RuleIssue } from './types';

export interface BodyEditorProps {
  value: string;
  onChange(value: string): void;
  check: BodyCheck;
  rules?: (body: unknown) => RuleIssue[];
  contentType: string | null;
  /** Bodies are optional for these methods, so an empty one says nothing. */
  bodyExpected: boolean;
  onSend(): void;
  idPrefix: string;
}

/** The JSON body in CodeMirror, with its syntax problem named and the page's rule issues listed under it. */
export function BodyEditor({ value, onChange, check, rules, contentType, bodyExpected, onSend, idPrefix }: BodyEditorProps) {
  const editor = useRef<ReactCodeMirrorRef>(null);
  const latest = useRef({ rules, contentType, onSend });
  latest.current = { rules, contentType, onSend };
  const statusId = `${idPrefix}-body-status`;
  const labelId = `${idPrefix}-body-label`;
  const extensions = useMemo(() => bodyEditorExtensions({ current: () => latest.current }, 'Request body', statusId), [statusId]);

  const goTo = (issue: RuleIssue) => {
    const view = editor.current?.view;
    const at = locateJsonPath(value, issue.name);
    if (!view || !at) return;
    view.dispatch({ selection: { anchor: at.from, head: at.to }, scrollIntoView: true });
    view.focus();
  };

  return (
    <div className="body-editor">
      <div className="section-heading">
        <span id={labelId} className="section-title">
          Body
        </span>
        {check.json && <span className="section-hint">JSON</span>}
      </div>
      <div className={`body-editor-frame ${check.syntax ? 'has-error' : ''}`} aria-labelledby={labelId} role="group">
        <CodeMirror
          ref={editor}
          value={value}
          onChange={onChange}
          extensions={extensions}
          theme="none"
          minHeight="8em"
          maxHeight="60vh"
          basicSetup={{ lineNumbers: true, foldGutter: true, highlightActiveLine: true, autocompletion: false, searchKeymap: true }}
        />
      </div>
      <div id={statusId} className="body-status" aria-live="polite">
        {check.syntax ? (
          <div className="field-error body-syntax">
            <span>{check.syntax.message}</span>
            {check.syntax.kind === 'trailing-comma' && (
              <button type="button" className="button-quiet" onClick={() => onChange(fixTrailingCommas(value))}>
                Remove trailing commas
              </button>
            )}
          </div>
        ) : check.empty ? (
          bodyExpected && <p className="section-hint">The body is empty: the request goes without one.</p>
        ) : !check.json ? (
          <p className="section-hint">Not checked as JSON: the Content-Type header says the body is {contentType}.</p>
        ) : (
          check.issues.length === 0 && <p className="section-hint body-valid">Valid JSON{rules ? ', and the checks for this step pass' : ''}.</p>
        )}
      </div>
      <IssueList
        id={`${idPrefix}-body-issues`}
        issues={check.issues}
        title={check.issues.length === 1 ? 'The checks for this step found 1 problem:' : `The checks for this step found ${check.issues.length} problems:`}
        onSelect={goTo}
      />
    </div>
  );
}
