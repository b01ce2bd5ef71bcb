import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function allowlistErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'house/allowed-imports').map((m) => m.message);
}

const imports = (source: string) => `import * as probe from '${source}';\nexport const x = probe;\n`;

describe('per-folder import allowlists', () => {
  it.each([
    ['shared/model/probe.ts', '../../electron/backend/index', 'shared/'],
    ['shared/probe.ts', '../renderer/src/App', 'shared/'],
    ['electron/backend/probe.ts', '../sandbox/config', 'The backend'],
    ['electron/backend/runner/probe.ts', '../../main/ipc-bridge', 'The backend'],
    ['electron/web/probe.ts', '../backend/runner/runner', 'The browser host'],
    ['electron/main/probe.ts', '../backend/store/document-store', 'The Electron host'],
    ['electron/main/probe.ts', '../web/server', 'The Electron host'],
    ['electron/preload.ts', './backend', 'The preload'],
    ['renderer/src/probe.ts', '../../electron/backend/dispatch', 'The renderer'],
    ['electron/sandbox/probe.ts', '../backend/index', 'The sandbox'],
  ])('%s may not import %s', async (file, source, layer) => {
    const errors = await allowlistErrors(file, imports(source));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${layer} may import project code only from`);
  });

  it('fails lint on a forbidden import written with a roundabout path, or re-exported', async () => {
    expect(await allowlistErrors('shared/model/probe.ts', imports('../model/../../electron/backend'))).toHaveLength(1);
    expect(await allowlistErrors('shared/model/probe.ts', "export { x } from '../../electron/backend/index';\n")).toHaveLength(1);
    expect(await allowlistErrors('shared/model/probe.ts', "export const load = () => import('../../electron/backend/index');\n")).toHaveLength(1);
  });

  it.each([
    ['shared/model/probe.ts', '../contract'],
    ['electron/backend/probe.ts', '../sandbox/index'],
    ['electron/backend/runner/probe.ts', '../../../shared/model'],
    ['electron/web/probe.ts', '../backend'],
    ['electron/web/probe.ts', '../backend/index'],
    ['electron/main/probe.ts', '../security/csp'],
    ['electron/main.ts', './main/explorer-app'],
    ['renderer/src/probe.ts', '../../shared/contract'],
  ])('%s may import %s', async (file, source) => {
    expect(await allowlistErrors(file, imports(source))).toEqual([]);
  });
});
