import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, mutation, problems, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { Id } from '../../lib/schemas.ts';
import { FeeBumpRequestSchema, FeeBumpSchema, TrustlineTransactionRequestSchema, TrustlineTransactionSchema } from './stellar.schemas.ts';

const tags = ['Stellar'];
const params = z.object({ fundId: Id('fund_0193…') });

export const trustlineTransaction = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/stellar/trustline-transactions',
  tags,
  summary: 'A sponsored trustline transaction for an investor’s Stellar account (sponsor-signed XDR to co-sign)',
  description:
    'Builds begin/endSponsoringFutureReserves around changeTrust to the fund asset, with the investor’s account as source (its next sequence number) and the sponsor ' +
    '(STELLAR_SPONSOR_SECRET, default the fund’s issuer) paying the 0.5 XLM reserve. The sponsor has signed; the investor adds its signature and sends the result to ' +
    '`POST /v1/funds/{fundId}/stellar/fee-bumps` (so it pays no fee either). KYC and the fund policy are checked first; the wallet is recorded for the investor. ' +
    'Register it with `POST /v1/funds/{fundId}/wallets` once the trustline exists. 409 TRUSTLINE_EXISTS / ACCOUNT_MISSING (meta.reason) when there is nothing to sponsor.',
  ...mutation('stellar.sponsor'),
  request: { headers: IdempotencyHeaders, params, body: jsonBody(TrustlineTransactionRequestSchema) },
  responses: { 200: json(TrustlineTransactionSchema, 'Sponsor-signed transaction'), ...problems(404, 409, 413, 422, 503) },
});

export const feeBump = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/stellar/fee-bumps',
  tags,
  summary: 'Fee-bump and submit an investor-signed Stellar transaction (the platform pays the fee)',
  description:
    'Accepts only a transaction whose source is a wallet recorded for an investor (the caller’s own, for an investor key) and whose operations are changeTrust or ' +
    'payments of the fund asset, plus the reserve sponsorship our sponsor signed for that investor. It is wrapped in a fee bump paid by the fee account ' +
    '(STELLAR_FEE_SECRET, default the fund’s distribution account) and submitted. Malformed XDR or any other operation: 400; a transaction the ledger refuses: ' +
    '409/422 with its result codes in meta.resultCodes. Paying the fund asset to the deployment’s redemptionAddress is an on-chain redemption.',
  ...mutation('stellar.sponsor'),
  request: { headers: IdempotencyHeaders, params, body: jsonBody(FeeBumpRequestSchema) },
  responses: { 200: json(FeeBumpSchema, 'Submitted and in a ledger'), ...problems(404, 409, 413, 422, 503) },
});

export type TrustlineTransactionRoute = typeof trustlineTransaction;
export type FeeBumpRoute = typeof feeBump;
