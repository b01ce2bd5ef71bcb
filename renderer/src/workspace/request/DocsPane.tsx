import { useState } from 'react';
import Markdown from 'react-markdown';
import type { ApiRequest } from '../../../../shared/model/request';

/**
 * The request's description in Markdown. react-markdown builds React elements and drops raw
 * HTML, so an imported description cannot run script in the window.
 */
export function DocsPane({ request, onChange, idPrefix }: { request: ApiRequest; onChange(next: ApiRequest): void; idPrefix: string }) {
  const [editing, setEditing] = useState(request.description === '');
  return (
    <div className="pane docs-pane">
      <div className="section-heading">
        <button type="button" className="button-quiet" aria-pressed={editing} onClick={() => setEditing((v) => !v)}>
          {editing ? 'Preview' : 'Edit'}
        </button>
      </div>
      {editing ? (
        <>
          <label htmlFor={`${idPrefix}-docs`} className="visually-hidden">
            Description (Markdown)
          </label>
          <textarea
            id={`${idPrefix}-docs`}
            className="docs-text"
            rows={12}
            value={request.description}
            placeholder="What this request does, in Markdown."
            onChange={(e) => onChange({ ...request, description: e.target.value })}
          />
        </>
      ) : (
        <div className="docs-preview">
          <Markdown skipHtml>{request.description}</Markdown>
        </div>
      )}
    </div>
  );
}
