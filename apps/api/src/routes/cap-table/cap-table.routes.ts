import { createRoute, z } from '@hono/zod-openapi';
import { json, problems, readOnly } from '../../lib/route-kit.ts';
import { ChainIdString, Cursor } from '../../lib/schemas.ts';
import { FundParams } from '../subscriptions/subscriptions.routes.ts';

const tags = ['Cap table'];

const HolderCountsSchema = z
  .object({
    holders: z.int().openapi({ description: 'Distinct investors holding > 0 units across all chains (an investor counts once)' }),
    perChain: z.array(z.object({ chain: z.string(), holders: z.int(), wallets: z.int(), units: z.string() })),
  })
  .openapi('HolderCounts');

const CapTableEntrySchema = z
  .object({
    investorId: z.string(),
    legalName: z.string(),
    total: z.string().openapi({ description: 'Σ units over every wallet on every chain' }),
    wallets: z.array(
      z.object({ walletId: z.string(), chain: z.string(), address: z.string(), units: z.string(), frozenUnits: z.string(), status: z.string() }),
    ),
  })
  .openapi('CapTableEntry');

/** Pages of up to 1,000 investors: a 100,000-holder fund reads in 100 requests. */
const CapLimit = z.coerce.number().int().min(1).max(1000).default(100).openapi({ example: 100 });

const CapSearch = z
  .string()
  .min(1)
  .max(200)
  // No control characters: PostgreSQL text cannot hold NUL, and no name or address has them.
  .regex(/^[^\u0000-\u001f]+$/)
  .openapi({ description: 'Only investors whose id or one wallet address equals this, or whose legal name contains it (case-insensitive)', example: 'Acme' });

export const capTable = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/cap-table',
  tags,
  summary: 'Cap table across chains: per investor every wallet and balance on every chain and the total (keyset-paginated by investor id)',
  ...readOnly('capTable.read'),
  request: { params: FundParams, query: z.object({ chain: ChainIdString.optional(), limit: CapLimit, cursor: Cursor, q: CapSearch.optional() }) },
  responses: {
    200: json(z.object({ items: z.array(CapTableEntrySchema), nextCursor: z.string().nullable(), counts: HolderCountsSchema }), 'One page of the cap table'),
    ...problems(404),
  },
});

export const holderCount = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/holders/count',
  tags,
  summary: 'Holder counts per fund and per chain',
  ...readOnly('capTable.read'),
  request: { params: FundParams },
  responses: { 200: json(HolderCountsSchema, 'Holder counts'), ...problems(404) },
});

export type CapTableRoute = typeof capTable;
export type HolderCountRoute = typeof holderCount;
