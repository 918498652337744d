import countries from 'i18n-iso-countries';
import { FiscusError } from './errors.ts';

export interface Jurisdiction {
  /** ISO 3166-1 alpha-2, upper case (what the policy and the API speak). */
  alpha2: string;
  /** ISO 3166-1 numeric (what T-REX IdentityRegistry stores as the investor's country). */
  numeric: number;
}

const ALPHA2 = /^[A-Za-z]{2}$/;

/**
 * Accepts an alpha-2 code in either case and returns it upper-cased with its numeric code.
 * The library's `isValid` also accepts alpha-3 and numeric codes; we insist on alpha-2 first so
 * "USA" or "840" never silently become a jurisdiction.
 */
export function normalizeJurisdiction(alpha2: string): Jurisdiction {
  const code = typeof alpha2 === 'string' && ALPHA2.test(alpha2) ? alpha2.toUpperCase() : undefined;
  const numeric = code && countries.isValid(code) ? countries.alpha2ToNumeric(code) : undefined;
  if (!code || numeric === undefined) {
    throw new FiscusError('INVALID_JURISDICTION', `"${String(alpha2)}" is not an ISO 3166-1 alpha-2 country code`, {
      details: 'Use a two-letter code such as "US", "DE" or "SG".',
      meta: { actual: String(alpha2) },
    });
  }
  return { alpha2: code, numeric: Number.parseInt(numeric, 10) };
}

export function isValidJurisdiction(alpha2: string): boolean {
  try {
    normalizeJurisdiction(alpha2);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every code normalizeJurisdiction accepts, upper case: what an API schema lists so a client
 * knows the set in advance (the library's list also holds codes with no numeric twin).
 */
export const ISO_3166_ALPHA2: readonly string[] = Object.keys(countries.getAlpha2Codes()).filter(isValidJurisdiction).sort();
