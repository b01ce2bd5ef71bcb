/**
 * A test seam: end-to-end tests need a Production profile whose host is a server they run, to
 * see the app's production guard at work without real money. VIPPS_EXPLORER_TEST_PRODUCTION_URL
 * moves Production's base URL, and only to a loopback address, so the keys of a Production
 * profile can never be sent to another machine through it.
 */
export const TEST_PRODUCTION_URL_ENV = 'VIPPS_EXPLORER_TEST_PRODUCTION_URL';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function environmentBaseUrlsFromEnv(env: NodeJS.ProcessEnv, warn: (line: string) => void): { production?: string } {
  const raw = env[TEST_PRODUCTION_URL_ENV];
  if (!raw) return {};
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || url.protocol !== 'http:' || !LOOPBACK.has(url.hostname)) {
    warn(`${TEST_PRODUCTION_URL_ENV} is ignored: it may only name a loopback address such as http://127.0.0.1:8080 (it is for tests).`);
    return {};
  }
  warn(`${TEST_PRODUCTION_URL_ENV} is set: Production profiles send to ${url.origin} (a test server), not to Vipps.`);
  return { production: url.origin };
}
