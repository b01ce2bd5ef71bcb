import { runCli } from './cli/program';

/**
 * `vipps-explorer`: the command-line host. Like the window and the browser host it builds the
 * shared backend and talks to it through the contract; it holds no request or run logic of its own.
 */
const code = await runCli(process.argv.slice(2));
// Let pending writes (report files, piped stdout) drain before the process ends.
process.exitCode = code;
