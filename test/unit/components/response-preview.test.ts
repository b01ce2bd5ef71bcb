import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../renderer/src/components/common/format';
import { firstLines, prettyJson } from '../../../renderer/src/components/response/pretty-json';

/** The preview as it would be if the whole text were formatted and then cut. */
function naiveFirstLines(text: string, lines: number): string {
  return prettyJson(text).split('\n').slice(0, lines).join('\n');
}

describe('firstLines: the preview of a large body', () => {
  const records = JSON.stringify({ items: Array.from({ length: 400 }, (_, i) => ({ id: i, name: `Item ${i}`, tags: ['a', 'b'], address: { city: 'Oslo' } })) });

  it('gives the same lines as formatting the whole page would, from a small slice', () => {
    expect(firstLines(records, 60)).toBe(naiveFirstLines(records, 60));
    expect(firstLines(records, 60).split('\n')).toHaveLength(60);
  });

  it('grows the slice when the first lines are long', () => {
    const wide = JSON.stringify({ notes: Array.from({ length: 80 }, (_, i) => `${i}:${'x'.repeat(300)}`) });
    expect(wide.length).toBeGreaterThan(16 * 1024);
    expect(firstLines(wide, 60)).toBe(naiveFirstLines(wide, 60));
  });

  it('returns the whole formatted text when it has fewer lines than asked', () => {
    expect(firstLines('{"a":1,"b":[1,2]}', 60)).toBe(prettyJson('{"a":1,"b":[1,2]}'));
  });

  it('formats a page cut in the middle of a string up to where it stops', () => {
    const cut = records.slice(0, 5000);
    expect(firstLines(cut, 60)).toBe(naiveFirstLines(cut, 60));
  });

  it('leaves text that is not JSON as it is', () => {
    expect(firstLines('plain words\nsecond line', 1)).toBe('plain words');
  });
});

describe('formatCount', () => {
  it('groups whole numbers in thousands without Intl', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(1_000_000)).toBe('1,000,000');
    expect(formatCount(-12_345)).toBe('-12,345');
  });

  it('gives fractions the same form as before', () => {
    expect(formatCount(1234.5)).toBe((1234.5).toLocaleString('en-US'));
  });
});
