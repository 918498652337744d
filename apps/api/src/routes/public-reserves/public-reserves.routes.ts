import { createRoute, z } from '@hono/zod-openapi';
import { problemResponse } from '../../lib/common-responses.ts';
import { publicRateLimit } from '../../lib/public-rate-limit.ts';
import { json } from '../../lib/route-kit.ts';
import { Id } from '../../lib/schemas.ts';
import { AttestationHistoryQuery, AttestationKeySchema, AttestationSchema } from '../attestations/attestations.routes.ts';

const tags = ['Proof of reserves'];
const FundParams = z.object({ fundId: Id('fund_0193…') });

const RATE_LIMITED = {
  description: 'TOO_MANY_REQUESTS: more than FISCUS_PUBLIC_RATE_LIMIT requests (default 60) per minute from this client address; wait Retry-After seconds',
  headers: { 'Retry-After': { description: 'Seconds until the client’s window resets', schema: { type: 'integer' as const } } },
  content: problemResponse(429).content,
};

/** No API key: verifiers, wallets and the public read these (stellar.toml links the latest). */
const publicRoute = {
  middleware: [publicRateLimit],
  security: [] as Record<string, string[]>[],
};

const description =
  'No authentication: the attestation_of_reserve link of every fund’s [[CURRENCIES]] entry in stellar.toml. Check the Ed25519 `signature` over the exact `payload` bytes with the key ' +
  '`keyId` (GET /public/attestations/keys, or [[FISCUS_ATTESTATION_KEYS]] in stellar.toml), and that sha-256(payload) = `hash`, the value written on chain. ' +
  'Rate limited per client address (429 with Retry-After); CORS open to every origin.';

export const latest = createRoute({
  method: 'get',
  path: '/public/funds/{fundId}/attestations/latest',
  tags,
  summary: 'The latest signed proof-of-reserve attestation of a fund (public, rate limited)',
  description,
  ...publicRoute,
  request: { params: FundParams },
  responses: {
    200: json(AttestationSchema, 'The attestation'),
    404: problemResponse(404, 'NOT_FOUND: unknown fund, or no attestation yet'),
    429: RATE_LIMITED,
  },
});

export const history = createRoute({
  method: 'get',
  path: '/public/funds/{fundId}/attestations',
  tags,
  summary: 'Every signed attestation of a fund, newest first (public, rate limited, keyset-paginated)',
  description,
  ...publicRoute,
  request: { params: FundParams, query: AttestationHistoryQuery },
  responses: {
    200: json(z.object({ items: z.array(AttestationSchema), nextCursor: z.string().nullable() }), 'One page of attestations'),
    404: problemResponse(404, 'NOT_FOUND: unknown fund'),
    429: RATE_LIMITED,
  },
});

export const keys = createRoute({
  method: 'get',
  path: '/public/attestations/keys',
  tags,
  summary: 'The public keys that verify attestation signatures (public, rate limited)',
  ...publicRoute,
  responses: { 200: json(z.object({ keys: z.array(AttestationKeySchema) }), 'Keys'), 429: RATE_LIMITED },
});

export type LatestRoute = typeof latest;
export type HistoryRoute = typeof history;
export type KeysRoute = typeof keys;
