/**
 * The one Content-Security-Policy for the renderer, sent by the Electron protocol handler and
 * by the browser host alike, so the browser-host tests prove what the desktop app enforces.
 * No 'unsafe-eval' and no inline scripts; images may come from data:/blob: for thumbnails of
 * images the user picks before upload.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every renderer response carries, on both hosts. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The privileged scheme the Electron window loads the renderer from (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'explorer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
