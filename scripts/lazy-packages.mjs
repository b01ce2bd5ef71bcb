// What the CLI bundle loads only when it is used. A `run collection` of a Postman file imports
// the whole backend, and with it CommonJS packages that only some commands touch: Postman's v1
// transformer (with lodash and semver, ~50-130 ms), form-data (multipart bodies, with its dozen
// small `get-intrinsic` packages), openapi-sampler and shell-quote (OpenAPI and cURL imports).
// Imported as ESM, Node reads, lexes and runs each of them at start-up, used or not. Here each
// import of such a package becomes a small module that `require`s the package the first time a
// property is read, a function called or a class constructed, so a command that never uses one
// never loads it. The same sources keep their plain imports (the app's bundles, the unit tests).
//
// Axios is bundled in the CLI, and at import it probes the global `FormData` (which makes Node
// load its internal undici, ~20-45 ms) and builds its fetch adapter (which creates `Request`s).
// The backend sends with axios' `http` adapter only (engine/http-exchange.ts), so in the CLI
// bundle the fetch adapter is left out, and the `FormData` probe is made only for a value that has
// an `append` method (every FormData has one; a string or Buffer body never touches undici).

/**
 * Per package: the shape of its default export (`object`, or `class` for one that is also
 * called or constructed) and its named exports that are functions.
 */
export const lazyCliPackages = {
  'postman-collection-transformer': { default: 'object', named: [] },
  'form-data': { default: 'class', named: [] },
  'openapi-sampler': { default: 'object', named: ['sample'] },
  'shell-quote': { default: 'object', named: ['parse', 'quote'] },
};

/** The module that stands in for `name`: the real one is required on first use, then cached. */
export function lazyModuleSource(name, shape) {
  const target = shape.default === 'class' ? 'function () {}' : '{}';
  const lines = [
    "import { createRequire } from 'node:module';",
    `const requireHere = createRequire(import.meta.url);`,
    'let loaded;',
    `const load = () => (loaded ??= requireHere(${JSON.stringify(name)}));`,
    // Every trap forwards to the real export, so `x instanceof Class`, `new Class()`, `Object.keys` behave as without the stand-in.
    `const standIn = new Proxy(${target}, {`,
    '  get: (_, key) => Reflect.get(load(), key),',
    '  has: (_, key) => Reflect.has(load(), key),',
    '  apply: (_, self, args) => Reflect.apply(load(), self, args),',
    '  construct: (_, args, newTarget) => Reflect.construct(load(), args, newTarget === standIn ? load() : newTarget),',
    '  getPrototypeOf: () => Reflect.getPrototypeOf(load()),',
    '  ownKeys: () => Reflect.ownKeys(load()),',
    '  getOwnPropertyDescriptor: (_, key) => { const found = Reflect.getOwnPropertyDescriptor(load(), key); if (found) found.configurable = true; return found; },',
    '});',
    'export default standIn;',
    ...shape.named.map((fn) => `export function ${fn}(...args) { return load().${fn}(...args); }`),
  ];
  return lines.join('\n');
}

const AXIOS_FORMDATA_PROBE = "const FormDataCtor = typeof G.FormData !== 'undefined' ? G.FormData : undefined;";
const AXIOS_FORMDATA_CHECK = 'if (FormDataCtor && thing instanceof FormDataCtor) return true;';

/** esbuild plugin for the CLI bundle (see the top of this file). */
export const esbuildLazyCliPackages = {
  name: 'lazy-cli-packages',
  setup(build) {
    const names = Object.keys(lazyCliPackages);
    const filter = new RegExp(`^(${names.map((name) => name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'lazy-cli-package' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-cli-package' }, (args) => ({ contents: lazyModuleSource(args.path, lazyCliPackages[args.path]), loader: 'js' }));

    build.onResolve({ filter: /[\\/]fetch\.js$/ }, (args) => (/[\\/]axios[\\/]lib[\\/]adapters$/.test(args.resolveDir) ? { path: 'axios-fetch-adapter', namespace: 'lazy-cli-package-axios' } : undefined));
    // adapters.js reads `getFetch` (its `fetch` entry) and the default; `false` is what axios itself uses where fetch is missing.
    build.onLoad({ filter: /.*/, namespace: 'lazy-cli-package-axios' }, () => ({ contents: 'export const getFetch = () => false;\nexport default false;', loader: 'js' }));
    build.onLoad({ filter: /[\\/]axios[\\/]lib[\\/]utils\.js$/ }, async (args) => {
      const fs = await import('node:fs/promises');
      const source = await fs.readFile(args.path, 'utf8');
      // An axios that no longer reads like this fails the build here, rather than running unpatched or half-patched.
      if (!source.includes(AXIOS_FORMDATA_PROBE) || !source.includes(AXIOS_FORMDATA_CHECK)) {
        throw new Error(`lazy-cli-packages: ${args.path} no longer probes FormData as expected; update scripts/lazy-packages.mjs for this axios version.`);
      }
      const patched = source
        .replace(AXIOS_FORMDATA_PROBE, "let FormDataCtor; const formDataCtor = () => (FormDataCtor ??= (typeof G.FormData !== 'undefined' ? G.FormData : null));")
        .replace(AXIOS_FORMDATA_CHECK, 'if (isFunction(thing.append) && formDataCtor() && thing instanceof formDataCtor()) return true;');
      return { contents: patched, loader: 'js' };
    });
  },
};
