/// <reference types="electron" />
import { APP_HOST, APP_SCHEME } from '../security/csp';

/**
 * True only for URLs on the app's own origin. Compared by parts rather than `URL.origin`,
 * because the WHATWG parser reports "null" as the origin of every custom scheme.
 */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Only https leaves the app: http can be tampered with on the way, and file:, javascript: or custom schemes run things locally. */
export function isExternalHttpsUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.hostname !== '' && !url.username && !url.password;
  } catch {
    return false;
  }
}

export type GuardedWebContents = Pick<Electron.WebContents, 'setWindowOpenHandler' | 'on'>;

export interface NavigationGuardOptions {
  shell: Pick<Electron.Shell, 'openExternal'>;
  log?: (line: string) => void;
}

/**
 * Returns a function that locks down one webContents: no new windows (https links go to the
 * user's browser instead), no navigation away from app://explorer, no <webview>. Applied to
 * every webContents the app ever creates, so nothing the renderer opens escapes the policy.
 */
export function createNavigationGuard(options: NavigationGuardOptions): (contents: GuardedWebContents) => void {
  const log = options.log ?? (() => {});
  const guarded = new WeakSet<GuardedWebContents>();

  const openInBrowser = (url: string) => {
    if (!isExternalHttpsUrl(url)) {
      log(`security: refused to open ${JSON.stringify(url.slice(0, 200))} outside the app (only https links open in the browser)`);
      return;
    }
    options.shell.openExternal(url).catch((error: unknown) => {
      log(`security: the browser could not open a link: ${error instanceof Error ? error.message : String(error)}`);
    });
  };

  return (contents) => {
    if (guarded.has(contents)) return;
    guarded.add(contents);

    contents.setWindowOpenHandler(({ url }) => {
      openInBrowser(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event) => {
      if (isAppUrl(event.url)) return;
      event.preventDefault();
      openInBrowser(event.url);
    });
    // A redirect is never something the user clicked, so it is only stopped, never opened.
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
    });
  };
}
