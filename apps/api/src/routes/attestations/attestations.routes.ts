import { createRoute, z } from '@hono/zod-openapi';
import { IdempotencyHeaders, json, mutation, problems, readOnly } from '../../lib/route-kit.ts';
import { Cursor, Id, Limit, Timestamp } from '../../lib/schemas.ts';
import { OperationSchema } from '../operations/operations.schemas.ts';

const tags = ['Attestations'];
const FundParams = z.object({ fundId: Id('fund_0193…') });

export const AttestationSchema = z
  .object({
    id: z.string(),
    fundId: z.string(),
    payload: z.string().openapi({ description: 'The canonical JSON (RFC 8785) that was signed, byte for byte' }),
    body: z.record(z.string(), z.unknown()).openapi({ description: 'payload, parsed' }),
    hash: z.string().openapi({ description: 'sha-256 of payload (hex): the value written on chain' }),
    signature: z.string().openapi({ description: 'Ed25519 signature of payload (base64)' }),
    keyId: z.string(),
    ok: z.boolean().openapi({ description: 'reserves ≥ required' }),
    createdBy: z.string(),
    createdAt: Timestamp,
  })
  .openapi('Attestation');

export const AttestationKeySchema = z
  .object({
    keyId: z.string(),
    algorithm: z.literal('Ed25519'),
    publicKey: z.string().openapi({ description: 'Raw 32-byte Ed25519 public key, base64' }),
  })
  .openapi('AttestationKey');

export const create = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/attestations',
  tags,
  summary: 'Sign a proof-of-reserve attestation now and write its hash on every chain with a NAV feed',
  ...mutation('attestations.create'),
  request: { headers: IdempotencyHeaders, params: FundParams },
  responses: {
    201: json(z.object({ attestation: AttestationSchema, operations: z.array(OperationSchema) }), 'The signed attestation and its chain operations'),
    ...problems(404, 409),
  },
});

export const latest = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/attestations/latest',
  tags,
  summary: 'The latest signed attestation of a fund',
  ...readOnly('attestations.read'),
  request: { params: FundParams },
  responses: { 200: json(AttestationSchema, 'The attestation'), ...problems(404) },
});

export const AttestationHistoryQuery = z.object({
  since: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ example: '2026-01-01T00:00:00Z', description: 'Only attestations created at or after this instant' }),
  limit: Limit,
  cursor: Cursor,
});

export const history = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/attestations',
  tags,
  summary: 'Every signed attestation of a fund, newest first (keyset-paginated)',
  ...readOnly('attestations.read'),
  request: { params: FundParams, query: AttestationHistoryQuery },
  responses: { 200: json(z.object({ items: z.array(AttestationSchema), nextCursor: z.string().nullable() }), 'One page of attestations'), ...problems(404) },
});

export const keys = createRoute({
  method: 'get',
  path: '/v1/attestations/keys',
  tags,
  summary: 'Public keys that verify attestation signatures (also in stellar.toml)',
  ...readOnly('attestations.read'),
  responses: { 200: json(z.object({ keys: z.array(AttestationKeySchema) }), 'Keys'), ...problems() },
});

export type CreateRoute = typeof create;
export type LatestRoute = typeof latest;
export type KeysRoute = typeof keys;
export type HistoryRoute = typeof history;
