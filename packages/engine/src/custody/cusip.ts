import { FiscusError } from '@fiscus/core';

/** Value of one CUSIP character: digits 0–9, letters A=10 … Z=35, then * = 36, @ = 37, # = 38. */
function charValue(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'A' && c <= 'Z') return c.charCodeAt(0) - 55;
  const special = '*@#'.indexOf(c);
  if (special >= 0) return 36 + special;
  return -1;
}

/** The CUSIP check digit (the "modulus 10 double add double" of the first 8 characters). */
export function cusipCheckDigit(first8: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    let v = charValue(first8[i]!);
    if (v < 0) return -1;
    if (i % 2 === 1) v *= 2; // every second character (positions 2, 4, 6, 8) is doubled
    sum += Math.floor(v / 10) + (v % 10);
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidCusip(cusip: string): boolean {
  if (!/^[0-9A-Z*@#]{8}[0-9]$/.test(cusip)) return false;
  return cusipCheckDigit(cusip.slice(0, 8)) === Number(cusip[8]);
}

/** Upper-cases and validates; VALIDATION_FAILED with the expected check digit when it is wrong. */
export function parseCusip(text: string): string {
  const cusip = text.trim().toUpperCase();
  if (isValidCusip(cusip)) return cusip;
  const expected = /^[0-9A-Z*@#]{8}/.test(cusip) ? cusipCheckDigit(cusip.slice(0, 8)) : null;
  throw new FiscusError('VALIDATION_FAILED', `${text} is not a valid CUSIP`, {
    details: expected === null ? 'A CUSIP is 8 characters [0-9A-Z*@#] and a check digit.' : `The check digit for ${cusip.slice(0, 8)} is ${expected}.`,
    meta: { field: 'cusip', expectedCheckDigit: expected },
  });
}
