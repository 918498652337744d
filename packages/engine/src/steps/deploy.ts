import { eq } from 'drizzle-orm';
import { FiscusError, policyFromJson, type ChainDriver } from '@fiscus/core';
import { schema } from '@fiscus/ledger';
import type { OperationRow } from '../rows.ts';
import type { StepContext, StepResult } from './context.ts';
import { advance } from './outcomes.ts';

/**
 * Deploying is several transactions on most chains, so it is not one prepared transaction:
 * the driver's deploy is idempotent instead, and a crash simply calls it again.
 */
export async function deployStep(ctx: StepContext, op: OperationRow, driver: ChainDriver): Promise<StepResult> {
  const [fund] = await ctx.db.select().from(schema.funds).where(eq(schema.funds.id, op.fundId));
  if (!fund) throw new FiscusError('NOT_FOUND', `fund ${op.fundId} not found`);
  const deployment = await driver.deploy({
    id: fund.id,
    name: fund.name,
    symbol: fund.symbol,
    decimals: fund.decimals,
    policy: policyFromJson(fund.policy),
    sep8: fund.stellarSep8,
  });
  return advance(ctx, op, 'confirmed', { result: { deployment }, nextAttemptAt: new Date(), lastError: null }, { deployment });
}
