import { z } from 'zod';

/**
 * The closed list of error codes that may cross a boundary (IPC, the browser host's RPC, the
 * CLI). The renderer picks its wording and recovery hints by code, so adding one is a
 * deliberate change to this list, never an ad-hoc string.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'FORBIDDEN',
  /** Vipps (or the sandbox) refused the profile's keys when asked for an access token. */
  'AUTH_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'KEYCHAIN_UNAVAILABLE',
  'UNRESOLVED_VARIABLE',
  'CONFIRMATION_REQUIRED',
  'NETWORK',
  'TIMEOUT',
  'CANCELLED',
  'TLS',
  'TOO_LARGE',
  'STORE',
  /** A pre-request or test script threw, timed out or ran out of memory. */
  'SCRIPT_FAILED',
  'INTERNAL',
] as const;

export const ErrorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ExplorerErrorSchema = z.object({
  code: ErrorCodeSchema,
  /** Written for the person at the screen: what happened and what to do next. */
  message: z.string(),
  /** Field-level detail, e.g. which input path failed validation. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ExplorerError = z.infer<typeof ExplorerErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ExplorerError };

export function isExplorerError(value: unknown): value is ExplorerError {
  return ExplorerErrorSchema.safeParse(value).success;
}
