import fs from 'node:fs/promises';
import path from 'node:path';
import { CliFailure, ExitCode } from '../exit-codes';

/** Writes a report atomically (temp file, then rename), so CI never picks up half a file. */
export async function writeReportFile(file: string, content: string, kind: string): Promise<void> {
  const target = path.resolve(file);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(temp, content, 'utf8');
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliFailure(`Could not write the ${kind} report to ${file}: ${reason}`, ExitCode.usage, 'Choose a folder this user can write to.');
  }
}
