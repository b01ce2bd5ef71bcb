/** Only the error's name and message: a stack or a file path must never reach a log line a user pastes, nor an answer. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return String(error).slice(0, 300);
}

// Kept on the process itself: a module that is loaded twice (tests reload main.ts) must still install one guard.
const INSTALLED = Symbol.for('vipps-explorer.process-guard');

/**
 * The last resort for a long-running host process (the browser host, Electron's main process):
 * an exception nobody caught is logged (name and message only) and the host keeps serving,
 * instead of every open window or tab losing it at once.
 */
export function keepProcessAlive(log: (line: string) => void, who: string): void {
  const flags = process as unknown as Record<symbol, boolean>;
  if (flags[INSTALLED]) return;
  flags[INSTALLED] = true;
  process.on('uncaughtException', (error) => log(`${who}: an unexpected error was caught; still running: ${describeFailure(error)}`));
  process.on('unhandledRejection', (reason) => log(`${who}: an unexpected rejection was caught; still running: ${describeFailure(reason)}`));
}
