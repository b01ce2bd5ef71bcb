import { useEffect, useState } from 'react';
import type { AppSettings } from '../../../shared/contract';
import { useExplorer } from '../api/ExplorerContext';
import './theme.css';

type Theme = AppSettings['theme'];

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Sets `data-theme` on <html>; "system" follows the operating system's choice as it changes. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  const prefersDark = typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
  root.dataset.theme = theme === 'dark' || (theme === 'system' && prefersDark) ? 'dark' : 'light';
}

/** Light, dark or as the system says; the choice is kept in the app settings. */
export function ThemeToggle() {
  const api = useExplorer();
  const [theme, setTheme] = useState<Theme>('system');

  useEffect(() => {
    void api.getSettings({}).then((answer) => {
      if (answer.ok) setTheme(answer.value.theme);
    });
  }, [api]);

  useEffect(() => {
    applyTheme(theme);
    if (theme !== 'system' || typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia(DARK_QUERY);
    const follow = () => applyTheme('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [theme]);

  const choose = (next: Theme) => {
    setTheme(next);
    void api.updateSettings({ theme: next });
  };

  return (
    <section className="theme-toggle" aria-label="Appearance">
      <label htmlFor="theme-select">Theme</label>
      <select id="theme-select" value={theme} onChange={(event) => choose(event.target.value as Theme)}>
        <option value="system">As the system</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </section>
  );
}
