import type { CURRENCIES } from '../../../../shared/vipps';

export type Currency = (typeof CURRENCIES)[number];

const SYMBOL: Record<Currency, string> = { NOK: 'kr', DKK: 'kr', EUR: '€' };

/** Minor units (øre, cents) as the user reads them: `kr 10.00`. */
export function formatMoney(minor: number, currency: Currency): string {
  const sign = minor < 0 ? '−' : '';
  return `${sign}${SYMBOL[currency]} ${formatMajor(Math.abs(minor))}`;
}

/** Minor units as a plain major-unit number for an input: 1050 → "10.50". */
export function formatMajor(minor: number): string {
  const abs = Math.abs(minor);
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return minor < 0 ? `-${text}` : text;
}

/** "10", "10.5", "10,50" → minor units; null when it is not an amount with at most two decimals. */
export function parseMajor(text: string): number | null {
  const match = /^\s*(\d{1,13})(?:[.,](\d{0,2}))?\s*$/.exec(text);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + fraction;
}

/** "25" or "12.5" (percent) → hundredths of a percent: 2500, 1250. */
export function parsePercent(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:[.,](\d{0,2}))?\s*%?\s*$/.exec(text);
  if (!match) return null;
  const value = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return value <= 10000 ? value : null;
}

/** Hundredths of a percent as the user writes it: 2500 → "25", 1250 → "12.5". */
export function formatPercent(hundredths: number): string {
  return String(hundredths / 100);
}
