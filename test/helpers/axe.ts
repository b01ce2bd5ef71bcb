import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  /** One CSS path per element axe flagged. */
  targets: string[];
}

/** The axe rules whose answer depends on colours alone (what a theme changes). */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Runs axe-core on the page (or on `include`, a CSS selector) and returns every violation it finds; `rules` limits the run to those rules. */
export async function axeFindings(page: Page, options: { rules?: string[]; include?: string } = {}): Promise<AxeFinding[]> {
  // Legacy mode runs axe in the page itself instead of gathering the results in a second, blank
  // page: about 2.5× faster here. It only gives up cross-origin frames, and the app has no frames.
  let builder = new AxeBuilder({ page }).setLegacyMode(true);
  if (options.rules) builder = builder.withRules(options.rules);
  if (options.include) builder = builder.include(options.include);
  const result = await builder.analyze();
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    targets: violation.nodes.map((n) => n.target.join(' ')),
  }));
}

/** Runs axe-core on the page and returns its serious and critical findings, one line each. */
export async function seriousAxeFindings(page: Page, label: string): Promise<string[]> {
  return (await axeFindings(page))
    .filter((finding) => finding.impact === 'serious' || finding.impact === 'critical')
    .map((finding) => `${label}: ${finding.impact} ${finding.id} at ${finding.targets.join(', ')}`);
}
