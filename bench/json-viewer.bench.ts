/**
 * Opening a 50 MB JSON response must keep the window responsive. Builds a bench-only page
 * (bench/viewer-harness) that mounts the real ResponseViewer, serves a generated 50 MB body the
 * way the browser host does (POST /rpc/readResponseBody, 4 MiB pages), drives it in headless
 * Chromium and records main-thread long tasks for each phase.
 *
 *   npx tsx bench/json-viewer.bench.ts [--mb 50]
 */
import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import type { BenchWindow } from './viewer-harness/bench-window';

// The page's own window, as the functions passed to page.evaluate see it.
declare const window: Window & BenchWindow;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const harnessDir = path.join(root, 'bench/viewer-harness');
const outDir = path.join(root, '.tmp/viewer-harness');
const resultsFile = path.join(root, 'bench/results/json-viewer.json');
const megabytes = Number(process.argv[process.argv.indexOf('--mb') + 1]) || 50;
const READINGS = 1_000_000;
const INDEX_KEYS = 100_000;

/** A body shaped like a big API answer: many records, a wide object and a million-item array. */
function generateBody(targetBytes: number): Buffer {
  const parts: string[] = ['{"meta":{"generatedBy":"json-viewer.bench","note":"synthetic data"},"items":['];
  let bytes = parts[0]!.length;
  const tail: string[] = ['],"index":{'];
  for (let i = 0; i < INDEX_KEYS; i++) tail.push(`${i ? ',' : ''}"key-${String(i).padStart(6, '0')}":${i * 7}`);
  tail.push('},"readings":[');
  for (let i = 0; i < READINGS; i++) tail.push(`${i ? ',' : ''}${(i * 37) % 100_000}`);
  tail.push(']}');
  const tailBytes = tail.reduce((sum, part) => sum + part.length, 0);
  for (let i = 0; bytes + tailBytes < targetBytes; i++) {
    const item = `${i ? ',' : ''}{"id":${i},"name":"Item number ${i}","sku":"SKU-${i.toString(36).toUpperCase()}","price":${(i * 1999) % 100_000},"currency":"NOK","tags":["alpha","beta","gamma"],"address":{"street":"Street ${i % 500}","city":"Oslo","zip":"${String(i % 10_000).padStart(4, '0')}"},"active":${i % 3 === 0},"notes":null}`;
    parts.push(item);
    bytes += item.length;
  }
  return Buffer.from(parts.join('') + tail.join(''), 'utf8');
}

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.map': 'application/json' };

