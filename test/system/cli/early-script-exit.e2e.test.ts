import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { vippsExplorer } from './run-command';

describe('the script process started early never keeps the CLI alive', () => {
  it('exits 1 at once when a collection with a script fails before the script process is ready (a dead host)', async () => {
    const dir = tempDir('vx-cli-early-');
    const collection = path.join(dir, 'dead.postman_collection.json');
    const environment = path.join(dir, 'dead.postman_environment.json');
    fs.writeFileSync(collection, JSON.stringify({ info: { name: 'Dead host', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item: [{ name: 'Ping', request: { method: 'GET', url: '{{base_url}}/ping' }, event: [{ listen: 'test', script: { exec: ["pm.test('answered', () => {})"] } }] }] }));
    fs.writeFileSync(environment, JSON.stringify({ name: 'Dead', values: [{ key: 'base_url', value: 'http://127.0.0.1:9', enabled: true }] }));
    // Before the fix the run finished and then hung on the still-starting script process.
    const outcome = await vippsExplorer(['run', 'collection', collection, '-e', environment]);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain('refused the connection');
  }, 20_000);
});
