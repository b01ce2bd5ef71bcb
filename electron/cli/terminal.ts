/**
 * What the command line may assume about where its output goes. Colour and live progress are for
 * a person at a terminal; CI logs and files get plain lines. NO_COLOR (https://no-color.org) wins
 * over everything, FORCE_COLOR lets CI systems that render ANSI ask for it.
 */
export interface Terminal {
  /** stdout is a terminal: progress may redraw lines. */
  readonly interactive: boolean;
  readonly colour: boolean;
  /** Columns to fit a line into (80 when unknown). */
  readonly width: number;
  out(text: string): void;
  err(text: string): void;
}

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export function detectColour(stream: OutputStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export function createTerminal(stdout: OutputStream = process.stdout, stderr: OutputStream = process.stderr, env: NodeJS.ProcessEnv = process.env): Terminal {
  return {
    interactive: stdout.isTTY === true && env.TERM !== 'dumb' && !env.CI,
    colour: detectColour(stdout, env),
    width: stdout.columns && stdout.columns > 20 ? stdout.columns : 80,
    out: (text) => void stdout.write(text),
    err: (text) => void stderr.write(text),
  };
}

const codes = { red: [31, 39], green: [32, 39], yellow: [33, 39], dim: [2, 22], bold: [1, 22], cyan: [36, 39] } as const;
export type Style = keyof typeof codes;

/** Paints text when colour is on, returns it unchanged otherwise (so logs never hold escape codes). */
export function painter(colour: boolean): (style: Style, text: string) => string {
  return (style, text) => (colour ? `\u001b[${codes[style][0]}m${text}\u001b[${codes[style][1]}m` : text);
}
