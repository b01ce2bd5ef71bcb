import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A V8 startup snapshot of the script process with postman-sandbox already booted. Booting (read
 * the 2 MB boot code, compile it, run it) is about two thirds of that process's start; a process
 * started with `--snapshot-blob` begins where the boot ended. The snapshot is made by Node itself
 * (`node --build-snapshot`) from script-child-snapshot.cjs, the script process's own code bundled
 * into one file (the build's job: Node's snapshot builder loads no package from disk).
 *
 * It is made once, in the background, after a process had to boot the slow way, and kept in the
 * user's cache folder beside the code cache. Its name carries what it depends on (the Node
 * version, the V8 flags, the builder file and postman-sandbox's boot code), so a changed one is
 * never used. A snapshot this Node cannot start from is deleted and the process boots as before:
 * without one everything works, only slower.
 */
export interface BootSnapshot {
  /** The snapshot file, whether it exists yet or not. */
  readonly file: string;
  /** Whether there is one to start from. */
  usable(): boolean;
  /** Makes it in a process of its own that outlives this one; once per folder at a time. */
  build(): void;
  /** Deletes one that failed to start a process. */
  discard(): void;
}

const LOCK_STALE_MS = 120_000;
/** Snapshots kept in the folder: this one and one other (the desktop app's Node and the CLI's may differ). */
const KEEP = 2;

export function bootSnapshot(options: { builder: string; cacheDir: string; sandboxEntry: string; v8Flags: string[] }): BootSnapshot | undefined {
  let key: string;
  try {
    const bootCode = fs.statSync(path.join(path.dirname(options.sandboxEntry), '.cache', 'bootcode.js'));
    key = createHash('sha256')
      .update(fs.readFileSync(options.builder))
      .update(`\0${process.version}\0${process.arch}\0${options.v8Flags.join('\0')}\0${options.sandboxEntry}\0${bootCode.size}\0${bootCode.mtimeMs}`)
      .digest('hex')
      .slice(0, 32);
  } catch {
    return undefined; // no builder file, or no boot code where postman-sandbox keeps it
  }
  const file = path.join(options.cacheDir, `sandbox-${key}.blob`);
  let building = false;
  return {
    file,
    usable: () => fs.existsSync(file),
    build() {
      if (building || fs.existsSync(file) || recentlyFailed(`${file}.failed`)) return;
      building = true;
      const lock = `${file}.lock`;
      try {
        fs.mkdirSync(options.cacheDir, { recursive: true, mode: 0o700 });
        try {
          fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
        } catch {
          if (Date.now() - fs.statSync(lock).mtimeMs < LOCK_STALE_MS) return; // another process is making it
          fs.writeFileSync(lock, String(process.pid));
        }
        const temporary = `${file}.${process.pid}.tmp`;
        const args = [...options.v8Flags, '--snapshot-blob', temporary, '--build-snapshot', options.builder, options.sandboxEntry];
        // A small Node process of its own runs the builder and moves the file into place only once
        // it is whole, so a run that ends first (a CI step) neither waits for it nor leaves half a file.
        const child = spawn(process.execPath, ['-e', INSTALL, temporary, file, lock, String(KEEP), ...args], {
          detached: true,
          stdio: 'ignore',
          // Nothing of the app's environment (keys in variables, tokens, paths) reaches the builder.
          env: process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {},
        });
        child.on('error', () => fs.rmSync(lock, { force: true }));
        child.unref();
      } catch {
        fs.rmSync(lock, { force: true });
      }
    },
    discard: () => fs.rmSync(file, { force: true }),
  };
}

/** A Node that cannot build snapshots (Electron's may not) is not asked again for a week. */
function recentlyFailed(marker: string): boolean {
  try {
    return Date.now() - fs.statSync(marker).mtimeMs < 7 * 24 * 3_600_000;
  } catch {
    return false;
  }
}

/** The installer: build, then rename into place, then keep only the newest snapshots. */
const INSTALL = `
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const [temporary, file, lock, keep, ...args] = process.argv.slice(1);
try {
  const built = spawnSync(process.execPath, args, { stdio: 'ignore', env: process.env, timeout: 60000 });
  if (built.status === 0 && fs.existsSync(temporary)) {
    fs.renameSync(temporary, file);
    const dir = path.dirname(file);
    const others = fs.readdirSync(dir).filter((name) => /^sandbox-[0-9a-f]{32}\\.blob$/.test(name)).map((name) => ({ name, at: fs.statSync(path.join(dir, name)).mtimeMs })).sort((a, b) => b.at - a.at);
    for (const old of others.slice(Number(keep))) fs.rmSync(path.join(dir, old.name), { force: true });
  } else {
    fs.writeFileSync(file + '.failed', String(built.status));
  }
} finally {
  fs.rmSync(temporary, { force: true });
  fs.rmSync(lock, { force: true });
}
`;
