import { useState } from 'react';

export interface DraftInputProps<T> {
  /** The committed value as text; shown whenever the field is not being edited. */
  display: string;
  parse(text: string): T | null;
  onCommit(value: T): void;
  label: string;
  /** Said when the text cannot be used, e.g. "Write an amount such as 10.50". */
  invalidHint: string;
  className?: string;
  inputMode?: 'decimal' | 'text';
}

/**
 * A field that keeps what the user types (such as "10." on the way to "10.50") and commits each
 * usable value at once, so totals follow the typing; on leaving it shows the committed value again.
 */
export function DraftInput<T>({ display, parse, onCommit, label, invalidHint, className, inputMode = 'text' }: DraftInputProps<T>) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? display;
  const invalid = draft !== null && parse(draft) === null;
  return (
    <input
      type="text"
      className={className}
      inputMode={inputMode}
      aria-label={label}
      aria-invalid={invalid}
      title={invalid ? invalidHint : undefined}
      value={text}
      onFocus={() => setDraft(display)}
      onBlur={() => setDraft(null)}
      onChange={(event) => {
        setDraft(event.target.value);
        const value = parse(event.target.value);
        if (value !== null) onCommit(value);
      }}
    />
  );
}
