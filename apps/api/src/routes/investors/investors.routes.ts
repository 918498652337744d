import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, mutation, problems, readOnly, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { INVESTOR_TYPES, KYC_STATUSES } from '@fiscus/core';
import { Cursor, Id, Jurisdiction, Limit } from '../../lib/schemas.ts';
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

export const ListQuery = z.object({
  kycStatus: z.enum(KYC_STATUSES).optional(),
  jurisdiction: Jurisdiction.optional(),
  investorType: z.enum(INVESTOR_TYPES).optional(),
  kycExpiresBefore: z.iso.datetime({ offset: true }).optional().openapi({
    example: '2026-12-31T00:00:00Z',
    description: 'Only investors whose KYC expires at or before this instant (e.g. now + 30 days: the KYCs to renew)',
  }),
  q: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^\u0000-\u001f]+$/)
    .optional()
    .openapi({ description: 'Legal name contains this (case-insensitive), or the id equals it', example: 'Acme' }),
  limit: Limit,
  cursor: Cursor,
});

export const list = createRoute({
  method: 'get',
  path: '/v1/investors',
  tags,
  summary: 'Investors, newest first, filtered by KYC status, jurisdiction, type, KYC expiry or name (keyset-paginated; an investor key sees itself only)',
  ...readOnly('investors.read'),
  request: { query: ListQuery },
  responses: { 200: json(z.object({ items: z.array(InvestorSchema), nextCursor: z.string().nullable() }), 'One page of investors'), ...problems() },
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
export type ListRoute = typeof list;
export type UpdateKycRoute = typeof updateKyc;
