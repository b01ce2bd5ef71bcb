import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliFailure } from '../../../electron/cli/exit-codes';
import { parseEnvVars, readEnvironmentFile } from '../../../electron/cli/run-variables';
import { tempDir } from '../../helpers/temp';

function thrown(work: () => unknown): CliFailure {
  try {
    work();
  } catch (error) {
    if (error instanceof CliFailure) return error;
    throw error;
  }
  throw new Error('expected a CliFailure');
}

describe('run variables', () => {
  it('reads the enabled values of a Postman environment file', () => {
    const file = path.join(tempDir(), 'test.postman_environment.json');
    fs.writeFileSync(file, JSON.stringify({ name: 'Test', values: [{ key: 'base_url', value: 'http://127.0.0.1:1', enabled: true }, { key: 'off', value: 'x', enabled: false }, { key: 'n', value: 5 }] }));
    expect(readEnvironmentFile(file)).toEqual({ name: 'Test', values: { base_url: 'http://127.0.0.1:1', n: '5' } });
  });

  it('reads an environment file saved with a BOM, or as UTF-16 (as Windows tools write them)', () => {
    const json = JSON.stringify({ name: 'Win', values: [{ key: 'base_url', value: 'http://127.0.0.1:1', enabled: true }] });
    const dir = tempDir();
    const withBom = path.join(dir, 'bom.json');
    fs.writeFileSync(withBom, `\uFEFF${json}`, 'utf8');
    const utf16 = path.join(dir, 'utf16.json');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]));
    for (const file of [withBom, utf16]) expect(readEnvironmentFile(file)).toEqual({ name: 'Win', values: { base_url: 'http://127.0.0.1:1' } });
  });

  it('names the file and the problem when it is not JSON or not an environment (exit 2)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"values": [');
    fs.writeFileSync(path.join(dir, 'wrong.json'), '{"values": "nope"}');
    const broken = thrown(() => readEnvironmentFile(path.join(dir, 'broken.json')));
    expect(broken.exitCode).toBe(2);
    expect(broken.message).toMatch(/broken\.json is not valid JSON/);
    expect(thrown(() => readEnvironmentFile(path.join(dir, 'wrong.json'))).message).toMatch(/wrong\.json is not a Postman environment: values:/);
    expect(thrown(() => readEnvironmentFile(path.join(dir, 'missing.json'))).message).toMatch(/Cannot read the environment file .*missing\.json: ENOENT/);
  });

  it('takes --env-var key=value, keeping "=" inside values', () => {
    expect(parseEnvVars(['a=1', 'url=http://x/?q=1'])).toEqual({ a: '1', url: 'http://x/?q=1' });
    expect(thrown(() => parseEnvVars(['novalue'])).message).toBe('--env-var needs key=value, not "novalue".');
  });
});
