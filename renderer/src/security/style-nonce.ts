/** Mirrors STYLE_NONCE_META in electron/security/csp.ts (the renderer may not import electron/). */
const STYLE_NONCE_META = 'explorer-style-nonce';

/**
 * The nonce the host put in this page for injected <style> elements (CodeMirror's), or
 * undefined when the page was served without one (tests, the Vite dev server).
 */
export function readStyleNonce(doc: Document = document): string | undefined {
  const content = doc.querySelector<HTMLMetaElement>(`meta[name="${STYLE_NONCE_META}"]`)?.content;
  return content && /^[A-Za-z0-9_-]+$/.test(content) ? content : undefined;
}
