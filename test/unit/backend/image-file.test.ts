import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileHandlers, MAX_IMAGE_BYTES } from '../../../electron/backend/files/image-file';
import { ExplorerFailure } from '../../../electron/backend/failure';
import { tempDir } from '../../helpers/temp';

const ctx = { host: 'test' } as const;

async function failureOf(promise: Promise<unknown>): Promise<ExplorerFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExplorerFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('native image picker', () => {
  it('explains that the browser has no system dialog', async () => {
    const failure = await failureOf(createFileHandlers(undefined).pickImageFile({}, ctx));
    expect(failure.code).toBe('INVALID_INPUT');
    expect(failure.message).toMatch(/file field/);
  });

  it('refuses a file over 2 MiB without reading it into memory', async () => {
    const file = path.join(tempDir(), 'huge.png');
    fs.writeFileSync(file, Buffer.alloc(MAX_IMAGE_BYTES + 1));
    const failure = await failureOf(createFileHandlers({ pickFile: async () => file }).pickImageFile({}, ctx));
    expect(failure.code).toBe('TOO_LARGE');
    expect(failure.message).toContain('huge.png');
    expect(failure.message).toMatch(/2 MiB/);
  });

  it('says so when the chosen file has gone', async () => {
    const failure = await failureOf(createFileHandlers({ pickFile: async () => '/nonexistent/x.png' }).pickImageFile({}, ctx));
    expect(failure.code).toBe('NOT_FOUND');
  });
});
