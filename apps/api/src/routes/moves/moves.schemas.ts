import { z } from '@hono/zod-openapi';
import { formatUnits, publicErrorOf } from '@fiscus/core';
import { explorerUrl, type ChainMoveLimits, type FundHaltRow, type MoveView } from '@fiscus/engine';
import { Address, addressByChain, ChainIdString, iso, Timestamp, Units } from '../../lib/schemas.ts';

const MoveEndSchema = z.strictObject({ chain: ChainIdString, wallet: Address }).openapi(addressByChain('wallet'));

export const MoveRequestSchema = z
  .strictObject({ from: MoveEndSchema, to: MoveEndSchema, units: Units })
  .openapi('MoveRequest', { description: 'from.chain and to.chain differ (checked by the server: JSON Schema cannot compare two fields)' });

const ErrorSchema = z.object({ code: z.string(), message: z.string() }).nullable();

/** An operator's way out for a `stranded` move (its re-mint failed for good). */
export const MoveResolveRequestSchema = z
  .discriminatedUnion('action', [
    z.strictObject({
      action: z.literal('retry').openapi({ description: 'Re-mint again to the wallet of the failed re-mint (e.g. once it is authorized again)' }),
    }),
    z
      .strictObject({
        action: z.literal('remint').openapi({ description: 'Re-mint to another wallet of the same investor, on any chain where it is authorized' }),
        chain: ChainIdString,
        address: Address,
      })
      .openapi(addressByChain('address')),
  ])
  .openapi('MoveResolveRequest');

export const MoveSchema = z
  .object({
    id: z.string().openapi({ example: 'move_0193…' }),
    fundId: z.string(),
    investorId: z.string(),
    from: z.object({ chain: z.string(), wallet: z.string() }),
    to: z.object({ chain: z.string(), wallet: z.string() }),
    units: z.string(),
    state: z.string().openapi({
      description:
        'requested | queued | burning | burned | minting | completed | compensating | compensated | stranded (the re-mint failed: units in transit wait for POST …/resolve) | failed',
    }),
    error: ErrorSchema.openapi({
      description:
        'Why it waits (PAUSED, RATE_LIMITED, QUEUED_BEHIND, FUND_HALTED), why it was compensated/failed, or why it is stranded (COMPENSATION_FAILED)',
    }),
    legs: z.array(
      z.object({
        leg: z.enum(['burn', 'mint', 'compensation']),
        operationId: z.string(),
        chain: z.string(),
        address: z.string().nullable().openapi({ description: 'Wallet the leg burns from or mints to' }),
        state: z.string(),
        txHash: z.string().nullable(),
        explorerUrl: z.string().nullable(),
        block: z.string().nullable(),
        error: ErrorSchema,
      }),
    ),
    requestedBy: z.string(),
    queuedAt: Timestamp.nullable(),
    completedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('Move');

export const presentMove = (m: MoveView, decimals: number): z.infer<typeof MoveSchema> => ({
  id: m.id,
  fundId: m.fundId,
  investorId: m.investorId,
  from: { chain: m.fromChain, wallet: m.fromAddress },
  to: { chain: m.toChain, wallet: m.toAddress },
  units: formatUnits(m.units, decimals),
  state: m.state,
  error: publicErrorOf(m.error ?? null),
  legs: m.legs.map((l) => ({ ...l, block: l.block?.toString() ?? null, explorerUrl: l.txHash ? (explorerUrl(l.chain, l.txHash) ?? null) : null })),
  requestedBy: m.requestedBy,
  queuedAt: iso(m.queuedAt),
  completedAt: iso(m.completedAt),
  createdAt: iso(m.createdAt)!,
  updatedAt: iso(m.updatedAt)!,
});

const NullableUnits = Units.nullable();

export const MoveLimitsRequestSchema = z
  .strictObject({
    outboundPer24h: NullableUnits.openapi({ description: 'Units that may leave this chain per 24 h (refilling linearly); null = unlimited' }),
    inboundPer24h: NullableUnits.openapi({ description: 'Units that may arrive on this chain per 24 h; null = unlimited' }),
  })
  .openapi('MoveLimitsRequest');

export const MoveLimitsSchema = z
  .object({
    chain: z.string(),
    outboundPer24h: z.string().nullable(),
    inboundPer24h: z.string().nullable(),
    outboundAvailable: z.string().nullable().openapi({ description: 'Capacity available now' }),
    inboundAvailable: z.string().nullable(),
    paused: z.boolean(),
  })
  .openapi('MoveLimits');

const fmt = (v: bigint | null, d: number) => (v === null ? null : formatUnits(v, d));
export const presentLimits = (l: ChainMoveLimits, d: number): z.infer<typeof MoveLimitsSchema> => ({
  chain: l.chain,
  outboundPer24h: fmt(l.outboundPer24h, d),
  inboundPer24h: fmt(l.inboundPer24h, d),
  outboundAvailable: fmt(l.outboundAvailable, d),
  inboundAvailable: fmt(l.inboundAvailable, d),
  paused: l.paused,
});

export const HaltSchema = z
  .object({
    id: z.string(),
    reason: z.string(),
    detail: z.record(z.string(), z.unknown()),
    operationId: z.string().nullable(),
    createdAt: Timestamp,
    clearedAt: Timestamp.nullable(),
    clearedBy: z.string().nullable(),
  })
  .openapi('FundHalt');

export const presentHalt = (h: FundHaltRow): z.infer<typeof HaltSchema> => ({
  id: h.id,
  reason: h.reason,
  detail: h.detail,
  operationId: h.operationId,
  createdAt: iso(h.createdAt)!,
  clearedAt: iso(h.clearedAt),
  clearedBy: h.clearedBy,
});
