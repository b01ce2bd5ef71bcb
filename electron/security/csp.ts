import { randomBytes } from 'node:crypto';

/**
 * The one Content-Security-Policy for the renderer, sent by the Electron protocol handler and
 * by the browser host alike, so the browser-host tests prove what the desktop app enforces.
 * No 'unsafe-eval', no inline scripts, no 'unsafe-inline' styles: the code editor
 * (CodeMirror) writes its styles into a <style> element, which is allowed only with the
 * nonce served in that same HTML response. Images may come from data:/blob: for thumbnails
 * of images the user picks before upload.
 */
export function contentSecurityPolicy(styleNonce?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    styleNonce ? `style-src 'self' 'nonce-${styleNonce}'` : "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Headers every renderer response carries, on both hosts. */
export function securityHeaders(styleNonce?: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(styleNonce),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = securityHeaders();

/** The renderer reads the nonce from this meta tag and hands it to CodeMirror. */
export const STYLE_NONCE_META = 'explorer-style-nonce';

/** A fresh nonce for each HTML response, so one page's nonce is useless for the next. */
export function newStyleNonce(): string {
  return randomBytes(18).toString('base64url');
}

/** Puts the nonce into the page; served together with `securityHeaders(nonce)`. */
export function withStyleNonce(html: string, nonce: string): string {
  const meta = `<meta name="${STYLE_NONCE_META}" content="${nonce}" />`;
  return html.includes('</head>') ? html.replace('</head>', `    ${meta}\n  </head>`) : `${meta}\n${html}`;
}

/** The privileged scheme the Electron window loads the renderer from (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'explorer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
