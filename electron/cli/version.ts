import { createRequire } from 'node:module';

/**
 * The version for `--version`, read without loading the backend: answering it (and `--help`)
 * must not pay for zod, the stores and the engine. Source and bundled layouts put package.json
 * at different depths, so each is tried.
 */
export function cliVersion(): string {
  const require = createRequire(import.meta.url);
  for (const candidate of ['../../package.json', '../package.json', './package.json']) {
    try {
      const pkg = require(candidate) as { name?: string; version?: string };
      if (pkg.name === 'vipps-explorer' && pkg.version) return pkg.version;
    } catch {
      // Not at this depth; try the next.
    }
  }
  return '0.0.0';
}