function serve(body: Buffer): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (request.method === 'POST' && url.pathname === '/rpc/readResponseBody') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const { input } = JSON.parse(Buffer.concat(chunks).toString()) as { input: { offset: number; length: number } };
        const end = Math.min(input.offset + input.length, body.length);
        const value = { text: body.subarray(input.offset, end).toString('utf8'), offset: input.offset, nextOffset: end, totalSize: body.length, done: end >= body.length };
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ ok: true, value }));
      });
      return;
    }
    const file = path.join(outDir, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
    if (!file.startsWith(outDir) || !fs.existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

interface LongTask {
  start: number;
  duration: number;
}

interface Phase {
  ms: number;
  longestTaskMs: number;
  totalBlockingMs: number;
  longTasks: number;
}

async function longTasksSince(page: Page, since: number): Promise<LongTask[]> {
  return page.evaluate((from) => window.bench.longTasks.filter((task) => task.start + task.duration >= from), since);
}

function phase(ms: number, tasks: LongTask[]): Phase {
  return {
    ms: Math.round(ms),
    longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
    totalBlockingMs: Math.round(tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0)),
    longTasks: tasks.length,
  };
}

/** Runs `act` and returns how long until `done` holds in the page, with the long tasks meanwhile. */
async function measure(page: Page, act: () => Promise<void>, done: () => boolean): Promise<Phase> {
  const start = await page.evaluate(() => performance.now());
  const finished = page.evaluate((check) => window.benchUntil(new Function(`return (${check})()`) as () => boolean), done.toString());
  await act();
  const end = await finished;
  await page.waitForTimeout(300);
  return phase(end - start, await longTasksSince(page, start));
}

const renderedRows = (page: Page) => page.evaluate(() => document.querySelectorAll('[role="treeitem"]').length);

async function main() {
  console.log(`Generating a ${megabytes} MB JSON body…`);
  const body = generateBody(megabytes * 1_000_000);
  console.log(`Building the bench page (vite) into ${path.relative(root, outDir)}…`);
  await build({ configFile: false, root: harnessDir, base: './', plugins: [react()], logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 4000 } });
  const server = await serve(body);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'viewer-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${server.url}/?size=${body.length}`);
    await page.waitForFunction(() => window.bench.treeVisibleAt !== null, undefined, { timeout: 180_000, polling: 50 });
    await page.waitForTimeout(500);
    const loadTimes = await page.evaluate(() => ({ startedAt: window.bench.startedAt, visibleAt: window.bench.treeVisibleAt as number, firstLinesAt: window.bench.firstLinesAt ?? (window.bench.treeVisibleAt as number) }));
    // Tasks that began before the mount are the page starting up (bundle evaluation), not the viewer.
    const allTasks = await longTasksSince(page, 0);
    const startupTasks = allTasks.filter((task) => task.start < loadTimes.startedAt);
    const loadTasks = allTasks.filter((task) => task.start >= loadTimes.startedAt);
    const load = phase(loadTimes.visibleAt - loadTimes.startedAt, loadTasks);

    const tree = page.getByRole('tree');
    await tree.focus();
    // The viewer opens the top level by itself; close it so reopening can be measured.
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelectorAll('[role="treeitem"]').length === 1);
    const expandRoot = await measure(page, () => page.keyboard.press('ArrowRight'), () => [...document.querySelectorAll('[role="treeitem"]')].some((row) => row.textContent?.includes('"readings"')));

    await page.getByRole('treeitem').filter({ hasText: '"readings"' }).click();
    const expandMillion = await measure(page, () => page.keyboard.press('ArrowRight'), () => document.querySelectorAll('[role="treeitem"][aria-level="3"][aria-posinset]').length > 5);
    const rowsAfterExpand = await renderedRows(page);
    const childCount = await page.getAttribute('[role="treeitem"][aria-level="3"]', 'aria-setsize');

    const jumpToEnd = await measure(page, () => page.keyboard.press('End'), () => document.querySelector(`[role="treeitem"][aria-level="3"][aria-posinset="${1_000_000}"]`) !== null);
    const rowsAtEnd = await renderedRows(page);

    const searchBox = page.getByLabel('Find in body');
    await searchBox.fill('key-099999');
    const search = await measure(page, () => searchBox.press('Enter'), () => document.querySelector('.tree-search-status')?.textContent === '1 of 1' && [...document.querySelectorAll('[role="treeitem"]')].some((row) => row.textContent?.includes('"key-099999"')));

    const results = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage: os.loadavg().map((n) => Math.round(n * 10) / 10) },
      body: { bytes: body.length, pages: Math.ceil(body.length / (4 * 1024 * 1024)), readings: READINGS, indexKeys: INDEX_KEYS },
      load: {
        ...load,
        what: 'mount → read all pages → parse in the worker → root row visible',
        firstLinesMs: Math.round(loadTimes.firstLinesAt - loadTimes.startedAt),
        /** Start relative to the mount. */
        longTaskList: loadTasks.map((task) => ({ startMs: Math.round(task.start - loadTimes.startedAt), durationMs: Math.round(task.duration) })),
      },
      pageStartup: { longTasks: startupTasks.map((task) => Math.round(task.duration)), what: 'long tasks before the viewer was mounted (loading the page bundle); not part of opening the response' },
      expandRoot: { ...expandRoot, what: 'ArrowRight on the root → its children visible' },
      expandMillion: { ...expandMillion, childCount: Number(childCount), renderedRows: rowsAfterExpand, what: 'ArrowRight on a 1,000,000-item array → first children visible' },
      jumpToEnd: { ...jumpToEnd, renderedRows: rowsAtEnd, what: 'End → the last of the million rows visible (paged from the worker)' },
      search: { ...search, what: 'find a key near the end of a 100,000-key object, open its ancestors, select it' },
    };
    fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
    fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    console.table(
      Object.fromEntries(
        (['load', 'expandRoot', 'expandMillion', 'jumpToEnd', 'search'] as const).map((name) => {
          const p = results[name] as Phase & { renderedRows?: number };
          return [name, { 'time ms': p.ms, 'longest task ms': p.longestTaskMs, 'blocking ms': p.totalBlockingMs, 'long tasks': p.longTasks, 'rows in DOM': p.renderedRows ?? '' }];
        }),
      ),
    );
    console.log(`First lines of the body visible after ${results.load.firstLinesMs} ms (goal: under 1,000 ms); tree after ${results.load.ms} ms.`);
    console.log(`Body ${(body.length / 1e6).toFixed(1)} MB in ${results.body.pages} pages; results in ${path.relative(root, resultsFile)}`);
    const worst = Math.max(load.longestTaskMs, expandRoot.longestTaskMs, expandMillion.longestTaskMs, jumpToEnd.longestTaskMs, search.longestTaskMs);
    if (worst > 100) console.warn(`A main-thread task took ${worst} ms (target: none over ~100 ms).`);
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
