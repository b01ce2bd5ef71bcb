import { useRef, type ReactNode } from 'react';
import { scanVariables } from '../../../../shared/variables';

export interface UrlFieldProps {
  value: string;
  onChange(value: string): void;
  /** Names of variables nobody defines, from the preview. */
  unresolved: readonly string[];
  id: string;
}

function variableName(name: string): string {
  return name.replace(/^\{\{\s*|\s*\}\}$/g, '');
}

/**
 * A plain input drawn over a copy of its text in which `{{variables}}` are marked, so typing,
 * selection, undo and paste stay the browser's own.
 */
export function UrlField({ value, onChange, unresolved, id }: UrlFieldProps) {
  const overlay = useRef<HTMLDivElement>(null);
  const missing = new Set(unresolved.map(variableName));
  const occurrences = scanVariables(value);
  const missingHere = [...new Set(occurrences.filter((v) => missing.has(v.name)).map((v) => v.name))];
  const errorId = `${id}-variables`;

  const parts: ReactNode[] = [];
  let from = 0;
  for (const occurrence of occurrences) {
    if (occurrence.start > from) parts.push(value.slice(from, occurrence.start));
    const unknown = missing.has(occurrence.name);
    parts.push(
      <mark
        key={occurrence.start}
        className={unknown ? 'variable variable-unresolved' : 'variable'}
        title={unknown ? `Nobody defines {{${occurrence.name}}}: not the profile, the collection or an earlier step.` : undefined}
      >
        {value.slice(occurrence.start, occurrence.end)}
      </mark>,
    );
    from = occurrence.end;
  }
  if (from < value.length) parts.push(value.slice(from));

  const syncScroll = (event: { currentTarget: HTMLInputElement }) => {
    if (overlay.current) overlay.current.scrollLeft = event.currentTarget.scrollLeft;
  };

  return (
    <div className="url-field-wrap">
      <div className="url-field">
        <div ref={overlay} className="url-overlay" aria-hidden="true">
          {parts}
        </div>
        <input
          id={id}
          className="url-input"
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={value}
          aria-invalid={missingHere.length > 0}
          aria-describedby={missingHere.length > 0 ? errorId : undefined}
          title={missingHere.length > 0 ? `Nobody defines ${missingHere.map((n) => `{{${n}}}`).join(', ')}` : undefined}
          onChange={(event) => {
            onChange(event.target.value);
            syncScroll(event);
          }}
          onScroll={syncScroll}
          onKeyUp={syncScroll}
          onSelect={syncScroll}
        />
      </div>
      {missingHere.length > 0 && (
        <p id={errorId} className="field-error">
          {missingHere.map((n) => `{{${n}}}`).join(', ')} {missingHere.length === 1 ? 'has' : 'have'} no value: nobody defines{' '}
          {missingHere.length === 1 ? 'it' : 'them'} (not the profile, the collection or an earlier step). Add the value there, or run the step that provides it.
        </p>
      )}
    </div>
  );
}
