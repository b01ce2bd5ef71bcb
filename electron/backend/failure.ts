import type { ErrorCode, ExplorerError } from '../../shared/errors';

/**
 * Thrown inside the backend for an expected, explainable failure. The dispatcher turns it into
 * an `{ code, message }` value; anything else thrown is a bug and reaches the user as INTERNAL.
 */
export class ExplorerFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ExplorerError['issues'],
  ) {
    super(message);
    this.name = 'ExplorerFailure';
  }

  toValue(): ExplorerError {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export function fail(code: ErrorCode, message: string, issues?: ExplorerError['issues']): never {
  throw new ExplorerFailure(code, message, issues);
}
