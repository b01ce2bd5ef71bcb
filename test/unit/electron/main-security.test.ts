import { afterEach, describe, expect, it } from 'vitest';
import { bootMain, shutDown, type BootedMain } from './boot-main';
import { FakeSession, FakeWebContents, fakeEvent } from './fake-electron';

let booted: BootedMain | undefined;
afterEach(async () => {
  await shutDown(booted);
  booted = undefined;
});

async function mainWebContents() {
  booted = await bootMain();
  return booted.fake.BrowserWindow.instances[0]!.webContents;
}

/** A webContents the app did not create itself, e.g. one some future feature or a bug might open. */
async function strayWebContents() {
  booted = await bootMain();
  const contents = new FakeWebContents(new FakeSession());
  booted.fake.app.emit('web-contents-created', fakeEvent(), contents);
  return contents;
}

async function settle() {
  await new Promise((resolve) => setImmediate(resolve));
}

describe('electron/main.ts: new windows and external links', () => {
  it('denies every window.open and target=_blank, including links to the app itself', async () => {
    const contents = await mainWebContents();
    for (const url of ['https://developer.vippsmobilepay.com/', 'app://explorer/', 'about:blank']) {
      expect(contents.openWindow(url)).toEqual({ action: 'deny' });
    }
  });

  it('opens an https link in the user browser instead of a new window', async () => {
    const contents = await mainWebContents();
    contents.openWindow('https://developer.vippsmobilepay.com/docs/APIs/order-management-api/');
    await settle();
    expect(booted!.fake.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://developer.vippsmobilepay.com/docs/APIs/order-management-api/');
  });

  it.each([
    ['http:', 'http://example.com/'],
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['a custom scheme', 'vipps://pay?token=x'],
    ['smb:', 'smb://attacker/share'],
    ['https with credentials', 'https://user:pass@example.com/'],
    ['an unparseable URL', 'https://'],
  ])('refuses to hand %s links to the operating system', async (_kind, url) => {
    const contents = await mainWebContents();
    expect(contents.openWindow(url)).toEqual({ action: 'deny' });
    expect(contents.navigate('will-navigate', url)).toBe(true);
    await settle();
    expect(booted!.fake.shell.openExternal).not.toHaveBeenCalled();
  });

  it('logs each refused link so a user asking "why did nothing happen" can be answered', async () => {
    const contents = await mainWebContents();
    contents.openWindow('file:///etc/passwd');
    expect(booted!.stderr).toEqual([expect.stringContaining('refused to open "file:///etc/passwd"')]);
  });
});

describe('electron/main.ts: navigation', () => {
  it('allows navigation within app://explorer', async () => {
    const contents = await mainWebContents();
    expect(contents.navigate('will-navigate', 'app://explorer/')).toBe(false);
    expect(contents.navigate('will-navigate', 'app://explorer/index.html#/collections')).toBe(false);
    expect(contents.navigate('will-redirect', 'app://explorer/index.html')).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:3000/',
    'file:///etc/passwd',
    'app://explorer.evil/',
    'app://explorer:8080/',
    'app://other/',
    'data:text/html,<script>alert(1)</script>',
  ])('prevents navigation and redirects to the foreign origin %s', async (url) => {
    const contents = await mainWebContents();
    expect(contents.navigate('will-navigate', url)).toBe(true);
    expect(contents.navigate('will-redirect', url)).toBe(true);
  });

  it('opens a clicked https link in the browser while keeping the window on the app', async () => {
    const contents = await mainWebContents();
    expect(contents.navigate('will-navigate', 'https://vippsmobilepay.com/')).toBe(true);
    await settle();
    expect(booted!.fake.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://vippsmobilepay.com/');
  });

  it('never opens the target of a redirect, which the user did not click', async () => {
    const contents = await mainWebContents();
    expect(contents.navigate('will-redirect', 'https://vippsmobilepay.com/')).toBe(true);
    await settle();
    expect(booted!.fake.shell.openExternal).not.toHaveBeenCalled();
  });

  it('prevents attaching a <webview>', async () => {
    const contents = await mainWebContents();
    expect(contents.attachWebview('https://evil.example/')).toBe(true);
  });
});

describe('electron/main.ts: every other webContents is hardened too', () => {
  it('denies its windows, blocks its foreign navigation and redirects, and prevents its webviews', async () => {
    const contents = await strayWebContents();
    expect(contents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.attachWebview('app://explorer/')).toBe(true);
  });

  it('denies permissions on its session even when it is not the default session', async () => {
    const contents = await strayWebContents();
    expect(contents.session.permissionCheckHandler?.(null, 'media', 'app://explorer', {})).toBe(false);
  });
});

describe('electron/main.ts: permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'some-future-permission'])(
    'denies a %s permission request and check',
    async (permission) => {
      booted = await bootMain();
      const session = booted.fake.session.defaultSession;
      const granted: boolean[] = [];
      session.permissionRequestHandler!(null, permission, (answer) => granted.push(answer), {});
      expect(granted).toEqual([false]);
      expect(session.permissionCheckHandler!(null, permission, 'app://explorer', {})).toBe(false);
    },
  );
});
