import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { requireKeyringSession } from '../keychain/keyring-session';
import { USER_VALUES } from '../../helpers/official-collections';
import { backgroundSandbox, repoRoot, vippsExplorer, type BackgroundSandbox } from './run-command';

/** The official Vipps Postman collections, beside the repo (../shared is not part of it). */
const fixtures = path.resolve(repoRoot, '..', 'shared', 'fixtures', 'postman');
const PAIRS: Array<[collection: string, environment: string]> = [
  ['tools_epayment-api-postman-collection.json', 'tools_global-postman-environment.json'],
  ['tools_vipps-ecom-api-postman-collection.json', 'tools_vipps-ecom-api-postman-environment.json'],
  ['tools_recurring-v3-api-postman-collection.json', 'tools_vipps-recurring-v3-api-postman-environment.json'],
];
const present = PAIRS.filter(([c, e]) => fs.existsSync(path.join(fixtures, c)) && fs.existsSync(path.join(fixtures, e)));
if (present.length === 0) console.warn(`Skipping the newman agreement test: ${fixtures} is absent (it lives beside the repo, in ../shared).`);

interface NewmanRequestArgs {
  item: { name: string };
  response?: { code: number };
}
type NewmanRun = (options: Record<string, unknown>, done: (error: Error | null) => void) => { on(event: 'request', listener: (error: Error | null, args: NewmanRequestArgs) => void): unknown };
const newman = createRequire(import.meta.url)('newman') as { run: NewmanRun };

/** Per request: the HTTP status, or why nothing was sent (with the variables it lacked). */
type Outcome = { name: string; status: number | null; notSent: string | null; missing: string[] };

/**
 * The two ways our run may differ from newman's on the same sandbox with the same file. In
 * both we do not send the request (UNRESOLVED_VARIABLE, naming the variables), where newman
 * sends something no API accepts and gets a 4xx:
 * 1. placeholder: the file writes the value as placeholder text (`<Set your mobile number…>`);
 *    we leave it out and name it on stderr, newman sends the text literally;
 * 2. unset: nothing defines the variable, or a script set it to undefined (Recurring's "Get
 *    Agreement" sets `sub` from a 404 body); newman sends `{{sub}}` or an empty segment.
 * Every differing request must be one of these; any other difference fails the test.
 */
function allowedDifference(ours: Outcome, theirs: Outcome, file: FileValues): string | null {
  if (ours.notSent !== 'UNRESOLVED_VARIABLE' || ours.missing.length === 0) return null;
  if (theirs.status === null || theirs.status < 400 || theirs.status > 499) return null;
  const why = ours.missing.map((name) => (file.placeholders.has(name) ? `{{${name}}} is placeholder text` : file.keys.has(name) ? null : `{{${name}}} is unset`));
  if (why.some((w) => w === null)) return null;
  return `${why.join(', ')}; newman sent it anyway and got ${theirs.status}`;
}

interface FileValues {
  keys: Set<string>;
  placeholders: Set<string>;
}

function fileValues(environment: string): FileValues {
  const file = JSON.parse(fs.readFileSync(path.join(fixtures, environment), 'utf8')) as { values: Array<{ key: string; value: unknown }> };
  // Vipps' files cut some placeholders short (no closing ">"), so an opening "<" marks one.
  return { keys: new Set(file.values.map((v) => v.key)), placeholders: new Set(file.values.filter((v) => String(v.value).trim().startsWith('<')).map((v) => v.key)) };
}

function newmanRun(collection: string, environment: string, baseUrl: string, keys: BackgroundSandbox['keys'], extra: Record<string, string>): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  // What our profile supplies, given to newman as --env-var, so both start from the same values.
  const envVar = Object.entries({
    base_url: baseUrl,
    client_id: keys.clientId,
    client_secret: keys.clientSecret,
    'Ocp-Apim-Subscription-Key': keys.subscriptionKey,
    merchantSerialNumber: keys.msn,
    ...extra,
  }).map(([key, value]) => ({ key, value }));
  return new Promise((done, fail) => {
    newman
      .run({ collection: path.join(fixtures, collection), environment: path.join(fixtures, environment), envVar, reporters: [], timeoutRequest: 10_000 }, (error) => (error ? fail(error) : done(outcomes)))
      .on('request', (error, args) => outcomes.push({ name: args.item.name, status: args.response?.code ?? null, notSent: error ? 'network' : null, missing: [] }));
  });
}

