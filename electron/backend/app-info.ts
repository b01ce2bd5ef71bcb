import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Read once from package.json so the About text, Vipps-System-Version and the CLI agree. */
function readPackage(): { productName: string; version: string } {
  for (const candidate of ['../../package.json', '../package.json', './package.json']) {
    try {
      const pkg = require(candidate) as { name?: string; productName?: string; version?: string };
      if (pkg.name === 'vipps-explorer') return { productName: pkg.productName ?? 'Vipps Explorer', version: pkg.version ?? '0.0.0' };
    } catch {
      // Bundled and source layouts put package.json at different depths; try the next one.
    }
  }
  return { productName: 'Vipps Explorer', version: '0.0.0' };
}

export const APP = readPackage();
