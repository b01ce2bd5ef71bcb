import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

export interface SplitPaneProps {
  /** Side by side (true) or stacked. */
  horizontal: boolean;
  /** Share of the first pane, 0.15–0.85. */
  ratio: number;
  onRatio(ratio: number): void;
  first: ReactNode;
  second: ReactNode;
  label: string;
}

const clamp = (value: number) => Math.min(0.85, Math.max(0.15, value));

/** Two panes with a divider that can be dragged, or moved with the arrow keys when focused. */
export function SplitPane({ horizontal, ratio, onRatio, first, second, label }: SplitPaneProps) {
  const container = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    dragging.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current || !container.current) return;
    const box = container.current.getBoundingClientRect();
    onRatio(clamp(horizontal ? (event.clientX - box.left) / box.width : (event.clientY - box.top) / box.height));
  };
  const onPointerUp = () => {
    dragging.current = false;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 0.1 : 0.03;
    const back = horizontal ? 'ArrowLeft' : 'ArrowUp';
    const forward = horizontal ? 'ArrowRight' : 'ArrowDown';
    if (event.key === back) onRatio(clamp(ratio - step));
    else if (event.key === forward) onRatio(clamp(ratio + step));
    else if (event.key === 'Home') onRatio(0.15);
    else if (event.key === 'End') onRatio(0.85);
    else return;
    event.preventDefault();
  };

  const percent = Math.round(ratio * 100);
  return (
    <div ref={container} className={`split ${horizontal ? 'split-h' : 'split-v'}`} style={{ gridTemplate: horizontal ? `1fr / ${percent}fr auto ${100 - percent}fr` : `${percent}fr auto ${100 - percent}fr / 1fr` }}>
      <div className="split-pane">{first}</div>
      <div
        className="split-divider"
        role="separator"
        tabIndex={0}
        aria-label={label}
        aria-orientation={horizontal ? 'vertical' : 'horizontal'}
        aria-valuemin={15}
        aria-valuemax={85}
        aria-valuenow={percent}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      />
      <div className="split-pane">{second}</div>
    </div>
  );
}
