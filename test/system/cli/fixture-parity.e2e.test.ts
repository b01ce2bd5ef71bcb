import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, loadConfStoreFactory, createInProcessClient, MemoryKeychain } from '../../../electron/backend';
import type { RunEvent, RunRequestResult, RunSummary } from '../../../shared/model/run';
import { tempDir } from '../../helpers/temp';
import { repoRoot, vippsExplorer } from './run-command';

/** The official Vipps Postman collections, beside the repo (../shared is not part of it). */
const fixtures = path.resolve(repoRoot, '..', 'shared', 'fixtures', 'postman');
/** Each collection with the environment file Vipps ships for it. */
const PAIRS: Array<[collection: string, environment: string]> = [
  ['tools_epayment-api-postman-collection.json', 'tools_global-postman-environment.json'],
  ['tools_vipps-ecom-api-postman-collection.json', 'tools_vipps-ecom-api-postman-environment.json'],
  ['tools_recurring-v3-api-postman-collection.json', 'tools_vipps-recurring-v3-api-postman-environment.json'],
];
const present = PAIRS.filter(([collection, environment]) => fs.existsSync(path.join(fixtures, collection)) && fs.existsSync(path.join(fixtures, environment)));
if (present.length === 0) console.warn(`Skipping the CLI/app parity test of the official Vipps collections: ${fixtures} is absent (it lives beside the repo, in ../shared).`);

/** What must match per request: which request, its answer, and each assertion's outcome. */
function comparable(results: Array<Pick<RunRequestResult, 'iteration' | 'name' | 'method' | 'status' | 'passed' | 'assertions' | 'skipped'> & { error?: { code: string } }>) {
  return results.map((result) => ({
    iteration: result.iteration,
    name: result.name,
    method: result.method,
    status: result.status ?? null,
    error: result.error?.code ?? null,
    skipped: result.skipped,
    passed: result.passed,
    assertions: result.assertions.map((assertion) => `${assertion.passed ? 'pass' : 'FAIL'} ${assertion.name}`),
  }));
}

/**
 * The app's way: the backend imports the collection and then its environment into it through
 * the contract, and its runner runs it with the Sandbox profile on the embedded sandbox.
 */
async function runInApp(file: string, environment: string): Promise<RunSummary> {
  const backend = await createBackend({ host: 'test', dataDir: tempDir('vx-parity-data-'), storeFactory: await loadConfStoreFactory(), keychain: new MemoryKeychain(), sandbox: { inMemory: true } });
  try {
    const client = createInProcessClient(backend, 'test');
    const imported = await client.importInto({ source: { kind: 'file', path: file }, format: 'postman-collection', target: { kind: 'new', directory: tempDir('vx-parity-collection-') }, vippsAuth: true });
    if (!imported.ok) throw new Error(imported.error.message);
    const env = await client.importInto({ source: { kind: 'file', path: environment }, target: { kind: 'existing', collectionId: imported.value.collectionId } });
    if (!env.ok) throw new Error(env.error.message);
    let finish: (summary: RunSummary) => void = () => {};
    const finished = new Promise<RunSummary>((resolve) => (finish = resolve));
    const stop = client.subscribe('run', (event: RunEvent) => event.type === 'run-finished' && finish(event.summary));
    const started = await client.startRun({ collectionId: imported.value.collectionId, recordHistory: false });
    if (!started.ok) throw new Error(started.error.message);
    const summary = await finished;
    stop();
    return summary;
  } finally {
    await backend.dispose();
  }
}

describe.skipIf(present.length === 0)('the official Vipps collections give the same per-request results through the CLI as through the app’s runner', () => {
  it.each(present)('%s with %s', async (name, environmentName) => {
    const file = path.join(fixtures, name);
    const environment = path.join(fixtures, environmentName);
    const report = path.join(tempDir('vx-parity-report-'), 'run.json');
    const cli = await vippsExplorer(['run', 'collection', file, '--environment', environment, '--env', 'sandbox', '--reporter', 'json', '--reporter-json-export', report]);
    expect(cli.code, cli.stderr).not.toBe(2);
    const fromCli = (JSON.parse(fs.readFileSync(report, 'utf8')) as { run: RunSummary }).run;
    const fromApp = await runInApp(file, environment);
    console.info(`${name}: ${fromApp.requests.total} requests, ${fromApp.requests.passed} passed, ${fromApp.requests.failed} failed (app); the CLI exited ${cli.code}`);
    expect(fromCli.results.length).toBeGreaterThan(0);
    expect(comparable(fromCli.results)).toEqual(comparable(fromApp.results));
    // The exit code follows the results.
    expect(cli.code).toBe(fromApp.requests.failed === 0 && fromApp.assertions.failed === 0 ? 0 : 1);
  });
});
