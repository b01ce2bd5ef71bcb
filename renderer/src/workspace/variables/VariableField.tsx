import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { scanVariables, type VariableOccurrence } from '../../../../shared/variables';
import { VariablePopover } from './VariablePopover';

export interface VariableFieldProps {
  value: string;
  onChange(value: string): void;
  ariaLabel: string;
  id?: string;
  placeholder?: string;
  className?: string;
  /** Names of variables nobody defines (from the preview), marked in red. */
  unresolved?: readonly string[];
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
  describedBy?: string;
  invalid?: boolean;
}

/**
 * A plain input drawn over a copy of its text with `{{variables}}` marked, so typing, selection,
 * undo and paste stay the browser's own. With the caret in a variable, or the pointer over one,
 * a popover says what it holds and where it comes from.
 */
export function VariableField({ value, onChange, ariaLabel, id, placeholder, className, unresolved = [], onKeyDown, describedBy, invalid }: VariableFieldProps) {
  const ownId = useId();
  const inputId = id ?? ownId;
  const popoverId = `${inputId}-variable`;
  const overlay = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [caretIn, setCaretIn] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const missing = new Set(unresolved);
  const occurrences = scanVariables(value);

  const parts: ReactNode[] = [];
  let from = 0;
  for (const occurrence of occurrences) {
    if (occurrence.start > from) parts.push(value.slice(from, occurrence.start));
    parts.push(
      <mark key={occurrence.start} data-variable={occurrence.name} className={missing.has(occurrence.name) ? 'variable variable-unresolved' : 'variable'}>
        {value.slice(occurrence.start, occurrence.end)}
      </mark>,
    );
    from = occurrence.end;
  }
  if (from < value.length) parts.push(value.slice(from));

  const sync = () => {
    const element = input.current;
    if (!element) return;
    if (overlay.current) overlay.current.scrollLeft = element.scrollLeft;
    const caret = element.selectionStart ?? -1;
    const inside = occurrences.find((o: VariableOccurrence) => caret > o.start && caret < o.end);
    setCaretIn(inside && document.activeElement === element ? inside.name : null);
  };

  const onPointer = (event: { clientX: number; clientY: number }) => {
    const marks = overlay.current?.querySelectorAll<HTMLElement>('mark[data-variable]') ?? [];
    let found: string | null = null;
    for (const mark of marks) {
      const box = mark.getBoundingClientRect();
      if (event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom) found = mark.dataset.variable ?? null;
    }
    if (found !== hovered) setHovered(found);
  };

  const shown = caretIn ?? hovered;
  return (
    <div className={`variable-field ${className ?? ''}`} onMouseMove={onPointer} onMouseLeave={() => setHovered(null)}>
      <div ref={overlay} className="variable-overlay" aria-hidden="true">
        {parts}
      </div>
      <input
        ref={input}
        id={inputId}
        className="variable-input"
        type="text"
        spellCheck={false}
        autoComplete="off"
        aria-label={ariaLabel}
        aria-invalid={invalid || occurrences.some((o) => missing.has(o.name)) || undefined}
        aria-describedby={[describedBy, caretIn ? popoverId : null].filter(Boolean).join(' ') || undefined}
        placeholder={placeholder}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          requestAnimationFrame(sync);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={sync}
        onSelect={sync}
        onScroll={sync}
        onFocus={sync}
        onBlur={() => setCaretIn(null)}
      />
      {shown && <VariablePopover id={popoverId} name={shown} />}
    </div>
  );
}
