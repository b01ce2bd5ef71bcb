import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { IMPLICIT_TEST_NAME, junitXml } from '../../../electron/cli/reporters/junit-reporter';
import { createScrub } from '../../../electron/cli/reporters/reporter';
import { sampleSummary } from './run-fixtures';

const xsd = fs.readFileSync(path.join(import.meta.dirname, 'junit.xsd'), 'utf8');

async function validate(xml: string) {
  return validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: xsd }] });
}

describe('JUnit reporter', () => {
  it('writes a file that validates against the JUnit schema, special characters and all', async () => {
    const xml = junitXml(sampleSummary());
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('the schema check can fail: an attribute CI parsers do not know is refused', async () => {
    const xml = junitXml(sampleSummary()).replace('<testsuites ', '<testsuites colour="red" ');
    const result = await validate(xml);
    expect(result.valid).toBe(false);
  });

  it('uses newman’s layout: a testsuite per request, a testcase per assertion, failures and errors counted', () => {
    const xml = junitXml(sampleSummary());
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="Vipps &amp; friends" tests="4" time="0.050">/);
    expect(xml.match(/<testsuite /g)).toHaveLength(4);
    expect(xml).toContain('<testsuite name="Payments/Create &lt;payment&gt; &amp; &quot;go&quot;" id="Payments/Create &lt;payment&gt; &amp; &quot;go&quot;" timestamp="2026-11-28T09:00:00.000Z" tests="2" failures="1" errors="0" time="0.013">');
    expect(xml).toContain('<failure type="AssertionFailure" message="expected &quot;a&quot; to equal &quot;b&quot; \uFFFD &lt;x&gt;">');
    // The CDATA holding "]]>" is split so the section cannot end early.
    expect(xml).toContain('Test description: reference ]]]]><![CDATA[> is echoed.');
  });

  it('fails the implicit test of a request without assertions that got an error status', () => {
    const xml = junitXml(sampleSummary());
    const readIt = xml.slice(xml.indexOf('<testsuite name="Payments/Read it"'), xml.indexOf('</testsuite>', xml.indexOf('<testsuite name="Payments/Read it"')));
    expect(readIt).toContain(`<testcase name="${IMPLICIT_TEST_NAME}"`);
    expect(readIt).toContain('failures="1"');
    expect(readIt).toContain('message="404 Not Found"');
  });

  it('reports a request that got no answer as an error with its reason in system-err', () => {
    const xml = junitXml(sampleSummary());
    expect(xml).toContain('<testsuite name="Orders/Send receipt" id="Orders/Send receipt" timestamp="2026-11-28T09:00:00.000Z" tests="0" failures="0" errors="1"');
    expect(xml).toContain('<system-err><![CDATA[Iteration: 0\nRequestError: NETWORK: The connection was refused.\n---]]></system-err>');
  });

  it('groups the iterations of one request into one testsuite and counts each failure', () => {
    const one = sampleSummary();
    const second = one.results.map((result) => ({ ...result, iteration: 1 }));
    const xml = junitXml({ ...one, iterations: 2, results: [...one.results, ...second] });
    expect(xml.match(/<testsuite /g)).toHaveLength(4);
    expect(xml).toContain('<failure type="AssertionFailure" message="expected &quot;a&quot; to equal &quot;b&quot; \uFFFD &lt;x&gt;">\n<![CDATA[Failed 2 times.');
  });

  it('never writes a known secret, wherever it appears', () => {
    const secret = 'sk-live-0123456789';
    const summary = sampleSummary();
    summary.results[3]!.error = { code: 'NETWORK', message: `refused for ${secret}` };
    const xml = junitXml(summary, createScrub([secret]));
    expect(xml).not.toContain(secret);
    expect(xml).toContain('refused for «redacted»');
  });
});
