import { z } from '@hono/zod-openapi';

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

export const Units = z
  .string()
  .min(1)
  .max(64)
  .openapi({ example: '1000.25', description: "Decimal string in fund units, at most the fund's decimals" });

export const ChainIdString = z
  .string()
  .min(3)
  .max(64)
  .openapi({ example: 'memory:devnet', description: 'CAIP-2 chain id of a configured chain' });

export const Address = z.string().min(1).max(128).openapi({ description: 'Address in the chain’s own format' });

export const Id = (example: string) => z.string().min(1).max(64).openapi({ example });

export const Timestamp = z.string().openapi({ format: 'date-time', example: '2025-01-31T12:00:00.000Z' });

export const Limit = z.coerce.number().int().min(1).max(200).default(50).openapi({ example: 50 });

export const Cursor = z.string().min(1).max(64).optional();

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .openapi({ description: 'Required on every mutation; a retry with the same key replays the first response.', example: 'c0ffee-1' }),
});

export const iso = (d: Date | string | null | undefined): string | null =>
  d === null || d === undefined ? null : new Date(d).toISOString();
