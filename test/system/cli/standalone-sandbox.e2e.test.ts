import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postmanEnvironment, postmanFlow } from '../../../bench/lib/postman-flow';
import { tempDir } from '../../helpers/temp';
import { backgroundSandbox, vippsExplorer, type BackgroundSandbox } from './run-command';

/**
 * The way newman users run a flow, and the way `npm run bench` compares us with newman: a sandbox
 * started apart (`vipps-explorer sandbox`), a Postman environment file with its URL and keys, and
 * no --env. The Sandbox profile's keys then equal the file's, and they must still reach that
 * sandbox on this machine (a secret-hosts check with no embedded sandbox refused every request).
 */
let sandbox: BackgroundSandbox;
beforeAll(async () => {
  sandbox = await backgroundSandbox();
});
afterAll(async () => sandbox?.stop());

describe('a Postman flow against a sandbox started apart, with an environment file and no --env', () => {
  it('runs every request and test (exit 0)', async () => {
    const dir = tempDir('vx-standalone-');
    const files = postmanFlow();
    const collection = path.join(dir, 'flow.postman_collection.json');
    const environment = path.join(dir, 'sandbox.postman_environment.json');
    fs.writeFileSync(collection, JSON.stringify(files.collection));
    fs.writeFileSync(environment, JSON.stringify(postmanEnvironment(sandbox.baseUrl, sandbox.keys)));
    const run = await vippsExplorer(['run', 'collection', collection, '--environment', environment, '--data-dir', path.join(dir, 'data')]);
    expect(run.stdout).not.toContain('Not sent');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Requests: {3}6 run, 6 passed/);
  });
});
