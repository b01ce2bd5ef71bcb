export interface NavItem<V extends string> {
  id: V;
  label: string;
  hint: string;
}

export function Sidebar<V extends string>({ items, current, onSelect }: { items: NavItem<V>[]; current: V; onSelect: (id: V) => void }) {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">V</span>
        <span className="brand-name">Vipps Explorer</span>
      </div>
      <ul>
        {items.map((item) => (
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
