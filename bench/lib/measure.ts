import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { residentFrames } from './page-frames';

export interface Measured {
  wallMs: number;
  /** The largest total resident memory of the process and its children seen while it ran. */
  peakRssBytes: number;
  /** With `uniquePages`: the largest physical memory of the tree, each page counted once; undefined where frames cannot be read. */
  peakUniqueBytes?: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

function readKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Every process whose parent chain leads to root (a full /proc scan: not every kernel has task/children files). */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses; the fields after its closing ")" do not.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(fields[1]));
    } catch {
      // Gone between the listing and the read.
    }
  }
  const found: number[] = [];
  for (const pid of parentOf.keys()) {
    let parent = parentOf.get(pid);
    for (let hops = 0; parent !== undefined && parent > 1 && hops < 20; hops++) {
      if (parent === root) {
        found.push(pid);
        break;
      }
      parent = parentOf.get(parent);
    }
  }
  return found;
}

/**
 * Runs a command and samples the resident memory of its whole process tree from /proc (Linux
 * only), so a tool that runs scripts in a helper process is charged for it. The root's own
 * high-water mark (VmHWM) is read too, so its spikes between samples are not lost.
 */
export function measure(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; sampleMs?: number; uniquePages?: boolean } = {}): Promise<Measured> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  let peakKb = 0;
  let tree: number[] = [];
  let ticks = 0;
  const sample = () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    // Finding new helper processes costs a /proc scan, so it happens every tenth sample.
    if (ticks++ % 10 === 0) tree = descendants(child.pid);
    const total = [child.pid, ...tree].reduce((sum, pid) => sum + readKb(pid, 'VmRSS'), 0);
    peakKb = Math.max(peakKb, total, readKb(child.pid, 'VmHWM'));
    if (options.uniquePages && uniqueKb !== undefined) {
      // Every sample looks for new processes here: reading frames costs far more than the scan.
      tree = descendants(child.pid);
      const frames = residentFrames([child.pid, ...tree]);
      uniqueKb = frames === undefined ? undefined : Math.max(uniqueKb, frames.size * 4);
    }
  };
  let uniqueKb: number | undefined = 0;
  const timer = setInterval(sample, options.sampleMs ?? 10);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearInterval(timer);
      resolve({ wallMs: performance.now() - started, peakRssBytes: peakKb * 1024, ...(options.uniquePages && uniqueKb !== undefined ? { peakUniqueBytes: uniqueKb * 1024 } : {}), exitCode: code, stdout, stderr });
    });
  });
}
