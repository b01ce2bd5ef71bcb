import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import '../components.css';

export interface TabDefinition<T extends string> {
  id: T;
  label: ReactNode;
}

export interface TabsProps<T extends string> {
  tabs: readonly TabDefinition<T>[];
  selected: T;
  onSelect(id: T): void;
  /** Names the tab list for screen readers, e.g. "Response views". */
  label: string;
  idPrefix: string;
  children: ReactNode;
}

/**
 * The WAI-ARIA tabs pattern: one tab stop for the list, arrow keys move between tabs and select
 * them, the panel is labelled by its tab.
 */
export function Tabs<T extends string>({ tabs, selected, onSelect, label, idPrefix, children }: TabsProps<T>) {
  const buttons = useRef(new Map<T, HTMLButtonElement>());

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((tab) => tab.id === selected);
    let next = -1;
    if (event.key === 'ArrowRight') next = (at + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (at - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    const tab = tabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    buttons.current.get(tab.id)?.focus();
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list" onKeyDown={move}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) buttons.current.set(tab.id, element);
              else buttons.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`${idPrefix}-panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            className={`tab ${tab.id === selected ? 'tab-selected' : ''}`}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel-${selected}`} aria-labelledby={`${idPrefix}-tab-${selected}`} className="tab-panel">
        {children}
      </div>
    </div>
  );
}
