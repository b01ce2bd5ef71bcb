import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const created: string[] = [];

/**
 * A fresh temporary folder, removed when the test file has finished (not after each test, so a
 * folder made in beforeAll, such as a browser profile, lives as long as the tests using it).
 */
export function tempDir(prefix = 'vx-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});
