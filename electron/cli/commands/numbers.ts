import { usageFailure } from '../exit-codes';

/** Whole numbers from flags, with the flag named in the error. */
export function parseWhole(raw: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw usageFailure(`${flag} must be a whole number from ${min} to ${max}, not "${raw}".`);
  }
  return Number(raw);
}

export function parsePort(raw: string, flag: string): number {
  return parseWhole(raw, flag, 0, 65_535)!;
}
