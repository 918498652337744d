import { z } from '@hono/zod-openapi';
import { ISO_3166_ALPHA2, MAX_DECIMALS } from '@fiscus/core';

/** Shared request/response pieces. Units always travel as decimal strings in FUND units. */

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    code: z.string().openapi({ example: 'POLICY_DENIED', description: 'Stable error code; branch on this.' }),
    instance: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    meta: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('Problem');

/**
 * The grammar every amount is parsed with (core parseFixed): digits, optionally "." and 1..max
 * digits; no sign, exponent, spaces or leading ".". `positive` also refuses zero ("0", "0.00").
 * Stated as a pattern only — the server keeps its own specific codes (INVALID_AMOUNT,
 * TOO_MANY_DECIMALS) — so the document and the parser agree on what is accepted.
 */
export const decimalPattern = (maxDecimals: number, positive: boolean): string => `^${positive ? '(?![0.]*$)' : ''}[0-9]+(\\.[0-9]{1,${maxDecimals}})?$`;

const UNITS_RULES = `at most the fund's decimals (≤ ${MAX_DECIMALS}), and at most the largest amount every chain holds at those decimals ((2^63−1) / 10^(7−decimals) base units)`;

export const Units = z
  .string()
  .min(1)
  .max(64)
  .openapi({ example: '1000.25', pattern: decimalPattern(MAX_DECIMALS, true), description: `Positive decimal string in fund units, ${UNITS_RULES}` });

/** Units where zero means something (policy holding limits). */
export const UnitsOrZero = z
  .string()
  .min(1)
  .max(64)
  .openapi({ example: '0', pattern: decimalPattern(MAX_DECIMALS, false), description: `Decimal string in fund units (zero allowed), ${UNITS_RULES}` });

/** ISO 3166-1 alpha-2, in either case (stored upper case): one pattern so both cases are exact. */
export const Jurisdiction = z.string().openapi('Jurisdiction', {
  pattern: `^(?:${ISO_3166_ALPHA2.map((c) => `[${c[0]}${c[0]!.toLowerCase()}][${c[1]}${c[1]!.toLowerCase()}]`).join('|')})$`,
  example: 'US',
  description: 'ISO 3166-1 alpha-2 country code, either case (stored upper case)',
});

/** core parseChainId's grammar; anything else is 400 INVALID_CHAIN. */
export const CHAIN_ID_PATTERN = '^[-a-z0-9]{3,8}:[-_a-zA-Z0-9]{1,32}$';

export const ChainIdString = z.string().min(3).max(64).openapi({
  example: 'memory:devnet',
  pattern: CHAIN_ID_PATTERN,
  description: 'CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones)',
});

export const Address = z.string().min(1).max(128).openapi({ description: 'Address in the chain’s own format (see the body’s oneOf: per chain family)' });

/**
 * Address formats per chain family (core normalizeAddress), as a oneOf on the body: the
 * `chain` pattern picks the branch, the branch gives each address field its format. Checksums
 * (EIP-55 on mixed-case EVM addresses, StrKey's CRC16) are verified by the server only.
 */
export const ADDRESS_FORMATS = {
  evm: {
    chain: '^(eip155|memory):',
    address: '^0x(?!0{40}$)[0-9a-fA-F]{40}$',
    note: 'EVM: 0x + 40 hex digits, not the zero address; mixed case must be a valid EIP-55 checksum',
  },
  stellar: { chain: '^stellar:', address: '^G[A-Z2-7]{55}$', note: 'Stellar: a G… StrKey account id (its CRC16 checksum is verified)' },
} as const;

export function addressByChain(...fields: string[]) {
  const branch = (f: { chain: string; address: string; note: string }) => ({
    description: f.note,
    properties: { chain: { pattern: f.chain }, ...Object.fromEntries(fields.map((k) => [k, { pattern: f.address }])) },
  });
  const known = Object.values(ADDRESS_FORMATS)
    .map((f) => f.chain.slice(1, -1))
    .join('|');
  return {
    oneOf: [
      branch(ADDRESS_FORMATS.evm),
      branch(ADDRESS_FORMATS.stellar),
      // Another family parses as a chain id but is never configured: 422 CHAIN_NOT_CONFIGURED.
      { description: 'Any other chain family: not configured on this server (422)', properties: { chain: { not: { pattern: `^(${known}):` } } } },
    ],
  };
}

/** Exactly one of these fields (e.g. units or usd): a oneOf of `required`. */
export const exactlyOne = (...fields: string[]) => ({ oneOf: fields.map((f) => ({ required: [f] })) });

/** "." and ".." are refused: as a path segment a URL resolves them away (another route answers). */
export const Id = (example: string) => z.string().min(1).max(64).openapi({ example, pattern: '^(?!\\.\\.?$)' });

export const Timestamp = z.string().openapi({ format: 'date-time', example: '2025-01-31T12:00:00.000Z' });

export const Limit = z.coerce.number().int().min(1).max(200).default(50).openapi({ example: 50 });

export const Cursor = z.string().min(1).max(64).optional();

export const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().min(1).max(255).openapi({
    description:
      'Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH.',
    example: 'c0ffee-1',
  }),
});

export const iso = (d: Date | string | null | undefined): string | null => (d === null || d === undefined ? null : new Date(d).toISOString());
