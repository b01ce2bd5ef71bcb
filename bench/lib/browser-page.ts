/**
 * What the browser benchmarks share: building a bench-only page with vite, serving it on
 * loopback, and driving it in a fresh headless Chromium. Each benchmark keeps its own page
 * (bench/<name>-harness) and its own measurements.
 */
import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { build } from 'vite';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.map': 'application/json' };

/** Builds bench/<harness> into .tmp/<harness> and returns that folder; `readable` keeps names for a trace. */
export async function buildHarness(harness: string, readable = false): Promise<string> {
  const outDir = path.join(root, '.tmp', harness);
  console.log(`Building the bench page (vite) into ${path.relative(root, outDir)}…`);
  await build({ configFile: false, root: path.join(root, 'bench', harness), base: './', plugins: [react()], logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false, minify: !readable, chunkSizeWarningLimit: 4000 } });
  return outDir;
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** A request the benchmark answers itself (a fake backend); return false to serve files. */
export type Handler = (request: http.IncomingMessage, response: http.ServerResponse, url: URL) => boolean;

/** Serves the built page on 127.0.0.1 (only loopback), with `handle` tried first. */
export function serveHarness(outDir: string, handle: Handler = () => false): Promise<Served> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (handle(request, response, url)) return;
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

/**
 * `--cpu-slowdown N` on the command line: Chromium runs the page's main thread N times slower
 * (DevTools CPU throttling), to see which tasks a slow or busy machine would stretch past 50 ms.
 * 1 (the default) measures the machine as it is.
 */
export function cpuSlowdownFromArgs(argv: string[] = process.argv): number {
  const at = argv.indexOf('--cpu-slowdown');
  const value = at >= 0 ? Number(argv[at + 1]) : 1;
  return Number.isFinite(value) && value >= 1 ? value : 1;
}

/** `--trace FILE`: a Chrome trace of the whole run (open it in DevTools' Performance panel). */
export function traceFileFromArgs(argv: string[] = process.argv): string | undefined {
  const at = argv.indexOf('--trace');
  return at >= 0 && argv[at + 1] ? path.resolve(argv[at + 1] as string) : undefined;
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'v8.execute', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler', 'toplevel'];

/** Starts tracing the page; the returned function stops it and gives the trace as JSON text. */
async function recordTrace(cdp: CDPSession): Promise<() => Promise<string>> {
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: TRACE_CATEGORIES } });
  return async () => {
    const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream ?? '')));
    await cdp.send('Tracing.end');
    const stream = await complete;
    const parts: string[] = [];
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle: stream });
      parts.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    return parts.join('');
  };
}

/** Opens a fresh headless Chromium with its own profile, runs `drive` on its page, and closes it. */
export async function withChromium<T>(options: { viewport: { width: number; height: number }; cpuSlowdown?: number; traceFile?: string }, drive: (page: Page) => Promise<T>): Promise<T> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'browser-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: options.viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => console.error('page error:', error.message));
    const cdp = await context.newCDPSession(page);
    if (options.cpuSlowdown && options.cpuSlowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuSlowdown });
    const stopTrace = options.traceFile ? await recordTrace(cdp) : null;
    const result = await drive(page);
    if (stopTrace && options.traceFile) {
      fs.writeFileSync(options.traceFile, await stopTrace());
      console.log(`Trace written to ${options.traceFile} (tracing slows the page: its figures are not the benchmark's).`);
    }
    return result;
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** The machine as the results files describe it. */
export function machine() {
  return { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage: os.loadavg().map((n) => Math.round(n * 10) / 10) };
}

/** Replaces (or appends) the section between `begin` and `end` in bench/RESULTS.md. */
export function writeResultsSection(begin: string, end: string, section: string): void {
  const file = path.join(root, 'bench/RESULTS.md');
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmark results\n\nWritten by the benchmarks themselves; each owns its section.\n';
  const block = `${begin}\n${section}\n${end}`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  text = from >= 0 && to > from ? `${text.slice(0, from)}${block}${text.slice(to + end.length)}` : `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, text);
}
