import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The team's reference folder beside the repo; tests that read it skip, saying so, where it is absent. */
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const referenceDir = resolve(repoRoot, '..', 'shared');
export const fixturesDir = fileURLToPath(new URL('./fixtures', import.meta.url));

export function reference(relative: string, what: string): { path: string; missing: boolean } {
  const path = resolve(referenceDir, relative);
  const missing = !existsSync(path);
  if (missing) console.warn(`${what} skipped: ${path} is not there (the team's reference folder sits beside the repo).`);
  return { path, missing };
}

export const OFFICIAL_COLLECTIONS = [
  'tools_epayment-api-postman-collection.json',
  'tools_vipps-ecom-api-postman-collection.json',
  'tools_recurring-v3-api-postman-collection.json',
];
export const OFFICIAL_ENVIRONMENTS = [
  'tools_global-postman-environment.json',
  'tools_vipps-ecom-api-postman-environment.json',
  'tools_vipps-recurring-v3-api-postman-environment.json',
];
