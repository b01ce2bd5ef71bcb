import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { SIDEBAR_DEFAULT, SIDEBAR_MAX, SIDEBAR_MIN } from './sidebar-layout';

/** The sidebar's right edge: drag it, or focus it and use the arrow keys (Shift for bigger steps), Home, End and Enter to reset. */
export function SidebarResizer({ width, onWidth }: { width: number; onWidth(width: number): void }) {
  const start = useRef<{ x: number; width: number } | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    start.current = { x: event.clientX, width };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (start.current) onWidth(start.current.width + event.clientX - start.current.x);
  };
  const onPointerUp = () => {
    start.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 60 : 20;
    if (event.key === 'ArrowLeft') onWidth(width - step);
    else if (event.key === 'ArrowRight') onWidth(width + step);
    else if (event.key === 'Home') onWidth(SIDEBAR_MIN);
    else if (event.key === 'End') onWidth(SIDEBAR_MAX);
    else if (event.key === 'Enter') onWidth(SIDEBAR_DEFAULT);
    else return;
    event.preventDefault();
  };
  return (
    <div
      className="ws-resizer"
      role="separator"
      tabIndex={0}
      aria-label="Sidebar width"
      aria-orientation="vertical"
      aria-valuemin={SIDEBAR_MIN}
      aria-valuemax={SIDEBAR_MAX}
      aria-valuenow={width}
      aria-valuetext={`${width} pixels`}
      title="Drag, or use the arrow keys, to change the sidebar’s width"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onWidth(SIDEBAR_DEFAULT)}
    />
  );
}
