import type { ValidationIssue } from './issues';

export const BARCODE_FORMATS = ['EAN-13', 'CODE 39', 'CODE 128'] as const;
export type BarcodeFormat = (typeof BARCODE_FORMATS)[number];

const CODE39_PATTERN = /^[0-9A-Z\-. $/+%]+$/;
const PRINTABLE_ASCII = /^[\x20-\x7E]+$/;

/** GS1 mod-10: weights 1 and 3 alternate from the left over the first twelve digits. */
export function ean13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12.charAt(i)) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/**
 * The data checks per format. Vipps validates barcode data since Jan 2023 but does not publish
 * the rules; these are the standard symbology limits.
 */
export function checkBarcodeData(format: BarcodeFormat, data: string, name: string): ValidationIssue | null {
  switch (format) {
    case 'EAN-13': {
      if (!/^\d{13}$/.test(data)) {
        return { name, reason: `EAN-13 data must be exactly 13 digits; "${data}" has ${data.length} characters.` };
      }
      const expected = ean13CheckDigit(data.slice(0, 12));
      return Number(data.charAt(12)) === expected
        ? null
        : { name, reason: `The EAN-13 check digit is wrong: with these first 12 digits the last digit must be ${expected}.` };
    }
    case 'CODE 39':
      return CODE39_PATTERN.test(data)
        ? null
        : { name, reason: 'CODE 39 data may only hold digits, capital letters A–Z, space and - . $ / + %.' };
    case 'CODE 128':
      return PRINTABLE_ASCII.test(data)
        ? null
        : { name, reason: 'CODE 128 data must be printable ASCII characters (no letters like æ, ø, å, no control characters).' };
  }
}
