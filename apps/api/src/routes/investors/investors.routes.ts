import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, mutation, problems, readOnly, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { Id } from '../../lib/schemas.ts';
import { CreateInvestorSchema, InvestorSchema, KycUpdatedSchema, UpdateKycSchema } from './investors.schemas.ts';

const tags = ['Investors'];
const InvestorParams = z.object({ investorId: Id('inv_0193…') });

export const create = createRoute({
  method: 'post',
  path: '/v1/investors',
  tags,
  summary: 'Onboard an investor',
  ...mutation('investors.create'),
  request: { headers: IdempotencyHeaders, body: jsonBody(CreateInvestorSchema) },
  responses: { 201: json(InvestorSchema, 'The investor'), ...problems(413) },
});

export const get = createRoute({
  method: 'get',
  path: '/v1/investors/{investorId}',
  tags,
  summary: 'Get an investor (an investor key: only its own)',
  ...readOnly('investors.read'),
  request: { params: InvestorParams },
  responses: { 200: json(InvestorSchema, 'The investor'), ...problems(404) },
});

export const updateKyc = createRoute({
  method: 'patch',
  path: '/v1/investors/{investorId}/kyc',
  tags,
  summary: 'Set KYC status and expiry (a lapsed KYC also deauthorizes the investor’s wallets on chain)',
  description:
    'When the KYC becomes rejected or revoked, or its expiry is in the past, a deauthorize operation is requested for every wallet of the investor that is authorized or frozen in a fund actively deployed on that wallet’s chain (unless one is already in flight). They are listed in `operations`; poll them at GET /v1/operations/{id}.',
  ...mutation('investors.kyc'),
  request: { headers: IdempotencyHeaders, params: InvestorParams, body: jsonBody(UpdateKycSchema) },
  responses: { 200: json(KycUpdatedSchema, 'The investor, with the operations requested'), ...problems(413, 404) },
});

export type CreateRoute = typeof create;
export type GetRoute = typeof get;
export type UpdateKycRoute = typeof updateKyc;
