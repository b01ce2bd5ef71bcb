import { useEffect, useRef, useState } from 'react';
import type { PreviewHeader } from '../../../../shared/contract/requests';

export interface EditableHeader {
  name: string;
  value: string;
  enabled?: boolean;
}

export interface HeadersEditorProps {
  headers: readonly EditableHeader[];
  onChange(headers: EditableHeader[]): void;
  /** Headers the app adds itself (token, keys, system headers), from the preview. */
  autoHeaders: readonly PreviewHeader[];
  idPrefix: string;
}

const MASK = '••••••••';

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The user's headers as an editable table, with the automatic ones greyed beneath them. */
export function HeadersEditor({ headers, onChange, autoHeaders, idPrefix }: HeadersEditorProps) {
  const [focusRow, setFocusRow] = useState<{ row: number; field: 'name' | 'value' } | null>(null);
  const inputs = useRef(new Map<string, HTMLInputElement>());

  useEffect(() => {
    if (!focusRow) return;
    inputs.current.get(`${focusRow.row}-${focusRow.field}`)?.focus();
    setFocusRow(null);
  }, [focusRow]);

  const update = (index: number, change: Partial<EditableHeader>) =>
    onChange(headers.map((header, i) => (i === index ? { ...header, ...change } : { ...header })));
  const remove = (index: number) => onChange(headers.filter((_, i) => i !== index));
  const add = (header: EditableHeader, field: 'name' | 'value') => {
    onChange([...headers, header]);
    setFocusRow({ row: headers.length, field });
  };
  const overriddenBy = (auto: PreviewHeader) => headers.find((h) => h.enabled !== false && sameName(h.name, auto.name));
  const register = (key: string) => (element: HTMLInputElement | null) => {
    if (element) inputs.current.set(key, element);
    else inputs.current.delete(key);
  };

  return (
    <div className="headers-editor">
      <div className="section-heading">
        <span className="section-title" id={`${idPrefix}-headers-title`}>
          Headers
        </span>
      </div>
      <table className="headers-table" aria-labelledby={`${idPrefix}-headers-title`}>
        <thead>
          <tr>
            <th scope="col">Send</th>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {headers.map((header, i) => {
            const label = header.name.trim() || `row ${i + 1}`;
            return (
              <tr key={i} className={header.enabled === false ? 'header-disabled' : undefined}>
                <td>
                  <input type="checkbox" aria-label={`Send header ${label}`} checked={header.enabled !== false} onChange={(e) => update(i, { enabled: e.target.checked })} />
                </td>
                <td>
                  <input
                    ref={register(`${i}-name`)}
                    type="text"
                    aria-label={`Header ${i + 1} name`}
                    aria-invalid={header.name.trim() === ''}
                    placeholder="Name"
                    spellCheck={false}
                    value={header.name}
                    onChange={(e) => update(i, { name: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    ref={register(`${i}-value`)}
                    type="text"
                    aria-label={`Header ${i + 1} value`}
                    placeholder="Value"
                    spellCheck={false}
                    value={header.value}
                    onChange={(e) => update(i, { value: e.target.value })}
                  />
                </td>
                <td>
                  <button type="button" className="button-quiet" aria-label={`Remove header ${label}`} onClick={() => remove(i)}>
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
          {autoHeaders.map((auto) => {
            const replaced = overriddenBy(auto);
            return (
              <tr key={`auto-${auto.name}`} className={`header-auto ${replaced ? 'header-replaced' : ''}`} data-testid="auto-header">
                <td>
                  <span className="visually-hidden">Added automatically</span>
                </td>
                <th scope="row" className="header-auto-name">
                  {auto.name}
                </th>
                <td className="header-auto-value">
                  <code>{auto.secret ? MASK : auto.value}</code>{' '}
                  <span className="header-auto-label">{replaced ? 'replaced by your header' : 'added automatically'}</span>
                </td>
                <td>
                  {!replaced && (
                    <button
                      type="button"
                      className="button-quiet"
                      aria-label={`Override ${auto.name}`}
                      onClick={() => add({ name: auto.name, value: auto.secret ? '' : auto.value, enabled: true }, 'value')}
                    >
                      Override
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="headers-actions">
        <button type="button" className="button-quiet" onClick={() => add({ name: '', value: '', enabled: true }, 'name')}>
          Add header
        </button>
        {autoHeaders.length > 0 && (
          <span className="section-hint">Greyed headers are added by the app. A header you add with the same name replaces the automatic one.</span>
        )}
      </div>
    </div>
  );
}
