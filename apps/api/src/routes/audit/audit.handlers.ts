import { listAudit, verifyAuditChain } from '@fiscus/ledger';
import type { AppRouteHandler } from '../../lib/types.ts';
import type { ListRoute, VerifyRoute } from './audit.routes.ts';

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const { afterSeq, limit } = c.req.valid('query');
  const rows = await listAudit(c.var.db, { afterSeq: afterSeq === undefined ? undefined : BigInt(afterSeq), limit });
  return c.json(
    {
      items: rows.map((r) => ({ ...r, seq: r.seq.toString(), at: r.at.toISOString() })),
      nextAfterSeq: rows.length === limit ? rows.at(-1)!.seq.toString() : null,
    },
    200,
  );
};

export const verify: AppRouteHandler<VerifyRoute> = async (c) => {
  const r = await verifyAuditChain(c.var.db);
  return c.json(r.ok ? r : { ...r, brokenAt: r.brokenAt.toString() }, 200);
};
