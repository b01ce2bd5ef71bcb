import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** A modal dialog of our own: Escape or Close ends it, focus starts inside it. */
export function InteropDialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLElement>('button, input, select, textarea')?.focus();
  }, []);
  return (
    <div className="modal-backdrop">
      <div ref={box} className="modal interop-modal" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <div className="interop-row">
          <h2 id={`${id}-title`}>{title}</h2>
          <span style={{ flex: 1 }} />
          <button type="button" className="button-quiet" onClick={onClose}>
            Close
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}

export function TabbedPanels({ tabs }: { tabs: Array<{ id: string; label: string; render(): ReactNode }> }) {
  const [current, setCurrent] = useState(tabs[0]!.id);
  const tab = tabs.find((t) => t.id === current) ?? tabs[0]!;
  return (
    <>
      <div className="interop-tabs" role="tablist">
        {tabs.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={t.id === current} className="button-quiet" onClick={() => setCurrent(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel">{tab.render()}</div>
    </>
  );
}
