import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script, without types
import { esbuildLazyCliPackages } from '../../../scripts/lazy-packages.mjs';

const root = path.resolve(__dirname, '../../..');
let work: string;

/** Bundles `source` as the CLI bundle is bundled (the plugin, packages resolved from the repo), runs it in a fresh Node and returns its stdout. */
async function bundleAndRun(name: string, source: string): Promise<string> {
  const entry = path.join(work, `${name}.ts`);
  fs.writeFileSync(entry, source);
  const outfile = path.join(work, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    nodePaths: [path.join(root, 'node_modules')],
    external: ['form-data', 'shell-quote', 'postman-collection-transformer', 'openapi-sampler'],
    banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
    plugins: [esbuildLazyCliPackages],
    logLevel: 'silent',
  });
  const run = spawnSync(process.execPath, [outfile], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'vx-lazy-packages-'));
  // The stand-ins require their package from where the bundle lies, as dist/electron/ does from the repo.
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'), 'dir');
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the CLI bundle’s lazily loaded packages', () => {
  it('loads a package only when it is first used, and then behaves as the package itself', async () => {
    const out = await bundleAndRun(
      'stand-ins',
      `
      import { createRequire } from 'node:module';
      import FormData from 'form-data';
      import { parse } from 'shell-quote';
      const cache = createRequire(import.meta.url).cache;
      const loaded = (name: string) => Object.keys(cache).some((file) => file.includes('/node_modules/' + name + '/'));
      const lines: string[] = [];
      lines.push('before ' + loaded('form-data') + ' ' + loaded('shell-quote'));
      const form = new FormData();
      form.append('field', 'value');
      const Real = createRequire(import.meta.url)('form-data');
      lines.push('form ' + (form instanceof FormData) + ' ' + (form instanceof Real) + ' ' + (typeof form.getBoundary()) + ' ' + loaded('form-data') + ' ' + loaded('shell-quote'));
      class Sub extends FormData {}
      lines.push('subclass ' + (new Sub() instanceof Sub) + ' ' + (new Sub() instanceof Real));
      lines.push('parse ' + JSON.stringify(parse('run "a b" c')) + ' ' + loaded('shell-quote'));
      console.log(lines.join('\\n'));
      `,
    );
    expect(out.trim().split('\n')).toEqual(['before false false', 'form true true string true false', 'subclass true true', 'parse ["run","a b","c"] true']);
  });

  it('keeps axios from loading Node’s fetch (undici) at import, and still tells FormData from other bodies', async () => {
    const out = await bundleAndRun(
      'axios',
      `
      import axios from 'axios';
      import utils from 'axios/unsafe/utils.js';
      const undici = () => process.moduleLoadList.some((name) => name.includes('undici'));
      const lines: string[] = ['import ' + undici() + ' ' + typeof axios.get];
      lines.push('string ' + utils.isFormData('a=b') + ' ' + utils.isFormData(Buffer.from('x')) + ' ' + undici());
      lines.push('look-alike ' + utils.isFormData({ append() {} }));
      lines.push('native ' + utils.isFormData(new globalThis.FormData()));
      console.log(lines.join('\\n'));
      `,
    );
    expect(out.trim().split('\n')).toEqual(['import false function', 'string false false false', 'look-alike false', 'native true']);
  });
});
