/**
 * A response body as a value when it is JSON, or null when it is empty or not JSON: for
 * reading answers (a server's error page is not JSON), never for checking what the user typed,
 * which goes through parseJsonStrict.
 */
export function parseJsonOrNull(text: string | null | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
