/**
 * Opening a 50 MB JSON response must keep the window responsive (issue 11, point 7: first lines
 * within 1 s, no main-thread task over 50 ms). Builds a bench-only page (bench/viewer-harness)
 * that mounts the real ResponseViewer, serves a generated 50 MB body the way the browser host
 * does (POST /rpc/readResponseBody, in the pages the viewer asks for), drives it in headless
 * Chromium and records main-thread long tasks for each phase.
 *
 *   npx tsx bench/json-viewer.bench.ts [--mb 50] [--cpu-slowdown 4] [--trace .tmp/viewer.trace.json]
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buildHarness, cpuSlowdownFromArgs, machine, root, serveHarness, traceFileFromArgs, withChromium } from './lib/browser-page';
import type { BenchWindow } from './viewer-harness/bench-window';

// The page's own window, as the functions passed to page.evaluate see it.
declare const window: Window & BenchWindow;

const resultsFile = path.join(root, 'bench/results/json-viewer.json');
const megabytes = Number(process.argv[process.argv.indexOf('--mb') + 1]) || 50;
const cpuSlowdown = cpuSlowdownFromArgs();
const traceFile = traceFileFromArgs();
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

/** The browser host's RPC for large bodies, answered from memory: POST /rpc/readResponseBody. */
function serveBody(outDir: string, body: Buffer, pagesRead: { count: number }) {
  return serveHarness(outDir, (request, response, url) => {
    if (request.method !== 'POST' || url.pathname !== '/rpc/readResponseBody') return false;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { input } = JSON.parse(Buffer.concat(chunks).toString()) as { input: { offset: number; length: number } };
      const end = Math.min(input.offset + input.length, body.length);
      const value = { text: body.subarray(input.offset, end).toString('utf8'), offset: input.offset, nextOffset: end, totalSize: body.length, done: end >= body.length };
      pagesRead.count++;
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ ok: true, value }));
    });
    return true;
  });
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
  /** Each long task: its start relative to the phase's start, and how long it took. */
  longTaskList: { startMs: number; durationMs: number }[];
}

const FLOOR_PAGE_BYTES = 4 * 1024 * 1024;

/** The goals of issue 11, point 7. */
const GOALS = { firstLinesMs: 1000, longestTaskMs: 50 };

async function longTasksSince(page: Page, since: number): Promise<LongTask[]> {
  return page.evaluate((from) => window.bench.longTasks.filter((task) => task.start + task.duration >= from), since);
}

function phase(ms: number, tasks: LongTask[], from: number): Phase {
  return {
    ms: Math.round(ms),
    longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
    totalBlockingMs: Math.round(tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0)),
    longTasks: tasks.length,
    longTaskList: tasks.map((task) => ({ startMs: Math.round(task.start - from), durationMs: Math.round(task.duration) })),
  };
}

/** Runs `act` and returns how long until `done` holds in the page, with the long tasks meanwhile. */
async function measure(page: Page, act: () => Promise<void>, done: () => boolean): Promise<Phase> {
  const start = await page.evaluate(() => performance.now());
  const finished = page.evaluate((check) => window.benchUntil(new Function(`return (${check})()`) as () => boolean), done.toString());
  await act();
  const end = await finished;
  await page.waitForTimeout(300);
  return phase(end - start, await longTasksSince(page, start), start);
}

const renderedRows = (page: Page) => page.evaluate(() => document.querySelectorAll('[role="treeitem"]').length);

