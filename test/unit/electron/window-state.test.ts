import { describe, expect, it } from 'vitest';
import { fitToDisplays, MIN_WINDOW_SIZE, type WindowState } from '../../../electron/main/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1440 };
const monitorLeftAbove = { x: -1920, y: -300, width: 1920, height: 1080 };

function state(partial: Partial<WindowState>): WindowState {
  return { width: 1200, height: 800, maximized: false, ...partial };
}

describe('fitToDisplays', () => {
  it('keeps a window that is fully on an attached display exactly where it was', () => {
    expect(fitToDisplays(state({ x: 1600, y: 100 }), [laptop, monitorRight], laptop)).toEqual({ x: 1600, y: 100, width: 1200, height: 800 });
  });

  it('keeps a window on a display at negative coordinates', () => {
    expect(fitToDisplays(state({ x: -1800, y: -200 }), [laptop, monitorLeftAbove], laptop)).toEqual({ x: -1800, y: -200, width: 1200, height: 800 });
  });

  it('lets Electron centre a window on the primary display when its display is gone', () => {
    expect(fitToDisplays(state({ x: 2000, y: 100, width: 2000, height: 1200 }), [laptop], laptop)).toEqual({ width: 1440, height: 900 });
  });

  it('moves a window whose title bar is off-screen back to where it can be grabbed', () => {
    expect(fitToDisplays(state({ x: 100, y: -780 }), [laptop], laptop)).toEqual({ width: 1200, height: 800 });
  });

  it('shrinks and shifts a window larger than its display so that all of it is visible', () => {
    expect(fitToDisplays(state({ x: 1000, y: 50, width: 3000, height: 2000 }), [laptop, monitorRight], laptop)).toEqual({ x: 0, y: 0, width: 1440, height: 900 });
  });

  it('pulls a window hanging over the edge of its display back inside it', () => {
    expect(fitToDisplays(state({ x: 1000, y: 500 }), [laptop], laptop)).toEqual({ x: 240, y: 100, width: 1200, height: 800 });
  });

  it('centres a window that was never placed, at least at the minimum size', () => {
    expect(fitToDisplays(state({ width: 300, height: 200 }), [laptop], laptop)).toEqual(MIN_WINDOW_SIZE);
  });
});
