import type { ChildProcess } from 'node:child_process';

const HINT = 'No browser could be opened here. Open the URL above in a browser on this machine (or forward the port when this is a remote box).';

export type Opener = (url: string) => Promise<ChildProcess>;

/**
 * Opens the user's browser, and says so plainly when that did not work: no opener program, an
 * opener that fails (no browser configured), or no display to show one on.
 */
export async function openBrowser(url: string, say: (line: string) => void, opener?: Opener, env: NodeJS.ProcessEnv = process.env, platform = process.platform): Promise<void> {
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    say(HINT);
    return;
  }
  try {
    const open = opener ?? (await import('open')).default;
    const child = await open(url);
    child.once('error', () => say(HINT));
    child.once('exit', (code) => {
      if (code !== 0 && code !== null) say(HINT);
    });
  } catch {
    say(HINT);
  }
}
