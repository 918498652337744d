import { FiscusError, policyFromJson, policySyncOf, type ChainId, type DriverRegistry } from '@fiscus/core';
import { deploymentOf, listDeployments, type Db } from '@fiscus/ledger';

export interface PolicyMirrored {
  chain: ChainId;
  /** Transactions sent (0 when the chain already held these settings). */
  transactions: number;
}

/**
 * Writes the fund's (already stored) policy onto every active deployment whose chain enforces
 * it (drivers with capability `policySync`, found by `policySyncOf`). Their applyPolicy is
 * idempotent (it reads the modules and sends only the setters that differ) and is signed by the admin key OUTSIDE the engine's outbox, so it runs here, inside the
 * request's transaction: a chain failure rolls the policy row and the Idempotency-Key back, and
 * the client's retry converges the chain. A deployment still pending picks the new policy up
 * from the fund row when its deploy step runs.
 */
export async function mirrorPolicyOnChains(db: Db, drivers: DriverRegistry, p: { fundId: string; policy: unknown }): Promise<PolicyMirrored[]> {
  const policy = policyFromJson(p.policy);
  const out: PolicyMirrored[] = [];
  for (const row of await listDeployments(db, { fundId: p.fundId })) {
    const driver = drivers.get(row.chain);
    const sync = driver && policySyncOf(driver);
    const deployment = deploymentOf(row);
    if (!deployment || !driver || !sync) continue;
    try {
      out.push({ chain: driver.chain, transactions: await sync.applyPolicy(deployment, policy) });
    } catch (e) {
      const err = e instanceof FiscusError ? e : driver.parseError(e);
      throw new FiscusError(err.code, `policy not applied on ${driver.chain}: ${err.shortMessage}`, { cause: e, meta: { ...err.meta, chain: driver.chain } });
    }
  }
  return out;
}
