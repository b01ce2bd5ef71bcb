import { useEffect, useRef, useState } from 'react';
import type { KeyValue } from '../../../../shared/model/request';
import { VariableField } from '../variables/VariableField';

export interface KeyValueTableProps {
  rows: readonly KeyValue[];
  onChange(rows: KeyValue[]): void;
  /** "Param", "Header", "Field": names the row in labels. */
  noun: string;
  label: string;
  unresolved?: readonly string[];
}

/** Name/value rows with the enabled switch Postman users expect; values highlight `{{variables}}`. */
export function KeyValueTable({ rows, onChange, noun, label, unresolved }: KeyValueTableProps) {
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (focusKey === null) return;
    table.current?.querySelector<HTMLInputElement>(`[data-row="${focusKey}"] input[data-field="key"]`)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const update = (index: number, change: Partial<KeyValue>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const remove = (index: number) => onChange(rows.filter((_, i) => i !== index));
  const add = () => {
    onChange([...rows, { key: '', value: '', enabled: true }]);
    setFocusKey(rows.length);
  };
  const lower = noun.toLowerCase();

  return (
    <div className="kv">
      <table ref={table} className="kv-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col" className="kv-check">
              <span className="visually-hidden">Send</span>
            </th>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col" className="kv-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const name = row.key.trim() || `row ${i + 1}`;
            return (
              <tr key={i} data-row={i} className={row.enabled ? undefined : 'kv-disabled'}>
                <td className="kv-check">
                  <input type="checkbox" aria-label={`Send ${lower} ${name}`} checked={row.enabled} onChange={(e) => update(i, { enabled: e.target.checked })} />
                </td>
                <td>
                  <input
                    type="text"
                    data-field="key"
                    className="kv-key"
                    aria-label={`${noun} ${i + 1} name`}
                    placeholder="Name"
                    spellCheck={false}
                    value={row.key}
                    onChange={(e) => update(i, { key: e.target.value })}
                  />
                </td>
                <td>
                  <VariableField ariaLabel={`${noun} ${i + 1} value`} placeholder="Value" value={row.value} onChange={(value) => update(i, { value })} unresolved={unresolved} />
                </td>
                <td className="kv-actions">
                  <button type="button" className="button-quiet" aria-label={`Remove ${lower} ${name}`} onClick={() => remove(i)}>
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="button-quiet kv-add" onClick={add}>
        Add {lower}
      </button>
    </div>
  );
}
