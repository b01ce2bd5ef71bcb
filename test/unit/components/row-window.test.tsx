// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useRowWindow, type RowWindow } from '../../../renderer/src/components/response/useRowWindow';
import { giveScrollContainersHeight } from './helpers';

const ROW = 20;
let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = giveScrollContainersHeight(200);
});
afterAll(() => restoreLayout());
afterEach(cleanup);

let latest: RowWindow | null = null;

function List({ count }: { count: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const window = useRowWindow(ref, count, ROW, 2);
  latest = window;
  return (
    <div ref={ref} data-testid="scroller" style={{ height: 200, overflow: 'auto' }}>
      <div style={{ height: window.totalHeight }}>
        {Array.from({ length: window.last - window.first }, (_, i) => (
          <div key={window.first + i}>row {window.first + i}</div>
        ))}
      </div>
    </div>
  );
}

describe('useRowWindow: the rows of a fixed-height list that are in view', () => {
  it('renders only the rows in view, however many there are', () => {
    render(<List count={1_000_000} />);
    const shown = screen.getAllByText(/^row /);
    // 200 px of 20 px rows, one partly shown row, and 2 rows of overscan below.
    expect(shown.length).toBeLessThan(20);
    expect(shown[0]!.textContent).toBe('row 0');
    expect(latest!.totalHeight).toBe(20_000_000);
  });

  it('follows the scroll position, with overscan on both sides', async () => {
    render(<List count={1_000_000} />);
    const scroller = screen.getByTestId('scroller');
    scroller.scrollTop = 500_000 * ROW;
    await act(async () => {
      fireEvent.scroll(scroller);
    });
    expect(latest!.first).toBe(500_000 - 2);
    expect(screen.getByText('row 500000')).toBeTruthy();
    expect(screen.queryByText('row 0')).toBeNull();
  });

  it('scrolls just enough to bring a row into view', () => {
    render(<List count={1000} />);
    const scroller = screen.getByTestId('scroller');
    act(() => latest!.scrollToIndex(50));
    // The row's bottom edge meets the view's bottom edge.
    expect(scroller.scrollTop).toBe(51 * ROW - 200);
    act(() => latest!.scrollToIndex(52));
    expect(scroller.scrollTop).toBe(53 * ROW - 200);
    act(() => latest!.scrollToIndex(30));
    // Above the view: its top edge meets the view's top edge.
    expect(scroller.scrollTop).toBe(30 * ROW);
    act(() => latest!.scrollToIndex(35));
    // Already in view: nothing moves.
    expect(scroller.scrollTop).toBe(30 * ROW);
  });

  it('renders nothing for an empty list and stays within a short one', () => {
    const { rerender } = render(<List count={0} />);
    expect(screen.queryAllByText(/^row /)).toHaveLength(0);
    rerender(<List count={3} />);
    expect(screen.getAllByText(/^row /).map((row) => row.textContent)).toEqual(['row 0', 'row 1', 'row 2']);
  });
});
