import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, mutation, problems, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { Address, ChainIdString, Id } from '../../lib/schemas.ts';
import { PositiveUsd } from '../custody/custody.schemas.ts';

export const faucet = createRoute({
  method: 'post',
  path: '/v1/dev/faucet',
  tags: ['Development'],
  summary: 'Dev only: give a test wallet local stablecoin (USDC) on a local network',
  description:
    'Only chains whose stablecoin the platform issues locally (memory:devnet, stellar:local, local EVM devnets) have a faucet; on any other network the call is refused (403 FORBIDDEN). A Stellar account must trust the local USDC first.',
  ...mutation('dev.faucet'),
  request: {
    headers: IdempotencyHeaders,
    body: jsonBody(
      z
        .strictObject({
          chain: ChainIdString,
          address: Address.optional().openapi({ description: 'the wallet to pay' }),
          fundId: Id('fund_0193…').optional().openapi({ description: 'instead of an address: the fund’s treasury on that chain (to give it liquidity)' }),
          usd: PositiveUsd,
        })
        .openapi('FaucetRequest', { oneOf: [{ required: ['address'] }, { required: ['fundId'] }] }),
    ),
  },
  responses: {
    200: json(z.object({ chain: z.string(), address: z.string(), usd: z.string(), txHash: z.string().nullable() }).openapi('FaucetPayment'), 'Paid'),
    ...problems(413, 403, 409, 422),
  },
});

export type FaucetRoute = typeof faucet;
