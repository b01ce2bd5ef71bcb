import type { SendResult } from '../../../shared/contract/requests';
import type { ForeignScriptRequest } from '../../../shared/model/run';
import { ExplorerFailure } from '../failure';
import { originOf } from '../engine/endpoints';

/**
 * Collects, for one request of a run, what its scripts sent with pm.sendRequest outside the
 * profile's host (scheme, host and port, the unit the engine binds credentials to). A script
 * from an imported collection is untrusted, so where it reached out to belongs in the report.
 */
export class ForeignScriptRequests {
  readonly #profileBaseUrl: string;
  readonly #redact: (text: string) => string;
  readonly #seen: ForeignScriptRequest[] = [];

  /** Made for every request of a run, most of which send nothing from a script: the URL is read only when one fails. */
  constructor(profileBaseUrl: string, redact: (text: string) => string) {
    this.#profileBaseUrl = profileBaseUrl;
    this.#redact = redact;
  }

  /** A pm.sendRequest that got an answer; `sent` is what the engine reports it sent. */
  answered(result: SendResult): void {
    if (result.sent.toProfileHost) return;
    this.#add({ method: result.sent.method, url: result.sent.url, status: result.status, refused: false });
  }

  /** A pm.sendRequest that failed; `url` is its URL with the run's variables filled, as far as they go. */
  failed(method: string, url: string, error: unknown): void {
    const target = tryUrl(url);
    const profileOrigin = originOf(this.#profileBaseUrl);
    if (!target || (profileOrigin !== undefined && target.origin === profileOrigin)) return;
    const failure = error instanceof ExplorerFailure ? error : undefined;
    this.#add({ method, url, refused: failure?.code === 'FORBIDDEN', error: failure?.message ?? (error instanceof Error ? error.message : String(error)) });
  }

  list(): ForeignScriptRequest[] | undefined {
    return this.#seen.length > 0 ? [...this.#seen] : undefined;
  }

  #add(entry: { method: string; url: string; status?: number; refused: boolean; error?: string }): void {
    const url = this.#redact(entry.url);
    this.#seen.push({
      method: entry.method,
      url,
      host: tryUrl(entry.url)?.host ?? url,
      ...(entry.status !== undefined ? { status: entry.status } : {}),
      refused: entry.refused,
      ...(entry.error !== undefined ? { error: this.#redact(entry.error) } : {}),
    });
  }
}

function tryUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
