import { useRef, type KeyboardEvent } from 'react';
import { moveEntry, type OrderEntry } from './run-order';

interface Props {
  entries: OrderEntry[];
  custom: boolean;
  onChange: (entries: OrderEntry[]) => void;
  onReset: () => void;
}

/**
 * The requests of the next run, in order: each can be left out or moved (buttons, or Alt+↑/↓ on
 * its row), for this run only. Folded away until wanted, so the form stays short.
 */
export function RunOrder({ entries, custom, onChange, onReset }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const included = entries.filter((entry) => entry.included).length;

  const move = (index: number, delta: number) => {
    const next = moveEntry(entries, index, delta);
    if (next === entries) return;
    onChange(next);
    // The moved row keeps the focus on the same control, so a keyboard user can go on moving it.
    const to = index + delta;
    requestAnimationFrame(() => list.current?.querySelectorAll<HTMLElement>('li')[to]?.querySelector<HTMLElement>('input')?.focus());
  };
  const onKey = (event: KeyboardEvent, index: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(index, event.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <details className="run-order" open={custom || undefined}>
      <summary>
        Run order: {custom ? `${included} of ${entries.length} requests, in your order` : `all ${entries.length} requests, in the collection’s order`}
      </summary>
      <p className="section-hint">Leave requests out or move them for this run; the collection stays as it is. Alt+↑ and Alt+↓ move the request whose box has the focus.</p>
      <ol ref={list} className="run-order-list" aria-label="Run order">
        {entries.map((entry, index) => (
          <li key={entry.path} onKeyDown={(event) => onKey(event, index)}>
            <label>
              <input
                type="checkbox"
                checked={entry.included}
                onChange={(event) => onChange(entries.map((e, i) => (i === index ? { ...e, included: event.target.checked } : e)))}
              />
              <span className="run-order-method">{entry.method}</span> {entry.name}
              {entry.where && <span className="run-order-where"> — {entry.where}</span>}
            </label>
            <span className="run-order-moves">
              <button type="button" className="button-quiet" aria-label={`Move ${entry.name} up`} title="Move up (Alt+↑)" disabled={index === 0} onClick={() => move(index, -1)}>
                ↑
              </button>
              <button type="button" className="button-quiet" aria-label={`Move ${entry.name} down`} title="Move down (Alt+↓)" disabled={index === entries.length - 1} onClick={() => move(index, 1)}>
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      <button type="button" className="button-secondary" disabled={!custom} onClick={onReset}>
        Reset to the collection’s order
      </button>
    </details>
  );
}
