import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished, vi } from 'vitest';
import type { ExplorerApp } from '../../../electron/main/explorer-app';
import { asElectronModule, createFakeElectron, type FakeElectronOptions } from './fake-electron';

// A stray native require('electron') (electron-store does one) must never try to download Electron.
process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent';

/** A fresh folder for the running test, removed once it has finished (after afterEach). */
export function makeTempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vipps-explorer-main-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface BootedMain {
  fake: ReturnType<typeof createFakeElectron>;
  started: ExplorerApp | undefined;
  dataDir: string;
  /** What main.ts wrote to stderr, kept out of the test output. */
  stderr: string[];
}

/**
 * Evaluates electron/main.ts afresh against a new fake `electron`, exactly as Electron would
 * run the bundle, and waits until it has finished starting.
 */
export async function bootMain(options: Partial<FakeElectronOptions> & { argv?: string[] } = {}): Promise<BootedMain> {
  const dataDir = options.userData ?? makeTempDir();
  const fake = createFakeElectron({ ...options, userData: dataDir });
  vi.resetModules();
  vi.doMock('electron', () => asElectronModule(fake));
  vi.stubEnv('VIPPS_EXPLORER_DATA_DIR', '');
  const stderr: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void stderr.push(args.map(String).join(' ')));
  const originalArgv = process.argv;
  process.argv = [process.execPath, 'dist/electron/main.js', ...(options.argv ?? [])];
  try {
    const main = await import('../../../electron/main');
    return { fake, started: await main.explorerApp, dataDir, stderr };
  } finally {
    process.argv = originalArgv;
  }
}

export async function shutDown(booted: BootedMain | undefined): Promise<void> {
  vi.doUnmock('electron');
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await booted?.started?.backend.dispose();
}
