import { usageFailure } from '../exit-codes';
import type { Terminal } from '../terminal';
import { createCliReporter } from './cli-reporter';
import { createJsonReporter, type JsonReportContext } from './json-reporter';
import { createJunitReporter } from './junit-reporter';
import type { RunReporter, Scrub } from './reporter';

export const reporterNames = ['cli', 'json', 'junit'] as const;
export type ReporterName = (typeof reporterNames)[number];

export interface ReporterFlags {
  reporter?: string;
  reporterJsonExport?: string;
  reporterJunitExport?: string;
}

export const DEFAULT_JSON_EXPORT = 'vipps-explorer-report.json';
export const DEFAULT_JUNIT_EXPORT = 'vipps-explorer-report.xml';

/**
 * `--reporter cli,json,junit` as newman spells it. Naming an export file turns its reporter on,
 * so `--reporter-junit-export out.xml` alone does what it says.
 */
export function chooseReporters(flags: ReporterFlags): Set<ReporterName> {
  const names = new Set<ReporterName>();
  for (const raw of (flags.reporter ?? 'cli').split(',')) {
    const name = raw.trim();
    if (!name) continue;
    if (!(reporterNames as readonly string[]).includes(name)) {
      throw usageFailure(`There is no "${name}" reporter.`, `Choose from ${reporterNames.join(', ')}, separated by commas: --reporter cli,junit`);
    }
    names.add(name as ReporterName);
  }
  if (flags.reporterJsonExport) names.add('json');
  if (flags.reporterJunitExport) names.add('junit');
  return names;
}

export function createReporters(flags: ReporterFlags, terminal: Terminal, scrub: Scrub, context: JsonReportContext): RunReporter[] {
  const reporters: RunReporter[] = [];
  for (const name of chooseReporters(flags)) {
    if (name === 'cli') reporters.push(createCliReporter(terminal, scrub));
    if (name === 'json') reporters.push(createJsonReporter(flags.reporterJsonExport ?? DEFAULT_JSON_EXPORT, scrub, context));
    if (name === 'junit') reporters.push(createJunitReporter(flags.reporterJunitExport ?? DEFAULT_JUNIT_EXPORT, scrub));
  }
  return reporters;
}
