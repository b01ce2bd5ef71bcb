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

/** The id of our own check that every visible form control has a name the browser gives it (see formControlNameFindings). */
export const CONTROL_NAME_RULE = 'form-control-named-by-browser';

/**
 * Runs axe-core on the page (or on `include`, a CSS selector) and returns every violation it
 * finds; `rules` limits the run to those rules. A full run (no `rules`) adds our form-control
 * name check, which catches what axe's `label` rule lets through.
 */
export async function axeFindings(page: Page, options: { rules?: string[]; include?: string } = {}): Promise<AxeFinding[]> {
  // Legacy mode runs axe in the page itself instead of gathering the results in a second, blank
  // page: about 2.5× faster here. It only gives up cross-origin frames, and the app has no frames.
  let builder = new AxeBuilder({ page }).setLegacyMode(true);
  if (options.rules) builder = builder.withRules(options.rules);
  if (options.include) builder = builder.include(options.include);
  const result = await builder.analyze();
  const found = result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    targets: violation.nodes.map((n) => n.target.join(' ')),
  }));
  if (!options.rules || options.rules.includes(CONTROL_NAME_RULE)) found.push(...(await formControlNameFindings(page, options.include)));
  return found;
}

/**
 * Every visible input, select and textarea (in `include`, or the whole page) must have a name
 * from a label the browser itself ties to it (`control.labels`), from aria-labelledby or from
 * aria-label; a placeholder is not a name. Why axe alone is not enough here (issue 23):
 * - its `label` rule passes a control when *some* `<label for=id>` with text exists anywhere,
 *   even a hidden one, without asking whether the browser resolves that label to this control.
 *   Two copies of a form with the same ids (the quick start keeps its copy mounted, hidden)
 *   therefore pass, while the browser gives the visible copy's inputs no label at all;
 * - the rules that would see the repeated ids (`duplicate-id`, `duplicate-id-active`) are
 *   deprecated in axe 4.x and do not run;
 * - axe skips hidden content, so a form folded in a closed `<details>` is never looked at: the
 *   tests open such forms before auditing them.
 * The findings are critical, as axe rates a missing label, so the suites' filters keep them.
 */
export async function formControlNameFindings(page: Page, include?: string): Promise<AxeFinding[]> {
  const problems = await page.evaluate((rootSelector) => {
    const roots: ParentNode[] = rootSelector ? [...document.querySelectorAll(rootSelector)] : [document];
    const found: Array<{ problem: string; target: string }> = [];
    const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const describe = (element: Element) => {
      const id = element.getAttribute('id');
      const name = element.getAttribute('name');
      return `${element.tagName.toLowerCase()}${id ? `#${id}` : ''}${name ? `[name="${name}"]` : ''}${element.getAttribute('placeholder') ? ` (placeholder "${element.getAttribute('placeholder')}")` : ''}`;
    };
    for (const root of roots) {
      for (const control of root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input:not([type="hidden"]), select, textarea')) {
        if (!control.checkVisibility({ visibilityProperty: true })) continue;
        // CodeMirror and similar editors carry their own role and name on a contenteditable; plain fields only.
        const byLabel = [...(control.labels ?? [])].some((label) => text(label) !== '');
        const byLabelledBy = (control.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .filter(Boolean)
          .some((id) => text(document.getElementById(id)) !== '' || (document.getElementById(id)?.getAttribute('aria-label') ?? '').trim() !== '');
        const byAriaLabel = (control.getAttribute('aria-label') ?? '').trim() !== '';
        if (!byLabel && !byLabelledBy && !byAriaLabel) found.push({ problem: 'has no label, aria-labelledby or aria-label the browser ties to it', target: describe(control) });
        const id = control.getAttribute('id');
        if (id && document.querySelectorAll(`[id="${CSS.escape(id)}"]`).length > 1) found.push({ problem: `shares its id "${id}" with another element, so labels pointing at it name the first one only`, target: describe(control) });
      }
      // A visible label whose `for` the browser resolves to no control, or to a hidden one, names nothing the user sees.
      for (const label of root.querySelectorAll<HTMLLabelElement>('label[for]')) {
        if (!label.checkVisibility({ visibilityProperty: true })) continue;
        const control = label.control;
        if (!control || !control.checkVisibility({ visibilityProperty: true })) found.push({ problem: `label "${text(label)}" names no visible control`, target: `label[for="${label.htmlFor}"]` });
      }
    }
    return found;
  }, include ?? null);
  const byProblem = new Map<string, string[]>();
  for (const { problem, target } of problems) byProblem.set(problem, [...(byProblem.get(problem) ?? []), target]);
  return [...byProblem].map(([problem, targets]) => ({ id: CONTROL_NAME_RULE, impact: 'critical', help: `Form control ${problem}`, targets }));
}

/** Runs axe-core on the page and returns its serious and critical findings, one line each. */
export async function seriousAxeFindings(page: Page, label: string): Promise<string[]> {
  return (await axeFindings(page))
    .filter((finding) => finding.impact === 'serious' || finding.impact === 'critical')
    .map((finding) => `${label}: ${finding.impact} ${finding.id} at ${finding.targets.join(', ')}`);
}
