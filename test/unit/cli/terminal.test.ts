import { describe, expect, it } from 'vitest';
import { createTerminal, detectColour, painter } from '../../../electron/cli/terminal';

const tty = { isTTY: true, columns: 120, write: () => true };
const pipe = { write: () => true };

describe('terminal behaviour', () => {
  it('colours only a terminal', () => {
    expect(detectColour(tty, {})).toBe(true);
    expect(detectColour(pipe, {})).toBe(false);
  });

  it('respects NO_COLOR on a terminal, and FORCE_COLOR on a pipe', () => {
    expect(detectColour(tty, { NO_COLOR: '1' })).toBe(false);
    expect(detectColour(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(detectColour(tty, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(detectColour(tty, { TERM: 'dumb' })).toBe(false);
  });

  it('shows live progress only on an interactive terminal outside CI', () => {
    expect(createTerminal(tty, pipe, {}).interactive).toBe(true);
    expect(createTerminal(tty, pipe, { CI: 'true' }).interactive).toBe(false);
    expect(createTerminal(pipe, pipe, {}).interactive).toBe(false);
  });

  it('writes no escape codes when colour is off', () => {
    expect(painter(false)('red', 'failed')).toBe('failed');
    expect(painter(true)('red', 'failed')).toBe('\u001b[31mfailed\u001b[39m');
  });
});
