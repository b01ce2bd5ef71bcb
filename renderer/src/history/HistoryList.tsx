import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import type { HistorySummary } from '../../../shared/contract/history';
import { HistoryRow } from './HistoryRow';

/** Every row has the same two lines, so the list needs no measuring. */
export const HISTORY_ROW_HEIGHT = 58;

export interface HistoryListProps {
  entries: HistorySummary[];
  /** How many match the filters, including rows not loaded yet (for aria-setsize). */
  total: number;
  selectedId: string | null;
  onSelect(id: string): void;
  now: number;
  /** Lets the view put the focus back on the list, e.g. after a delete removed the focused button. */
  listRef?: RefObject<HTMLDivElement | null>;
}

/**
 * The sends as a listbox with one tab stop: arrow keys, Home, End and Page keys move the
 * selection, which opens the entry, as in a mail client. Only the rows in view are in the DOM.
 */
export function HistoryList({ entries, total, selectedId, onSelect, now, listRef }: HistoryListProps) {
  const ownRef = useRef<HTMLDivElement>(null);
  const scrollRef = listRef ?? ownRef;
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => HISTORY_ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const selectedIndex = selectedId ? entries.findIndex((entry) => entry.id === selectedId) : -1;

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const moveTo = (index: number) => {
    const entry = entries[Math.max(0, Math.min(entries.length - 1, index))];
    if (entry) onSelect(entry.id);
  };
  const pageSize = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / HISTORY_ROW_HEIGHT) - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = selectedIndex;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(at < 0 ? 0 : at + 1);
        break;
      case 'ArrowUp':
        moveTo(at < 0 ? 0 : at - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(entries.length - 1);
        break;
      case 'PageDown':
        moveTo(at + pageSize);
        break;
      case 'PageUp':
        moveTo(at - pageSize);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const rowId = (index: number) => `history-row-${index}`;
  return (
    <div
      ref={scrollRef}
      role="listbox"
      aria-label="Sent requests, newest first"
      aria-activedescendant={items.some((item) => item.index === selectedIndex) ? rowId(selectedIndex) : undefined}
      tabIndex={0}
      className="history-list"
      onKeyDown={onKeyDown}
    >
      <div role="none" className="history-list-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const entry = entries[item.index];
          if (!entry) return null;
          return (
            <HistoryRow
              key={entry.id}
              id={rowId(item.index)}
              entry={entry}
              top={item.start}
              selected={item.index === selectedIndex}
              position={item.index + 1}
              setSize={total}
              now={now}
              onSelect={() => {
                onSelect(entry.id);
                scrollRef.current?.focus({ preventScroll: true });
              }}
            />
          );
        })}
      </div>
    </div>
  );
}
