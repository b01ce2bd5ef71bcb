import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCliReporter } from '../../../electron/cli/reporters/cli-reporter';
import { chooseReporters } from '../../../electron/cli/reporters/index';
import { createJsonReporter, JSON_REPORT_VERSION } from '../../../electron/cli/reporters/json-reporter';
import { createScrub } from '../../../electron/cli/reporters/reporter';
import { CliFailure } from '../../../electron/cli/exit-codes';
import { RunEventSchema, type RunEvent } from '../../../shared/model/run';
import { tempDir } from '../../helpers/temp';
import { fakeTerminal } from './fake-terminal';
import { sampleSummary } from './run-fixtures';

/** The events the runner emits for the sample run, checked against the contract's schema. */
function sampleEvents(): RunEvent[] {
  const summary = sampleSummary();
  const events: RunEvent[] = [{ type: 'run-started', runId: 'run-1', collectionId: 'c-1', name: summary.name, profileId: 'sandbox', total: 4, iterations: 1 }];
  for (const result of summary.results) {
    events.push({ type: 'request-started', runId: 'run-1', iteration: 0, index: result.index, path: result.path, name: result.name, method: result.method });
    if (result.index === 1) events.push({ type: 'console', runId: 'run-1', level: 'log', message: 'reference is order-1' });
    events.push({ type: 'request-finished', runId: 'run-1', result });
  }
  events.push({ type: 'run-finished', runId: 'run-1', summary });
  return events.map((event) => RunEventSchema.parse(event));
}

describe('choosing reporters', () => {
  it('takes newman’s comma list, and an export file turns its reporter on', () => {
    expect([...chooseReporters({})]).toEqual(['cli']);
    expect([...chooseReporters({ reporter: 'cli,junit' })]).toEqual(['cli', 'junit']);
    expect([...chooseReporters({ reporter: 'cli', reporterJsonExport: 'out.json' })]).toEqual(['cli', 'json']);
  });

  it('refuses an unknown reporter with the list of known ones', () => {
    expect(() => chooseReporters({ reporter: 'cli,html' })).toThrow(CliFailure);
    expect(() => chooseReporters({ reporter: 'html' })).toThrow('There is no "html" reporter.');
  });
});

describe('CLI reporter', () => {
  it('prints one plain line per request in a log, with reasons, and no escape codes', async () => {
    const terminal = fakeTerminal();
    const reporter = createCliReporter(terminal, (text) => text);
    for (const event of sampleEvents()) reporter.onEvent(event);
    await reporter.finish(sampleSummary());
    const out = terminal.stdout();
    expect(out).not.toContain('\u001b');
    expect(out).toContain('ok POST Get token  200 OK  13 ms, 120 B');
    expect(out).toContain('    FAIL reference ]]> is echoed: expected "a" to equal "b"');
    expect(out).toContain('FAIL GET Read it  404 Not Found');
    expect(out).toContain('    │ reference is order-1');
    expect(out).toContain('Requests:   4 run, 1 passed, 3 failed');
    expect(out).toContain('  3. Orders/Send receipt: The connection was refused.');
    expect(out).toContain('  2. Payments/Read it: answered 404 Not Found');
    expect(out).toContain('to equal "b"  <x>');
  });

  it('shows the request in flight on a redrawn line on a terminal', () => {
    const terminal = fakeTerminal({ interactive: true, colour: true });
    const reporter = createCliReporter(terminal, (text) => text);
    const events = sampleEvents();
    reporter.onEvent(events[0]!);
    reporter.onEvent(events[1]!);
    expect(terminal.stdout()).toContain('→ [1/4] POST Get token…');
    reporter.onEvent(events[2]!);
    expect(terminal.stdout()).toContain('\r\u001b[2K');
    expect(terminal.stdout()).toContain('\u001b[32m✓\u001b[39m POST Get token');
  });
});

describe('pm.sendRequest to a foreign host in the report', () => {
  const reaching = () => {
    const summary = sampleSummary();
    summary.results[0]!.foreignScriptRequests = [
      { method: 'GET', url: 'https://evil.example/collect?k=«redacted:partnerKey»', host: 'evil.example', refused: true, error: 'Not sent: …' },
      { method: 'POST', url: 'https://hooks.example/x', host: 'hooks.example', status: 204, refused: false },
    ];
    return summary;
  };

  it('the CLI prints each under its request, refused or with its status', async () => {
    const terminal = fakeTerminal();
    const reporter = createCliReporter(terminal, (text) => text);
    const summary = reaching();
    reporter.onEvent({ type: 'request-finished', runId: 'run-1', result: summary.results[0]! });
    await reporter.finish(summary);
    const out = terminal.stdout();
    expect(out).toContain("    ↗ script sent GET to evil.example (not the profile's host): refused: it would carry a secret there");
    expect(out).toContain("    ↗ script sent POST to hooks.example (not the profile's host): 204");
  });

  it('the JSON report keeps them on the result', async () => {
    const file = path.join(tempDir(), 'run.json');
    const reporter = createJsonReporter(file, createScrub([]), { tool: { name: 'vipps-explorer', version: '9.9.9' }, keySource: 'environment variables', environment: 'test' });
    await reporter.finish(reaching());
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(report.run.results[0].foreignScriptRequests).toEqual([expect.objectContaining({ host: 'evil.example', refused: true }), expect.objectContaining({ host: 'hooks.example', status: 204 })]);
  });
});

describe('JSON reporter', () => {
  it('writes the documented shape: version, tool, where the keys came from, the run and the console', async () => {
    const file = path.join(tempDir(), 'reports', 'run.json');
    const reporter = createJsonReporter(file, createScrub(['order-1']), { tool: { name: 'vipps-explorer', version: '9.9.9' }, keySource: 'environment variables', environment: 'test' });
    for (const event of sampleEvents()) reporter.onEvent(event);
    const summary = sampleSummary();
    summary.results[0]!.historyId = 'h-1';
    await reporter.finish(summary);
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(report.reportVersion).toBe(JSON_REPORT_VERSION);
    expect(report.tool).toEqual({ name: 'vipps-explorer', version: '9.9.9' });
    expect(report.keySource).toBe('environment variables');
    expect(report.run.requests).toEqual({ total: 4, passed: 1, failed: 3 });
    expect(report.run.results).toHaveLength(4);
    expect(report.run.results[0]).not.toHaveProperty('historyId');
    expect(report.run.results[3].error).toEqual({ code: 'NETWORK', message: 'The connection was refused.' });
    // The console line carried a value listed as secret: it is scrubbed.
    expect(report.console).toEqual([{ level: 'log', message: 'reference is «redacted»' }]);
  });

  it('says which file could not be written (exit 2)', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a-file'), '');
    const reporter = createJsonReporter(path.join(dir, 'a-file', 'run.json'), (text) => text, { tool: { name: 'x', version: '1' }, keySource: 'none', environment: 'none' });
    await expect(reporter.finish(sampleSummary())).rejects.toThrow(/Could not write the JSON report to .*a-file\/run\.json/);
  });
});
