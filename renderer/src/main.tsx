import { StrictMode } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { App } from './App';
// Import, export and snippets put their buttons into the workspace's slots.
import './interop/register';
import { createExplorerClient } from './api/client';
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
