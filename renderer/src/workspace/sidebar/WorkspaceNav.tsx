import type { ViewId } from '../workspace-context';
import { NewMenu, type NewMenuProps } from './NewMenu';

interface NavItem {
  id: ViewId;
  label: string;
  hint: string;
}

const NAV: NavItem[] = [
  { id: 'quickstart', label: 'Quick start', hint: 'Token, payment, image, category and receipt, step by step' },
  { id: 'requests', label: 'Requests', hint: 'Your open request tabs' },
  { id: 'history', label: 'History', hint: 'Every request sent, with its answer' },
  { id: 'runner', label: 'Runner', hint: 'Run a collection or folder and follow it live' },
  { id: 'environments', label: 'Environments', hint: 'Base URL, MSN, keys, Vipps-System values and variables; collection variables' },
  { id: 'sandbox', label: 'Sandbox', hint: 'What the embedded sandbox holds, its request log and faults' },
  { id: 'about', label: 'About', hint: 'Version and data folder' },
];

/** The views of the app, above the collections tree. */
export function WorkspaceNav({ current, onSelect, newMenu }: { current: ViewId; onSelect(id: ViewId): void; newMenu: NewMenuProps }) {
  return (
    <nav className="sidebar ws-nav" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          V
        </span>
        <span className="brand-name">Vipps Explorer</span>
        <NewMenu {...newMenu} />
      </div>
      <ul>
        {NAV.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className={item.id === current ? 'nav-item active' : 'nav-item'}
              aria-current={item.id === current ? 'page' : undefined}
              title={item.hint}
              onClick={() => onSelect(item.id)}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
