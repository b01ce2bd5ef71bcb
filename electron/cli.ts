import { setFlagsFromString } from 'node:v8';
import { disposeEarlyScripts, startScriptsEarly } from './cli/early-scripts';

// A run makes much short-lived garbage (a result, events and an answer per request) around a
// small live heap; left alone, V8 lets the heap grow to four times what is live before it
// collects, so a 10,000-request run peaked at twice the memory of a 1,000-request one. A small
// growing factor keeps the peak near what is live, for a few more (cheap) collections. Set here,
// before the first request, as the bench runs `node dist/electron/cli.js` without flags.
setFlagsFromString('--heap-growing-percent=30');

/**
 * `vipps-explorer`: the command-line host. Like the window and the browser host it builds the
 * shared backend and talks to it through the contract; it holds no request or run logic of its own.
 */
// `vipps-explorer … | head` closes the pipe early: that is the reader's choice, not a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// The script process starts first, so its start overlaps with loading the rest of the CLI.
startScriptsEarly(process.argv.slice(2));
// zod compiles a fast path (new Function) for an object schema on its first parse; that pays back
// over many parses of the same schema, as in the app, not in one CLI run, which parses most of
// them once or a few times: measured alone, a one-request run took 47 ms less without it, and a
// 60-request flow 51 ms less.
(await import('zod')).config({ jitless: true });
const { runCli } = await import('./cli/program');
const code = await runCli(process.argv.slice(2));
await disposeEarlyScripts();
// Let pending writes (report files, piped stdout) drain before the process ends.
process.exitCode = code;
