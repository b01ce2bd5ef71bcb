import type { Terminal } from '../../../electron/cli/terminal';

/** A terminal that keeps what the command prints, as a pipe (CI) or as a TTY would get it. */
export function fakeTerminal(options: { interactive?: boolean; colour?: boolean } = {}): Terminal & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    interactive: options.interactive ?? false,
    colour: options.colour ?? false,
    width: 100,
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    stdout: () => out,
    stderr: () => err,
  };
}