async function drive(page: Page, url: string, bodyBytes: number, pagesRead: { count: number }) {
  await page.goto(`${url}/?size=${bodyBytes}`);
  await page.waitForFunction(() => window.bench.treeVisibleAt !== null, undefined, { timeout: 180_000, polling: 50 });
  await page.waitForTimeout(500);
  const loadTimes = await page.evaluate(() => ({ startedAt: window.bench.startedAt, visibleAt: window.bench.treeVisibleAt as number, firstLinesAt: window.bench.firstLinesAt ?? (window.bench.treeVisibleAt as number) }));
  // Tasks that began before the answer was handed over are the page starting up (bundle
  // evaluation, the first render of the empty viewer), not opening the response.
  const allTasks = await longTasksSince(page, 0);
  const startupTasks = allTasks.filter((task) => task.start < loadTimes.startedAt);
  const load = phase(loadTimes.visibleAt - loadTimes.startedAt, allTasks.filter((task) => task.start >= loadTimes.startedAt), loadTimes.startedAt);

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

  const viewerPages = pagesRead.count;
  // The floor, in the same page: the same body over the same RPC in the largest pages the
  // contract allows (4 MiB), each decoded and dropped; no viewer, no worker, no rendering.
  const floorMs = await page.evaluate((pageBytes) => window.benchReadFloor(pageBytes), FLOOR_PAGE_BYTES);

  return {
    viewerPages,
    floor: { ms: Math.round(floorMs), pageBytes: FLOOR_PAGE_BYTES, what: 'read the whole body over the same RPC in 4 MiB pages (the contract maximum), decode each and keep nothing: no viewer, no worker, no rendering' },
    load: { ...load, what: 'answer handed over → read all pages → parse in the worker → root row visible', firstLinesMs: Math.round(loadTimes.firstLinesAt - loadTimes.startedAt) },
    pageStartup: { longTasks: startupTasks.map((task) => Math.round(task.duration)), what: 'long tasks before the answer was handed over (loading the page bundle, first render of the empty viewer); not part of opening the response' },
    expandRoot: { ...expandRoot, what: 'ArrowRight on the root → its children visible' },
    expandMillion: { ...expandMillion, childCount: Number(childCount), renderedRows: rowsAfterExpand, what: 'ArrowRight on a 1,000,000-item array → first children visible' },
    jumpToEnd: { ...jumpToEnd, renderedRows: rowsAtEnd, what: 'End → the last of the million rows visible (paged from the worker)' },
    search: { ...search, what: 'find a key near the end of a 100,000-key object, open its ancestors, select it' },
  };
}

const PHASES = ['load', 'expandRoot', 'expandMillion', 'jumpToEnd', 'search'] as const;

async function main() {
  console.log(`Generating a ${megabytes} MB JSON body…`);
  const body = generateBody(megabytes * 1_000_000);
  const outDir = await buildHarness('viewer-harness', traceFile !== undefined);
  const pagesRead = { count: 0 };
  const server = await serveBody(outDir, body, pagesRead);
  try {
    const { viewerPages, ...phases } = await withChromium({ viewport: { width: 1280, height: 900 }, cpuSlowdown, traceFile }, (page) => drive(page, server.url, body.length, pagesRead));
    const longestTaskMs = Math.max(...PHASES.map((name) => phases[name].longestTaskMs));
    const results = {
      measuredAt: new Date().toISOString(),
      machine: machine(),
      cpuSlowdown,
      body: { bytes: body.length, pages: viewerPages, readings: READINGS, indexKeys: INDEX_KEYS },
      goals: GOALS,
      summary: { firstLinesMs: phases.load.firstLinesMs, treeVisibleMs: phases.load.ms, treeVisibleToFloor: Math.round((phases.load.ms / Math.max(1, phases.floor.ms)) * 100) / 100, longestTaskMs, firstLinesMet: phases.load.firstLinesMs < GOALS.firstLinesMs, longestTaskMet: longestTaskMs <= GOALS.longestTaskMs },
      ...phases,
    };
    // A traced run is slowed by the tracing itself, so its figures replace no results.
    if (!traceFile) {
      fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
      fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    }
    console.table(
      Object.fromEntries(
        PHASES.map((name) => {
          const p = results[name] as Phase & { renderedRows?: number };
          return [name, { 'time ms': p.ms, 'longest task ms': p.longestTaskMs, 'blocking ms': p.totalBlockingMs, 'long tasks': p.longTasks, 'rows in DOM': p.renderedRows ?? '' }];
        }),
      ),
    );
    console.log(`First lines of the body visible after ${results.load.firstLinesMs} ms (goal: under ${GOALS.firstLinesMs} ms); tree after ${results.load.ms} ms, ${results.summary.treeVisibleToFloor}× the floor (reading the body alone: ${results.floor.ms} ms).`);
    console.log(`Longest main-thread task in any phase: ${longestTaskMs} ms (goal: none over ${GOALS.longestTaskMs} ms)${cpuSlowdown > 1 ? `, with the CPU slowed ${cpuSlowdown}×` : ''}.`);
    if (results.pageStartup.longTasks.length > 0) console.log(`Page start-up, before the answer: long tasks of ${results.pageStartup.longTasks.join(', ')} ms (not counted above).`);
    console.log(`Body ${(body.length / 1e6).toFixed(1)} MB read in ${results.body.pages} pages; results in ${path.relative(root, resultsFile)}`);
    if (!results.summary.longestTaskMet) console.warn(`A main-thread task took ${longestTaskMs} ms (goal: none over ${GOALS.longestTaskMs} ms).`);
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
