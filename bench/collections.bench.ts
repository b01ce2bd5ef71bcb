/**
 * Collections on disk at scale: 5,000 requests in 100 folders, generated in a temp folder with
 * the app's own file writer. Measured through the contract (createBackend + dispatch), as the
 * app and the CLI call it:
 *   - open: openCollectionFolder + getCollectionTree on a fresh backend (cold cache);
 *   - search: searchCollections over every field (name, URL, body, headers, params, description);
 *   - re-read: getCollectionTree after one file was changed outside the app (a small `git pull`),
 *     once the watcher has reported it; only the changed file is parsed and validated again.
 * Each is set against a floor measured in the same run: reading the same files raw (no parsing)
 * for open, and a plain substring scan of the raw texts for search.
 * Goals (issue 9): open under 1 s, search under 50 ms on a 2-core machine.
 * Results: a table on stdout, bench/results/collections.json and a section in bench/RESULTS.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend, loadConfStoreFactory, type Backend } from '../electron/backend';
import { requestToYaml, settingsToYaml } from '../electron/backend/collections/yaml-format';
import { MemoryKeychain } from '../electron/backend/vault/memory-keychain';
import { newRequest } from '../shared/model/request';

const FOLDERS = 100;
const PER_FOLDER = 50;
const OPEN_RUNS = 5;
const SEARCH_RUNS = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function generate(root: string): string[] {
  const files: string[] = [];
  const settings = (name: string, order: string[]) => ({ name, description: '', variables: [], auth: { type: 'inherit' as const }, scripts: { preRequest: '', test: '' }, order });
  fs.writeFileSync(path.join(root, 'collection.yaml'), settingsToYaml({ ...settings('Bench', []), variables: [{ key: 'baseUrl', value: 'http://127.0.0.1:1', enabled: true, secret: false }] }, true));
  for (let f = 0; f < FOLDERS; f += 1) {
    const folder = `area-${String(f).padStart(3, '0')}`;
    fs.mkdirSync(path.join(root, folder));
    const names: string[] = [];
    for (let r = 0; r < PER_FOLDER; r += 1) {
      const name = `request-${String(r).padStart(2, '0')}.yaml`;
      names.push(name);
      const body = JSON.stringify({ reference: `order-${f}-${r}`, amount: { currency: 'NOK', value: 1000 + r }, lines: Array.from({ length: 8 }, (_, i) => ({ name: `Item ${i} of area ${f}`, quantity: i + 1 })), note: f === 42 && r === 7 ? 'the needle-in-a-haystack' : 'plain' }, null, 2);
      const request = newRequest({
        name: `Area ${f} request ${r}`,
        method: r % 3 === 0 ? 'GET' : 'POST',
        url: `{{baseUrl}}/area/${f}/items/${r}`,
        headers: [{ key: 'X-Area', value: String(f), enabled: true }],
        params: [{ key: 'page', value: String(r), enabled: true }],
        body: r % 3 === 0 ? { mode: 'none' } : { mode: 'json', text: body },
        description: `Request ${r} of area ${f}. Used by the collections benchmark.`,
      });
      const file = path.join(root, folder, name);
      fs.writeFileSync(file, requestToYaml(request));
      files.push(file);
    }
    fs.writeFileSync(path.join(root, folder, 'folder.yaml'), settingsToYaml(settings(`Area ${f}`, names), false));
  }
  return files;
}

async function freshBackend(dataDir: string): Promise<Backend> {
  return createBackend({ host: 'cli', dataDir, storeFactory: await loadConfStoreFactory(), keychain: new MemoryKeychain(), sandbox: false });
}

async function must<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const result = await backend.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vx-bench-collections-'));
  const root = path.join(work, 'collection');
  fs.mkdirSync(root);
  try {
    const files = generate(root);
    const bytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0);

    const floorOpen: number[] = [];
    const open: number[] = [];
    let count = 0;
    for (let i = 0; i < OPEN_RUNS; i += 1) {
      let start = performance.now();
      for (const file of files) fs.readFileSync(file, 'utf8');
      floorOpen.push(performance.now() - start);

      const backend = await freshBackend(fs.mkdtempSync(path.join(work, 'data-')));
      start = performance.now();
      const summary = await must<{ id: string }>(backend, 'openCollectionFolder', { directory: root });
      const tree = await must<{ items: Array<{ children?: unknown[] }>; problems: unknown[] }>(backend, 'getCollectionTree', { collectionId: summary.id });
      open.push(performance.now() - start);
      count = tree.items.reduce((sum, node) => sum + (node.children?.length ?? 0), 0);
      if (count !== FOLDERS * PER_FOLDER || tree.problems.length > 0) throw new Error(`expected ${FOLDERS * PER_FOLDER} requests and no problems, got ${count} and ${tree.problems.length}`);
      await backend.dispose();
    }

    const backend = await freshBackend(fs.mkdtempSync(path.join(work, 'data-')));
    const { id } = await must<{ id: string }>(backend, 'openCollectionFolder', { directory: root });
    await must(backend, 'getCollectionTree', { collectionId: id });
    const texts = files.map((file) => fs.readFileSync(file, 'utf8').toLowerCase());
    const floorSearch: number[] = [];
    const search: number[] = [];
    let hits = 0;
    for (let i = 0; i < SEARCH_RUNS; i += 1) {
      let start = performance.now();
      let found = 0;
      for (const text of texts) if (text.includes('needle-in-a-haystack')) found += 1;
      floorSearch.push(performance.now() - start);
      start = performance.now();
      const answer = await must<{ hits: Array<{ field: string }> }>(backend, 'searchCollections', { query: 'Needle-in-a-Haystack', collectionId: id });
      search.push(performance.now() - start);
      hits = answer.hits.length;
      if (hits !== 1 || found !== 1 || answer.hits[0]!.field !== 'body') throw new Error(`expected one body hit, got ${JSON.stringify(answer.hits)}`);
    }
    // A small git pull: one file changes outside the app; the next tree read re-reads the folder.
    const reread: number[] = [];
    for (let i = 0; i < OPEN_RUNS; i += 1) {
      // The watcher does not keep the process alive (it must not keep the app open); this timer does, and gives up after 10 s.
      const seen = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the outside edit was not seen within 10 s')), 10_000);
        const stop = backend.events.subscribe((message) => {
          if (message.event === 'collections' && (message.payload as { reason?: string }).reason === 'external') {
            clearTimeout(timer);
            stop();
            resolve();
          }
        });
      });
      fs.writeFileSync(files[i]!, fs.readFileSync(files[i]!, 'utf8').replace(/^name: (.*)$/m, `name: $1 edited ${i}`));
      await seen;
      const start = performance.now();
      await must(backend, 'getCollectionTree', { collectionId: id });
      reread.push(performance.now() - start);
    }
    await backend.dispose();

    const figures = {
      requests: FOLDERS * PER_FOLDER,
      folders: FOLDERS,
      megabytesOnDisk: Number((bytes / 1024 / 1024).toFixed(2)),
      cpus: os.cpus().length,
      openMs: Number(median(open).toFixed(1)),
      openFloorMs: Number(median(floorOpen).toFixed(1)),
      openRatio: Number((median(open) / median(floorOpen)).toFixed(1)),
      openGoalMs: 1000,
      searchMs: Number(median(search).toFixed(2)),
      searchFloorMs: Number(median(floorSearch).toFixed(2)),
      searchRatio: Number((median(search) / median(floorSearch)).toFixed(1)),
      searchGoalMs: 50,
      rereadMs: Number(median(reread).toFixed(1)),
      loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
      runs: { open: OPEN_RUNS, search: SEARCH_RUNS },
      measuredAt: new Date().toISOString(),
    };
    console.table(figures);
    const here = path.dirname(new URL(import.meta.url).pathname);
    fs.mkdirSync(path.join(here, 'results'), { recursive: true });
    fs.writeFileSync(path.join(here, 'results', 'collections.json'), `${JSON.stringify(figures, null, 2)}\n`);
    writeSection(path.join(here, 'RESULTS.md'), figures);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function writeSection(file: string, f: Record<string, unknown> & { openMs: number; searchMs: number; rereadMs: number; loadAverage: number[] }): void {
  const start = '<!-- collections:start -->';
  const end = '<!-- collections:end -->';
  const section = `${start}
## Collections on disk (issue 9)

\`npm run bench -- collections\` (bench/collections.bench.ts): ${f.requests} requests in ${f.folders} folders (${f.megabytesOnDisk} MB of YAML), generated in a temp folder, read through the contract on a fresh backend. Medians; ${f.cpus} CPUs, load average ${f.loadAverage.join(', ')} (1, 5, 15 min) when it finished; measured ${f.measuredAt}.

| what | median | floor in the same run | ratio | goal |
|---|---|---|---|---|
| open the folder and list the tree (cold cache) | ${f.openMs} ms | ${f.openFloorMs} ms (read every file raw) | ${f.openRatio}× | < ${f.openGoalMs} ms ${f.openMs < 1000 ? 'met' : 'NOT met'} |
| search every field of every request | ${f.searchMs} ms | ${f.searchFloorMs} ms (substring scan of the raw files) | ${f.searchRatio}× | < ${f.searchGoalMs} ms ${f.searchMs < 50 ? 'met' : 'NOT met'} |
| list the tree again after one file changed outside the app | ${f.rereadMs} ms | ${f.openMs} ms (the cold open above) | ${(f.rereadMs / f.openMs).toFixed(2)}× | none |
${end}`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmark results\n';
  const next = current.includes(start) ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), section) : `${current.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(file, next);
}

await main();
