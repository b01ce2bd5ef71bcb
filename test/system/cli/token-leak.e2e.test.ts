import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { TOKEN_LEAK_COLLECTION, tokenFromReversedLine } from '../../helpers/token-leak-collection';
import { vippsExplorer } from './run-command';

describe('a token a script logs never leaves a CLI run (issue: the leak to close first)', () => {
  it('is redacted from the CLI output, the JSON and JUnit reports and the test names, while the next request still authenticates with it', async () => {
    const dir = tempDir('vx-cli-leak-');
    const collection = path.join(dir, 'leak.postman_collection.json');
    fs.writeFileSync(collection, JSON.stringify(TOKEN_LEAK_COLLECTION));
    const json = path.join(dir, 'run.json');
    const junit = path.join(dir, 'run.xml');
    const outcome = await vippsExplorer(['run', 'collection', collection, '--env', 'sandbox', '--reporter', 'cli,json,junit', '--reporter-json-export', json, '--reporter-junit-export', junit]);
    const token = tokenFromReversedLine(outcome.stdout + outcome.stderr);
    expect(token, outcome.stdout + outcome.stderr).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(token!.length).toBeGreaterThan(100);
    // The script saw the real token (its own test on it passed), and the next request authenticated with it.
    expect(outcome.code, outcome.stdout).toBe(0);
    expect(outcome.stdout).toContain('the script-set token authenticates');
    for (const [where, text] of [['stdout', outcome.stdout], ['stderr', outcome.stderr], ['JSON report', fs.readFileSync(json, 'utf8')], ['JUnit report', fs.readFileSync(junit, 'utf8')]] as const) {
      expect(text.includes(token!), `${where} holds the token`).toBe(false);
      // Nor a long piece of it (a cut must not leave half a secret behind).
      expect(text.includes(token!.slice(0, 60)), `${where} holds the start of the token`).toBe(false);
    }
    expect(outcome.stdout).toMatch(/TOKEN «redacted:access_token»/);
    expect(fs.readFileSync(json, 'utf8')).toContain('probe=«redacted:');
  }, 60_000);
});
