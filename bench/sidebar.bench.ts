/**
 * The sidebar's collection tree with 5,000 requests in 100 folders, all open: the time from
 * mount to the first rows on screen, and the longest main-thread task while scrolling it from
 * top to bottom. The floor is the same page with 10 requests, measured in the same run.
 *
 *   npx tsx bench/sidebar.bench.ts
 */
import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const harnessDir = path.join(root, 'bench/sidebar-harness');
const outDir = path.join(root, '.tmp/sidebar-harness');
const resultsFile = path.join(root, 'bench/results/sidebar.json');
const resultsMarkdown = path.join(root, 'bench/RESULTS.md');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

interface PageBench {
  longTasks: { start: number; duration: number }[];
  startedAt: number;
  visibleAt: number | null;
}
declare const window: Window & { bench: PageBench };

function serve(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const file = path.join(outDir, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
    if (!file.startsWith(outDir) || !fs.existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

async function measure(page: Page, base: string, requests: number) {
  await page.goto(`${base}/?requests=${requests}&folders=${Math.min(100, requests)}`);
  await page.waitForFunction(() => window.bench.visibleAt !== null, undefined, { timeout: 60_000, polling: 20 });
  await page.waitForTimeout(300);
  const render = await page.evaluate(() => ({ ms: (window.bench.visibleAt as number) - window.bench.startedAt, tasks: window.bench.longTasks.filter((t) => t.start >= window.bench.startedAt).map((t) => t.duration) }));
  // Scroll from top to bottom in 60 steps, one per frame, as a fast wheel or drag would.
  const scroll = await page.evaluate(async () => {
    const tree = document.querySelector<HTMLElement>('[role="tree"]')!;
    const from = performance.now();
    const steps = 60;
    for (let i = 1; i <= steps; i++) {
      tree.scrollTop = (tree.scrollHeight - tree.clientHeight) * (i / steps);
      await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const tasks = window.bench.longTasks.filter((t) => t.start >= from).map((t) => t.duration);
    const last = [...document.querySelectorAll('[role="treeitem"]')].map((row) => row.textContent ?? '').pop() ?? '';
    return { ms: performance.now() - from - 300, tasks, rowsInDom: document.querySelectorAll('[role="treeitem"]').length, lastRow: last };
  });
  return {
    requests,
    renderMs: Math.round(render.ms),
    renderLongestTaskMs: Math.round(Math.max(0, ...render.tasks)),
    scrollMs: Math.round(scroll.ms),
    scrollLongestTaskMs: Math.round(Math.max(0, ...scroll.tasks)),
    scrollLongTasks: scroll.tasks.length,
    rowsInDom: scroll.rowsInDom,
    lastRow: scroll.lastRow,
  };
}

function writeSection(section: string): void {
  const begin = '<!-- sidebar-bench:begin -->';
  const end = '<!-- sidebar-bench:end -->';
  let text = fs.existsSync(resultsMarkdown) ? fs.readFileSync(resultsMarkdown, 'utf8') : '# Benchmark results\n\nWritten by the benchmarks themselves; each owns its section.\n';
  const block = `${begin}\n${section}\n${end}`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  text = from >= 0 && to > from ? `${text.slice(0, from)}${block}${text.slice(to + end.length)}` : `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(resultsMarkdown, text);
}

async function main() {
  console.log('Building the sidebar bench page (vite)…');
  await build({ configFile: false, root: harnessDir, base: './', plugins: [react()], logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 4000 } });
  const server = await serve();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sidebar-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => console.error('page error:', error.message));
    // A first load warms the page's code and styles, so neither measured load pays for it.
    await measure(page, server.url, 10);
    const floor = await measure(page, server.url, 10);
    const big = await measure(page, server.url, 5000);
    const results = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg().map((n) => Math.round(n * 10) / 10) },
      floor,
      big,
      renderRatio: Math.round((big.renderMs / Math.max(1, floor.renderMs)) * 100) / 100,
    };
    fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
    fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    console.table({ '10 requests (floor)': floor, '5,000 requests': big });
    writeSection(
      [
        '## Sidebar tree (`npx tsx bench/sidebar.bench.ts`)',
        '',
        `${results.measuredAt.slice(0, 10)}, headless Chromium, ${results.machine.cpus} cores, load average ${results.machine.loadAverage.join(' / ')}. The real CollectionTreeView with every folder open; the floor is the same page with 10 requests.`,
        '',
        '| tree | first rows on screen ms | longest task while rendering ms | longest task while scrolling top to bottom ms | long tasks while scrolling | rows in the DOM |',
        '| --- | --- | --- | --- | --- | --- |',
        `| 10 requests (floor) | ${floor.renderMs} | ${floor.renderLongestTaskMs} | ${floor.scrollLongestTaskMs} | ${floor.scrollLongTasks} | ${floor.rowsInDom} |`,
        `| 5,000 requests in 100 folders | ${big.renderMs} | ${big.renderLongestTaskMs} | ${big.scrollLongestTaskMs} | ${big.scrollLongTasks} | ${big.rowsInDom} |`,
        '',
        `- render time as a ratio to the floor: **${results.renderRatio}**`,
        `- longest main-thread task while scrolling 5,000 requests: **${big.scrollLongestTaskMs} ms** (goal: none over 50 ms)`,
      ].join('\n'),
    );
    if (big.scrollLongestTaskMs > 50) console.warn(`A task took ${big.scrollLongestTaskMs} ms while scrolling (goal: none over 50 ms).`);
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
