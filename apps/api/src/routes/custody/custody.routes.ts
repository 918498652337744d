import { createRoute, z } from '@hono/zod-openapi';
import { IdempotencyHeaders, json, jsonBody, mutation, problems, readOnly } from '../../lib/route-kit.ts';
import { Id } from '../../lib/schemas.ts';
import { AccountName, BalanceSchema, CashMovementSchema, LotInput, LotSchema, PositiveUsd, UsdText } from './custody.schemas.ts';

const tags = ['Custody'];
const FundParams = z.object({ fundId: Id('fund_0193…') });
const LotParams = FundParams.extend({ lotId: Id('lot_0193…') });
const AsOf = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .optional()
  .openapi({ description: 'Date of the maturity (default today, UTC); not before the maturity date' });

export const purchase = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/custody/lots',
  tags,
  summary: 'Record a T-bill purchase: cash:<cashAccount> → custody:<custodian> at cost',
  ...mutation('custody.write'),
  request: { headers: IdempotencyHeaders, params: FundParams, body: jsonBody(LotInput) },
  responses: { 201: json(LotSchema, 'The lot, held'), ...problems(413, 404, 409, 422) },
});

export const mature = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/custody/lots/{lotId}/maturity',
  tags,
  summary: 'Record a maturity: custody → cash at face, the discount (face − cost) to income:tbills',
  ...mutation('custody.write'),
  request: {
    headers: IdempotencyHeaders,
    params: LotParams,
    body: jsonBody(z.strictObject({ asOf: AsOf, cashAccount: AccountName.optional() }).openapi('LotMaturity')),
  },
  responses: { 200: json(LotSchema, 'The matured lot'), ...problems(413, 404, 409, 422) },
});

export const roll = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/custody/lots/{lotId}/roll',
  tags,
  summary: 'Roll a maturing lot into a new one (maturity + purchase in one journal entry; net cash to cash:<cashAccount>)',
  ...mutation('custody.write'),
  request: { headers: IdempotencyHeaders, params: LotParams, body: jsonBody(z.strictObject({ asOf: AsOf, next: LotInput }).openapi('LotRoll')) },
  responses: { 200: json(z.object({ matured: LotSchema, lot: LotSchema }), 'The matured lot and the new one'), ...problems(413, 404, 409, 422) },
});

export const cashMovement = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/cash/movements',
  tags,
  summary: 'Record a bank-feed line: deposit or withdrawal on cash:<account> (same reference = recorded once)',
  ...mutation('custody.write'),
  request: {
    headers: IdempotencyHeaders,
    params: FundParams,
    body: jsonBody(
      z
        .strictObject({
          account: AccountName,
          direction: z.enum(['deposit', 'withdrawal']),
          amount: PositiveUsd,
          reference: z.string().min(1).max(128).openapi({ example: 'FEDWIRE-20260319-0042' }),
          counterparty: z
            .string()
            .regex(/^(cash:)?[a-z0-9][a-z0-9_.-]{0,62}$/)
            .optional()
            .openapi({
              description:
                '`cash:<other>` for a sweep between fund accounts (another than `account`: 400 otherwise), else a name (external:<name>, default bank)',
            }),
        })
        .openapi('CashMovementInput'),
    ),
  },
  responses: {
    201: json(CashMovementSchema, 'Recorded'),
    200: json(CashMovementSchema, 'Already recorded with this reference'),
    ...problems(413, 404, 409, 422),
  },
});

export const holdings = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/custody/holdings',
  tags,
  summary: 'T-bill lots with status; totals of held lots at cost and at face; custody balances',
  ...readOnly('custody.read'),
  request: { params: FundParams },
  responses: {
    200: json(
      z.object({ lots: z.array(LotSchema), totals: z.object({ heldAtCost: UsdText, heldAtFace: UsdText }), balances: z.array(BalanceSchema) }),
      'Holdings',
    ),
    ...problems(404),
  },
});

export const cash = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/cash',
  tags,
  summary: 'Balance of every cash:<account>',
  ...readOnly('custody.read'),
  request: { params: FundParams },
  responses: { 200: json(z.object({ balances: z.array(BalanceSchema), total: UsdText }), 'Cash balances'), ...problems(404) },
});

export type PurchaseRoute = typeof purchase;
export type MatureRoute = typeof mature;
export type RollRoute = typeof roll;
export type CashMovementRoute = typeof cashMovement;
export type HoldingsRoute = typeof holdings;
export type CashRoute = typeof cash;
