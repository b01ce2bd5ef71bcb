import { buildAll } from './build-lib.mjs';

try {
  await buildAll();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
