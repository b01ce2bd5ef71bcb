import fs from 'node:fs';

/**
 * The physical memory a process tree holds, each page counted once: the page frames behind
 * every resident page of every process, from /proc/PID/pagemap (Linux; the frame numbers are
 * there only for root, elsewhere they read as 0 and this answers undefined).
 *
 * Why beside the resident-memory sum: two Node processes map the same Node binary, and the
 * pages of its code that both run (about 35 MiB) are one copy in memory but count in each
 * process's resident size. A tool that keeps scripts in a process of their own pays that twice
 * in a sum of resident sizes, not in the machine's memory.
 */
export function residentFrames(pids: number[]): Set<number> | undefined {
  const frames = new Set<number>();
  const entries = Buffer.alloc(8 * 65_536);
  let sawZeroFrame = false;
  for (const pid of pids) {
    let maps: string;
    let fd: number;
    try {
      maps = fs.readFileSync(`/proc/${pid}/maps`, 'utf8');
      fd = fs.openSync(`/proc/${pid}/pagemap`, 'r');
    } catch {
      continue; // gone, or not ours to read
    }
    try {
      for (const line of maps.split('\n')) {
        const dash = line.indexOf('-');
        const space = line.indexOf(' ');
        if (dash < 0 || space < 0) continue;
        let page = parseInt(line.slice(0, dash), 16) / 4096;
        const end = parseInt(line.slice(dash + 1, space), 16) / 4096;
        while (page < end) {
          const count = Math.min(end - page, 65_536);
          const read = fs.readSync(fd, entries, 0, count * 8, page * 8);
          for (let at = 0; at + 8 <= read; at += 8) {
            const high = entries.readUInt32LE(at + 4);
            if ((high & 0x80000000) === 0) continue; // not present
            // Bits 0-54 are the frame number.
            const frame = (high & 0x7fffff) * 4_294_967_296 + entries.readUInt32LE(at);
            if (frame === 0) sawZeroFrame = true;
            else frames.add(frame);
          }
          if (read < count * 8) break;
          page += count;
        }
      }
    } catch {
      // a mapping that went away while it was read
    } finally {
      fs.closeSync(fd);
    }
  }
  return frames.size === 0 && sawZeroFrame ? undefined : frames;
}
