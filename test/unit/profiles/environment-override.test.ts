import { describe, expect, it } from 'vitest';
import { environmentBaseUrlsFromEnv, TEST_PRODUCTION_URL_ENV } from '../../../electron/backend/profiles/environment-override';

describe('the test seam that moves Production to a local server', () => {
  const read = (value: string | undefined) => {
    const lines: string[] = [];
    const urls = environmentBaseUrlsFromEnv(value === undefined ? {} : { [TEST_PRODUCTION_URL_ENV]: value }, (line) => lines.push(line));
    return { urls, lines };
  };

  it('is off unless set', () => {
    expect(read(undefined)).toEqual({ urls: {}, lines: [] });
  });

  it('takes a loopback address and says so', () => {
    const { urls, lines } = read('http://127.0.0.1:4321/ignored-path');
    expect(urls).toEqual({ production: 'http://127.0.0.1:4321' });
    expect(lines[0]).toContain('not to Vipps');
  });

  it('refuses any other host, so Production keys cannot be sent elsewhere through it', () => {
    for (const value of ['https://evil.example.com', 'http://10.0.0.5:80', 'not a url', 'http://127.0.0.1.evil.example:80']) {
      const { urls, lines } = read(value);
      expect(urls).toEqual({});
      expect(lines[0]).toContain('is ignored');
    }
  });
});
