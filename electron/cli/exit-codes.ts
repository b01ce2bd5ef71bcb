import type { ErrorCode, ExplorerError } from '../../shared/errors';

/** The exit codes CI scripts branch on; the README documents them in a table. */
export const ExitCode = {
  /** Every request got an answer and every assertion passed. */
  passed: 0,
  /** A request or an assertion failed (also: refused keys, a network failure, a cancelled run). */
  failed: 1,
  /** Bad arguments, or an input file that cannot be read or is not valid. */
  usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * A failure the command explains and exits on. `hint` says what to do next; it is printed on its
 * own line so the message stays readable.
 */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

export function usageFailure(message: string, hint?: string): CliFailure {
  return new CliFailure(message, ExitCode.usage, hint);
}

/** Backend codes that mean "what you gave me is wrong" rather than "the run failed". */
const inputCodes: ReadonlySet<ErrorCode> = new Set(['INVALID_INPUT', 'NOT_FOUND', 'UNKNOWN_METHOD']);

export function failureFromBackend(error: ExplorerError, doing: string): CliFailure {
  const detail = error.issues?.length ? ` (${error.issues.map((i) => `${i.path}: ${i.message}`).join('; ')})` : '';
  const code = inputCodes.has(error.code) ? ExitCode.usage : ExitCode.failed;
  return new CliFailure(`${doing} failed: ${error.message}${detail}`, code, hintFor(error.code));
}

function hintFor(code: ErrorCode): string | undefined {
  switch (code) {
    case 'AUTH_FAILED':
      return 'Check VIPPS_CLIENT_ID, VIPPS_CLIENT_SECRET and VIPPS_SUBSCRIPTION_KEY (or the profile’s keys: `vipps-explorer profiles test NAME`).';
    case 'KEYCHAIN_UNAVAILABLE':
      return 'In CI, pass the keys as environment variables instead of a profile: VIPPS_CLIENT_ID, VIPPS_CLIENT_SECRET, VIPPS_SUBSCRIPTION_KEY, VIPPS_MSN.';
    case 'NETWORK':
    case 'TIMEOUT':
      return 'Check that the base URL is reachable from this machine; `--env sandbox` runs against the embedded sandbox without network.';
    case 'CONFIRMATION_REQUIRED':
      return 'Production runs change real orders: pass --confirm-production if that is what you want.';
    default:
      return undefined;
  }
}
