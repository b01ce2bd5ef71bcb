// Bench-only page: the real ResponseViewer with a fake backend whose readResponseBody goes over
// HTTP like the browser host's RPC, so paging, JSON decoding and worker hand-off are all real.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { ExplorerApi } from '../../shared/contract';
import type { SendResult } from '../../shared/contract/requests';
import { ExplorerProvider } from '../../renderer/src/api/ExplorerContext';
import { ResponseViewer } from '../../renderer/src/components/response/ResponseViewer';
import '../../renderer/src/styles.css';
import type { BenchState, BenchWindow } from './bench-window';

const bench: BenchState = { longTasks: [], startedAt: 0, treeVisibleAt: null, firstLinesAt: null };
const benchWindow = window as unknown as BenchWindow;
benchWindow.bench = bench;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });

benchWindow.benchUntil = (done) =>
  new Promise((resolve) => {
    const check = () => {
      if (!done()) return false;
      observer.disconnect();
      resolve(performance.now());
      return true;
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    const frame = () => {
      if (!check()) requestAnimationFrame(frame);
    };
    frame();
  });

const size = Number(new URLSearchParams(location.search).get('size'));

benchWindow.benchReadFloor = async (pageBytes) => {
  const started = performance.now();
  for (let offset = 0; ; ) {
    const response = await fetch('/rpc/readResponseBody', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ input: { responseId: 'bench-body', offset, length: pageBytes } }) });
    const page = (await response.json()) as { value: { nextOffset: number; done: boolean } };
    if (page.value.done || page.value.nextOffset <= offset) break;
    offset = page.value.nextOffset;
  }
  return performance.now() - started;
};

const api = new Proxy(
  {
    readResponseBody: async (input: unknown) => {
      const response = await fetch('/rpc/readResponseBody', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ input }) });
      return response.json();
    },
  } as Record<string, unknown>,
  { get: (target, key: string) => target[key] ?? (async () => ({ ok: false, error: { code: 'INTERNAL', message: `not in the bench: ${key}` } })) },
) as unknown as ExplorerApi;

const result: SendResult = {
  requestId: 'bench',
  sent: { method: 'GET', url: 'http://127.0.0.1/big', headers: [], body: '', unresolved: [], toProfileHost: true },
  status: 200,
  statusText: 'OK',
  headers: [{ name: 'Content-Type', value: 'application/json' }],
  body: { kind: 'file', responseId: 'bench-body', size },
  size,
  timings: { dns: 0, connect: 1, tls: 0, firstByte: 20, total: 900 },
  redirects: [],
  retriedWithNewToken: false,
};

new MutationObserver((_, observer) => {
  if (bench.firstLinesAt === null && document.querySelector('[data-testid="body-preview"], [role="treeitem"]')) bench.firstLinesAt = performance.now();
  if (document.querySelector('[role="treeitem"]')) {
    bench.treeVisibleAt = performance.now();
    observer.disconnect();
  }
}).observe(document.body, { childList: true, subtree: true });

/**
 * As in the app, the viewer is on screen (empty) before the answer arrives, so React and the page
 * are warm; the clock starts when the answer is handed over, as after Send.
 */
function Harness() {
  const [shown, setShown] = useState<SendResult | null>(null);
  useEffect(() => {
    // A frame later, so the empty viewer is painted and its start-up tasks are over.
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        bench.startedAt = performance.now();
        setShown(result);
      }, 100),
    );
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <ExplorerProvider api={api}>
      <ResponseViewer result={shown} error={null} idPrefix="bench" />
    </ExplorerProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(<Harness />);
