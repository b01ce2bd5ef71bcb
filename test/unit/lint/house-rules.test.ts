import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function ruleIdsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

describe('lint house rules', () => {
  it('forbids Node modules in shared/', async () => {
    expect(await ruleIdsFor('shared/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toContain('no-restricted-imports');
  });

  it('forbids DOM globals in shared/', async () => {
    expect(await ruleIdsFor('shared/probe.ts', 'export const x = () => window.location.href;\n')).toContain('no-restricted-globals');
  });

  it('forbids shared/ from importing the renderer', async () => {
    expect(await ruleIdsFor('shared/probe.ts', "import { App } from '../renderer/src/App';\nexport const x = App;\n")).toContain('house/allowed-imports');
  });

  it('forbids the renderer from importing electron/', async () => {
    expect(await ruleIdsFor('renderer/src/probe.ts', "import { dispatch } from '../../electron/backend/dispatch';\nexport const x = dispatch;\n")).toContain('house/allowed-imports');
  });

  it('forbids electron imports outside main.ts and preload.ts', async () => {
    expect(await ruleIdsFor('electron/backend/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toContain('no-restricted-imports');
  });

  it('allows electron in main.ts', async () => {
    expect(await ruleIdsFor('electron/main.ts', "import { app } from 'electron';\nexport const x = app;\n")).not.toContain('no-restricted-imports');
  });
});
