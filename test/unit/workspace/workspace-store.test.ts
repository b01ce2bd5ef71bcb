import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceState } from '../../../shared/contract/workspace';
import { newRequest } from '../../../shared/model/request';
import { tempFolder, testBackend, type TestBackend } from '../engine/harness';

const open: TestBackend[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.backend.dispose();
});

async function start(dataDir: string): Promise<TestBackend> {
  const t = await testBackend({ dataDir });
  open.push(t);
  return t;
}

describe('open request tabs on disk', () => {
  it('gives back the tabs, the one in front and the pane sizes after a restart', async () => {
    const dataDir = tempFolder('vx-ws-');
    const first = await start(dataDir);
    const state: WorkspaceState = {
      tabs: [
        { id: 'a', origin: { kind: 'item', collectionId: 'c1', path: 'orders/get.yaml' }, title: 'Get order' },
        { id: 'b', origin: { kind: 'new' }, title: 'Draft', draft: newRequest({ name: 'Draft', method: 'PATCH', url: '{{baseUrl}}/x' }) },
      ],
      activeTabId: 'b',
      stackedSplit: 0.3,
      sideSplit: 0.7,
    };
    await first.ok('saveWorkspace', state);
    await first.backend.dispose();
    open.splice(0);

    const second = await start(dataDir);
    const restored = await second.ok<WorkspaceState>('getWorkspace', {});
    expect(restored.activeTabId).toBe('b');
    expect(restored.tabs.map((t) => t.id)).toEqual(['a', 'b']);
    expect(restored.tabs[1]?.draft?.method).toBe('PATCH');
    expect(restored.sideSplit).toBe(0.7);
  });

  it('puts a tab in front when the active one named is not open', async () => {
    const t = await start(tempFolder('vx-ws-'));
    await t.ok('saveWorkspace', { tabs: [{ id: 'a', origin: { kind: 'new' }, title: 'x', draft: newRequest({ name: 'x' }) }], activeTabId: 'gone', stackedSplit: 0.5, sideSplit: 0.5 });
    expect((await t.ok<WorkspaceState>('getWorkspace', {})).activeTabId).toBe('a');
  });

  it('moves an unreadable workspace file aside and starts with no tabs', async () => {
    const dataDir = tempFolder('vx-ws-');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'workspace.json'), '{"schemaVersion":1,"data":{"tabs":"not a list"}}');
    const t = await start(dataDir);
    expect((await t.ok<WorkspaceState>('getWorkspace', {})).tabs).toEqual([]);
    expect(fs.readdirSync(dataDir).some((name) => name.startsWith('workspace.corrupt-'))).toBe(true);
  });
});
