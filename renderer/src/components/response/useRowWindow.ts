import { useCallback, useEffect, useState, type RefObject } from 'react';

export interface RowWindow {
  /** First row to render. */
  first: number;
  /** One past the last row to render. */
  last: number;
  /** Height of all rows together, for the canvas that gives the scrollbar its length. */
  totalHeight: number;
  /** Scrolls just enough to bring a row into view (nothing if it already is). */
  scrollToIndex(index: number): void;
}

/** Height assumed before the first measurement, so the first paint already has rows. */
const FIRST_GUESS_PX = 520;

/**
 * The rows of a list with fixed-height rows that are in view, found by arithmetic. Its cost does
 * not grow with the number of rows: a general virtualiser lays out a position for every row each
 * time the count changes, which for an opened array of a million items is one task of 30 ms or
 * more, and reading its scroll height forces a layout. Only `scrollTop` is read on scroll, and
 * the view re-renders only when the first row in view changes.
 */
export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number): RowWindow {
  const [view, setView] = useState({ firstInView: 0, height: FIRST_GUESS_PX });

  // A passive effect usually runs after the browser has laid out and painted the new rows, so
  // reading the height here forces no layout of its own (a layout effect would, inside the task
  // that added the rows). Later changes of height come from the ResizeObserver.
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    let height = FIRST_GUESS_PX;
    const update = () => {
      const firstInView = Math.floor(element.scrollTop / rowHeight);
      setView((previous) => (previous.firstInView === firstInView && previous.height === height ? previous : { firstInView, height }));
    };
    const measure = () => {
      height = element.clientHeight;
      update();
    };
    element.addEventListener('scroll', update, { passive: true });
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      observer?.disconnect();
    };
  }, [scrollRef, rowHeight]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scrollRef.current;
      if (!element || index < 0) return;
      const top = index * rowHeight;
      const bottom = top + rowHeight;
      const scrollTop = element.scrollTop;
      if (top < scrollTop) element.scrollTop = top;
      else if (bottom > scrollTop + element.clientHeight) element.scrollTop = bottom - element.clientHeight;
    },
    [scrollRef, rowHeight],
  );

  const inView = Math.ceil(view.height / rowHeight) + 1;
  const first = Math.max(0, Math.min(view.firstInView, count - 1) - overscan);
  const last = Math.min(count, view.firstInView + inView + overscan);
  return { first, last: Math.max(first, last), totalHeight: count * rowHeight, scrollToIndex };
}
