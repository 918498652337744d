import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, mutation, problems, readOnly, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { Address, ChainIdString, Id, Units } from '../../lib/schemas.ts';
import { PositiveUsd } from '../custody/custody.schemas.ts';
import { FundParams } from '../subscriptions/subscriptions.routes.ts';

export const quote = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/subscriptions/stellar-dvp',
  tags: ['Subscriptions'],
  summary:
    'Quote a Stellar subscription paid in USDC: ONE transaction (investor pays USDC to the treasury, the issuer delivers the units), pre-signed by the platform',
  description:
    'Priced at the current NAV (`units`: cost SUBSCRIPTION_COST_ROUND_UP; `usd`: units SUBSCRIPTION_UNITS_ROUND_DOWN, the investor pays only the units’ cost). The investor signs the returned XDR and submits it to Horizon; both legs land or neither. The transaction expires with the quote (tx_too_late) and any change voids the platform’s signature (tx_bad_auth). Ingest books cash, supply and position once when it lands.',
  ...mutation('subscriptions.quote'),
  request: {
    headers: IdempotencyHeaders,
    params: FundParams,
    body: jsonBody(
      z
        .strictObject({
          investorId: Id('inv_0193…'),
          chain: ChainIdString,
          address: Address,
          units: Units.optional(),
          usd: PositiveUsd.optional(),
          expiresInSec: z.int().min(30).max(3600).optional().openapi({ description: 'default 300' }),
        })
        .openapi('DvpQuoteRequest', { oneOf: [{ required: ['units'] }, { required: ['usd'] }] }),
    ),
  },
  responses: {
    201: json(
      z
        .object({
          quoteId: z.string(),
          units: z.string(),
          usd: z.string().openapi({ description: 'USD paid in USDC' }),
          stablecoinAmount: z.string().openapi({ description: 'USDC paid, as a Stellar amount (7 decimals)' }),
          nav: z.string(),
          rule: z.string(),
          expiresAt: z.string(),
          transaction: z.object({ xdr: z.string(), hash: z.string(), networkPassphrase: z.string(), source: z.string() }),
        })
        .openapi('DvpQuote'),
      'The quote and its pre-signed transaction',
    ),
    ...problems(413, 403, 404, 409, 422),
  },
});

export const QuoteStatusSchema = z
  .object({
    quoteId: z.string(),
    chain: z.string(),
    investorId: z.string(),
    address: z.string(),
    units: z.string(),
    usd: z.string(),
    nav: z.string(),
    txHash: z.string(),
    status: z.enum(['quoted', 'settled', 'expired']).openapi({
      description: 'settled: the ingest booked its transaction; expired: its time bound passed unsettled (the ledger refuses it: tx_too_late)',
    }),
    expiresAt: z.string(),
    settledAt: z.string().nullable(),
  })
  .openapi('DvpQuoteStatus');

export const getQuote = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/subscriptions/stellar-dvp/{quoteId}',
  tags: ['Subscriptions'],
  summary: 'A Stellar DvP quote and what became of it (quoted, settled, expired)',
  ...readOnly('subscriptions.quote'),
  request: { params: FundParams.extend({ quoteId: Id('quo_0193…') }) },
  responses: { 200: json(QuoteStatusSchema, 'The quote'), ...problems(403, 404) },
});

export type QuoteRoute = typeof quote;
export type GetQuoteRoute = typeof getQuote;
