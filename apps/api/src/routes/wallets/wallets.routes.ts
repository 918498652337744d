import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, mutation, problems, readOnly, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { Id } from '../../lib/schemas.ts';
import { InvestorWalletSchema, RegisteredWalletSchema, RegisterWalletSchema } from './wallets.schemas.ts';

const tags = ['Wallets'];

export const register = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/wallets',
  tags,
  summary: 'Register an investor wallet for the fund on a chain (202: an authorize operation)',
  description:
    'Validates the address for the chain, checks KYC and the fund policy (jurisdiction, investor type), records the wallet as pending and requests its on-chain authorization. ' +
    'Stellar: the investor must have created its trustline to the fund asset first (changeTrust, signed with its own key); without one the answer is 409 NOT_AUTHORIZED_ON_CHAIN with meta.reason TRUSTLINE_MISSING (or ACCOUNT_MISSING).',
  ...mutation('wallets.create'),
  request: { headers: IdempotencyHeaders, params: z.object({ fundId: Id('fund_0193…') }), body: jsonBody(RegisterWalletSchema) },
  responses: { 202: json(RegisteredWalletSchema, 'Authorization requested'), ...problems(413, 404, 409, 422) },
});

export const list = createRoute({
  method: 'get',
  path: '/v1/investors/{investorId}/wallets',
  tags,
  summary: 'An investor’s wallets on every chain, with their standing in every fund',
  ...readOnly('wallets.read'),
  request: { params: z.object({ investorId: Id('inv_0193…') }) },
  responses: { 200: json(z.object({ items: z.array(InvestorWalletSchema) }), 'Wallets'), ...problems(404) },
});

export type RegisterRoute = typeof register;
export type ListRoute = typeof list;
