/**
 * App size and start: the renderer bundle's gzip size, and how long the browser host takes to its
 * first interactive screen in a real Chromium (headless, Debian's build).
 *   - host start: spawning `node dist/electron/web.js` until it prints its URL;
 *   - page: from navigation until the first screen shows an enabled control (fresh browser
 *     context each time, so nothing comes from the cache).
 * Needs `npm run build` first (scripts/bench.mjs builds).
 *
 *   npx tsx bench/app-start.bench.ts [--runs 5]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { median, ms, repoRoot, writeResult } from './lib/report';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const rendererDir = path.join(repoRoot, 'dist', 'renderer');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface SizedFile {
  file: string;
  bytes: number;
  gzip: number;
}

function bundleSizes(): { all: SizedFile[]; initial: SizedFile[] } {
  const all: SizedFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(js|css|html)$/.test(entry.name)) {
        const content = fs.readFileSync(full);
        all.push({ file: path.relative(rendererDir, full), bytes: content.length, gzip: zlib.gzipSync(content).length });
      }
    }
  };
  walk(rendererDir);
  // What the first screen loads: index.html and the scripts and styles it names.
  const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const named = new Set([...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)].map((match) => match[1]!));
  const initial = all.filter((file) => file.file === 'index.html' || named.has(file.file));
  return { all, initial };
}

function startHost(dataDir: string): Promise<{ url: string; startMs: number; stop: () => Promise<void> }> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/electron/web.js'), '--no-open', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The browser host printed no URL in 60 s:\n${out}`)), 60_000);
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      out += text;
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[0],
          startMs: performance.now() - started,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => (out += text));
    child.once('exit', (code) => code !== null && reject(new Error(`The browser host exited with ${code}:\n${out}`)));
  });
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('No built renderer: run `npm run build` first.');
  const sizes = bundleSizes();
  const sum = (files: SizedFile[], key: 'bytes' | 'gzip') => files.reduce((total, file) => total + file[key], 0);
  const initialGzip = sum(sizes.initial, 'gzip');
  const allGzip = sum(sizes.all, 'gzip');

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const hostStarts: number[] = [];
  const pageTimes: number[] = [];
  const totals: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vx-bench-start-'));
      const host = await startHost(dataDir);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const page = await context.newPage();
        const navigated = performance.now();
        await page.goto(host.url);
        // Interactive: the app's main navigation is there and holds a control that is enabled.
        await page.waitForFunction(() => {
          const nav = document.querySelector('nav');
          return nav !== null && nav.querySelector('button:not([disabled]), a[href]') !== null;
        }, undefined, { timeout: 60_000 });
        const pageMs = performance.now() - navigated;
        hostStarts.push(host.startMs);
        pageTimes.push(pageMs);
        totals.push(host.startMs + pageMs);
      } finally {
        await context.close();
        await host.stop();
        fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
      }
    }
  } finally {
    await browser.close();
  }

  writeResult({
    name: 'app-start',
    title: `App size and start (browser host, headless Chromium, median of ${RUNS} cold starts)`,
    command: `npx tsx bench/app-start.bench.ts --runs ${RUNS}`,
    rows: [
      { what: 'renderer bundle loaded by the first screen (gzip)', figure: `${(initialGzip / 1024).toFixed(1)} KB (${(sum(sizes.initial, 'bytes') / 1024).toFixed(0)} KB raw)`, goal: 'under 400 KB gzip', met: initialGzip < 400 * 1024 },
      { what: 'whole renderer bundle, lazy chunks and workers included (gzip)', figure: `${(allGzip / 1024).toFixed(1)} KB (${sizes.all.length} files)` },
      { what: 'browser host start (spawn until the URL is printed)', figure: ms(median(hostStarts), 0) },
      { what: 'page: navigation until the first screen is interactive', figure: ms(median(pageTimes), 0), goal: 'under 1 s', met: median(pageTimes) < 1000 },
      { what: 'host start + page', figure: ms(median(totals), 0) },
    ],
    raw: { initial: sizes.initial, all: sizes.all, hostStarts, pageTimes },
  });
}

await main();
