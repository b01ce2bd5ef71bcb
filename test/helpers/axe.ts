import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Runs axe-core on the page and returns its serious and critical findings, one line each. */
export async function seriousAxeFindings(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${label}: ${violation.impact} ${violation.id} at ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