async function ourRun(collection: string, environment: string, dataDir: string, extra: Record<string, string>): Promise<{ outcomes: Outcome[]; stderr: string }> {
  const report = path.join(dataDir, `${collection}-${Object.keys(extra).length}.json`);
  const envVars = Object.entries(extra).flatMap(([key, value]) => ['--env-var', `${key}=${value}`]);
  const run = await vippsExplorer(['run', 'collection', path.join(fixtures, collection), '--profile', 'Shared sandbox', '--data-dir', dataDir, '-e', path.join(fixtures, environment), ...envVars, '--reporter', 'json', '--reporter-json-export', report]);
  expect(run.code, run.stderr).not.toBe(2);
  const results = (JSON.parse(fs.readFileSync(report, 'utf8')) as { run: { results: Array<{ name: string; status?: number | null; error?: { code: string; message: string } }> } }).run.results;
  const outcomes = results.map((r): Outcome => ({
    name: r.name,
    status: r.status ?? null,
    notSent: r.status ? null : (r.error?.code ?? 'not sent'),
    missing: r.error?.code === 'UNRESOLVED_VARIABLE' ? [...r.error.message.matchAll(/\{\{([^}]+)\}\}/g)].map((m) => m[1] ?? '') : [],
  }));
  return { outcomes, stderr: run.stderr };
}

function compare(label: string, ours: Outcome[], theirs: Outcome[], file: FileValues): string[] {
  const lines = [`${label}: ${ours.length} requests (newman ${theirs.length})`];
  const unexplained: string[] = [];
  ours.forEach((a, i) => {
    const b = theirs[i];
    const same = b !== undefined && a.name === b.name && a.status === b.status && a.notSent === b.notSent;
    const allowed = !same && b ? allowedDifference(a, b, file) : null;
    lines.push(`  ${same ? '=' : allowed ? '~' : '≠'} ${a.name}: ours ${a.status ?? a.notSent}${a.missing.length ? ` (${a.missing.join(", ")})` : ''}, newman ${b?.status ?? b?.notSent}${allowed ? `  (allowed: ${allowed})` : ''}`);
    if (!same && !allowed) unexplained.push(a.name);
  });
  console.log(lines.join('\n'));
  return unexplained;
}

describe.skipIf(present.length === 0)('runs agree with newman on the official collections: same sandbox, same environment file', () => {
  let sandbox: BackgroundSandbox;
  let dataDir: string;
  beforeAll(async () => {
    requireKeyringSession();
    sandbox = await backgroundSandbox();
    dataDir = tempDir('vx-newman-agree-');
    const keysEnv = { VIPPS_CLIENT_ID: sandbox.keys.clientId, VIPPS_CLIENT_SECRET: sandbox.keys.clientSecret, VIPPS_SUBSCRIPTION_KEY: sandbox.keys.subscriptionKey };
    const add = await vippsExplorer(['profiles', 'add', 'Shared sandbox', '--env', 'custom', '--base-url', sandbox.baseUrl, '--msn', sandbox.keys.msn, '--data-dir', dataDir], keysEnv);
    expect(add.code, add.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await sandbox?.stop();
  });

  it.each(present)('%s with %s as published: every difference is a placeholder we leave out and name, or an unset variable, where newman sends and gets a 4xx', async (collection, environment) => {
    const file = fileValues(environment);
    const theirs = await newmanRun(collection, environment, sandbox.baseUrl, sandbox.keys, {});
    const { outcomes: ours, stderr } = await ourRun(collection, environment, dataDir, {});
    expect(ours.map((o) => o.name)).toEqual(theirs.map((o) => o.name));
    expect(compare(`${collection} (as published)`, ours, theirs, file)).toEqual([]);
    // Each placeholder a request lacked was named on stderr before and after the run.
    const named = new Set([...stderr.matchAll(/placeholder text[^:]*: ([^;\n.]+)/g)].flatMap((m) => (m[1] ?? '').split(', ')));
    for (const o of ours) for (const name of o.missing.filter((n) => file.placeholders.has(n))) expect(named, name).toContain(name);
  }, 180_000);

  it.each(present)('%s with %s, its "set your own value" placeholders filled in for both: the same outcome for every request', async (collection, environment) => {
    const file = fileValues(environment);
    // Set where the file asks for a value, and where it leaves one out that the requests use.
    const fill = Object.fromEntries(Object.entries(USER_VALUES).filter(([key]) => file.placeholders.has(key) || !file.keys.has(key)));
    const theirs = await newmanRun(collection, environment, sandbox.baseUrl, sandbox.keys, fill);
    const { outcomes: ours } = await ourRun(collection, environment, dataDir, fill);
    expect(ours.map((o) => o.name)).toEqual(theirs.map((o) => o.name));
    expect(compare(`${collection} (filled in)`, ours, theirs, file)).toEqual([]);
  }, 180_000);
});
