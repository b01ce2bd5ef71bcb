// zod bundles its error messages in some 50 languages (`z.locales`, about 360 KB of a bundle)
// and imports them all from its index, although it uses English unless told otherwise. We never
// switch languages (our messages are our own words), so the bundles get an empty `locales`
// module instead: less to read, parse and compile at every start of the CLI. (Vite's tree
// shaking already drops them from the renderer; esbuild keeps `export * as locales`.)
// English stays: zod imports it on its own, not through this index.
const importer = /[\\/]zod[\\/]v4[\\/](classic[\\/]external|core[\\/]index)\.js$/;

/** esbuild: `../locales/index.js` imported by zod's index files resolves to an empty module. */
export const esbuildZodWithoutLocales = {
  name: 'zod-without-locales',
  setup(build) {
    build.onResolve({ filter: /locales[\\/]index\.js$/ }, (args) => (importer.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-without-locales' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'zod-without-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};
