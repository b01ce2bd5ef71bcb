import { runCli } from './cli/program';

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

const code = await runCli(process.argv.slice(2));
// Let pending writes (report files, piped stdout) drain before the process ends.
process.exitCode = code;
