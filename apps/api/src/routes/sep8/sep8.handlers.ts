import { FiscusError, transferApprovalOf, type ChainDriver } from '@fiscus/core';
import { getDeployment } from '@fiscus/ledger';
import { requireDriver, requireFund } from '../../lib/lookups.ts';
import type { AppDeps, AppRouteHandler } from '../../lib/types.ts';
import { decideSep8, type Sep8Driver } from './sep8.decide.ts';
import { SourceRateLimiter } from './sep8.rate-limit.ts';
import type { ApproveRoute, PreflightRoute } from './sep8.routes.ts';

/** SEP-8 defaults (overridden by STELLAR_SEP8_* through AppDeps.stellar.sep8). */
export const SEP8_DEFAULTS = { maxFeePerOp: 1_000n, ratePerMinute: 30 };

const CORS = { 'Access-Control-Allow-Origin': '*' };
const limiters = new WeakMap<AppDeps, SourceRateLimiter>();

function sep8Driver(driver: ChainDriver): Sep8Driver {
  const approvals = transferApprovalOf<Sep8Driver>(driver);
  if (!approvals) throw new FiscusError('NOT_FOUND', `${driver.chain} has no SEP-8 approval server`);
  return approvals;
}

/** The `tx` parameter, form-encoded or JSON (SEP-8 "Content Type"); undefined when absent. */
async function txParam(c: Parameters<AppRouteHandler<ApproveRoute>>[0]): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  const body = type.includes('application/json')
    ? (c.req.valid('json' as never) as { tx?: unknown } | undefined)
    : type.includes('application/x-www-form-urlencoded')
      ? (c.req.valid('form' as never) as { tx?: unknown } | undefined)
      : undefined;
  return typeof body?.tx === 'string' && body.tx.length > 0 ? body.tx : undefined;
}

export const approve: AppRouteHandler<ApproveRoute> = async (c) => {
  const db = c.var.db;
  const stellar = c.var.deps.stellar;
  const { fundId } = c.req.valid('param');
  if (!stellar) throw new FiscusError('NOT_FOUND', 'no Stellar network is configured in this process');
  const fund = await requireFund(db, fundId);
  const row = await getDeployment(db, { fundId, chain: stellar.chain });
  if (!fund.stellarSep8 || row?.status !== 'active' || row.details?.sep8 !== 'true') {
    throw new FiscusError('NOT_FOUND', `fund ${fundId} has no SEP-8 regulated asset on ${stellar.chain}`, { meta: { fundId, chain: stellar.chain } });
  }
  const driver = sep8Driver(requireDriver(c.var.deps.drivers, stellar.chain));
  const xdr = await txParam(c);
  if (!xdr)
    return c.json(
      { status: 'rejected' as const, error: 'missing the tx parameter: POST tx=<base64 transaction envelope XDR> (form-encoded or JSON)' },
      400,
      CORS,
    );
  const cfg = { ...SEP8_DEFAULTS, ...stellar.sep8 };
  let limiter = limiters.get(c.var.deps);
  if (!limiter) limiters.set(c.var.deps, (limiter = new SourceRateLimiter(cfg.ratePerMinute)));
  const out = await decideSep8(
    {
      db,
      driver,
      deployment: { chain: stellar.chain, details: row.details },
      fund,
      redemptionAddress: row.details.redemptionAddress ?? row.details.distribution ?? '',
      actionUrl: stellar.sep8?.actionUrl ?? `${stellar.publicUrl}/onboarding`,
      maxFeePerOp: cfg.maxFeePerOp,
      limiter,
      now: new Date(),
    },
    xdr,
  );
  if (out.http === 429 && out.answer.status === 'pending') {
    return c.json(out.answer, 429, { ...CORS, 'Retry-After': String(Math.ceil(out.answer.timeout / 1000)) });
  }
  if (out.answer.status === 'rejected') return c.json(out.answer, 400, CORS);
  return c.json(out.answer, 200, CORS);
};

export const preflight: AppRouteHandler<PreflightRoute> = async (c) =>
  c.body(null, 204, {
    ...CORS,
    'Access-Control-Allow-Methods': 'POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Max-Age': '86400',
  });
