import type { RunEvent, RunSummary } from '../../../shared/model/run';
import type { RunReporter, Scrub } from './reporter';
import { writeReportFile } from './report-file';

/** Bumped when a field changes meaning or goes away; new fields do not bump it. See docs/cli-json-report.md. */
export const JSON_REPORT_VERSION = 1;

export interface JsonReportContext {
  tool: { name: string; version: string };
  /** Where the keys came from, in words (never the keys). */
  keySource: string;
  environment: string;
}

export interface JsonReport {
  reportVersion: number;
  tool: { name: string; version: string };
  environment: string;
  keySource: string;
  run: Omit<RunSummary, 'results'> & { results: Array<Omit<RunSummary['results'][number], 'historyId'>> };
  console: Array<{ level: string; message: string }>;
}

export function jsonReport(summary: RunSummary, consoleLines: JsonReport['console'], context: JsonReportContext): JsonReport {
  // History ids point into a data folder the reader of a CI report does not have.
  const results = summary.results.map(({ historyId: _historyId, ...rest }) => rest);
  return {
    reportVersion: JSON_REPORT_VERSION,
    tool: context.tool,
    environment: context.environment,
    keySource: context.keySource,
    run: { ...summary, results },
    console: consoleLines,
  };
}

export function createJsonReporter(file: string, scrub: Scrub, context: JsonReportContext): RunReporter {
  const consoleLines: JsonReport['console'] = [];
  return {
    name: 'json',
    onEvent(event: RunEvent) {
      if (event.type === 'console') consoleLines.push({ level: event.level, message: event.message });
    },
    async finish(summary) {
      await writeReportFile(file, `${scrub(JSON.stringify(jsonReport(summary, consoleLines, context), null, 2))}\n`, 'JSON');
    },
  };
}
