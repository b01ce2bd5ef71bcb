import type { ErrorCode, ExplorerError } from '../../../../shared/errors';
import { IssueList } from '../common/IssueList';

const HEADINGS: Record<ErrorCode, string> = {
  INVALID_INPUT: 'The request is not valid',
  UNKNOWN_METHOD: 'The app does not know this action',
  FORBIDDEN: 'Not allowed',
  AUTH_FAILED: 'The keys were not accepted',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  KEYCHAIN_UNAVAILABLE: 'The keychain is not available',
  UNRESOLVED_VARIABLE: 'A variable has no value',
  CONFIRMATION_REQUIRED: 'Confirmation needed',
  NETWORK: 'The server could not be reached',
  TIMEOUT: 'No answer in time',
  CANCELLED: 'Cancelled',
  TLS: 'The secure connection failed',
  TOO_LARGE: 'Too large',
  STORE: 'Saving or reading failed',
  SCRIPT_FAILED: 'A script failed',
  INTERNAL: 'Something went wrong in the app',
};

/** A send that produced no HTTP answer, in words; the backend's message says what to do next. */
export function ErrorPanel({ error, id }: { error: ExplorerError; id: string }) {
  const cancelled = error.code === 'CANCELLED';
  return (
    <section
      className={`callout ${cancelled ? 'callout-neutral' : 'callout-error'}`}
      role={cancelled ? 'status' : 'alert'}
      aria-labelledby={`${id}-title`}
      data-testid="response-error"
    >
      <h3 id={`${id}-title`} className="callout-title">
        {HEADINGS[error.code] ?? 'The request failed'}
      </h3>
      <p className="error-message">{error.message}</p>
      <IssueList issues={(error.issues ?? []).map((issue) => ({ name: issue.path, reason: issue.message }))} title="Details:" />
    </section>
  );
}
