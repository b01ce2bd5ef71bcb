import { StrictMode } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { App } from './App';
// Import, export and snippets put their buttons into the workspace's slots.
import './interop/register';
import { createExplorerClient } from './api/client';
import { preloadEditors } from './components/request/lazy-editors';
import './styles.css';

// zod probes for eval support with new Function(); our CSP forbids eval, so skip the probe.
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App api={createExplorerClient()} />
  </StrictMode>,
);

// The editors (CodeMirror) are left out of the first screen's bundle; fetch them once it is up,
// so the first request opened shows its editor at once.
const idle = (window as { requestIdleCallback?: (run: () => void) => void }).requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
idle(() => void preloadEditors());
