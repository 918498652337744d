import { FiscusError, policyFromJson, type ChainDriver, type ChainId, type Deployment, type DriverRegistry, type Policy } from '@fiscus/core';
import { listDeployments, type Db } from '@fiscus/ledger';

/**
 * A driver whose chain enforces the policy itself (ERC-3643 compliance modules) and so must be
 * told when it changes. Found by capability, not by chain name: the Avalanche L1 driver will
 * have the same method.
 */
interface PolicyMirroringDriver extends ChainDriver {
  applyPolicy(deployment: Deployment, policy: Policy): Promise<number>;
}

const mirrorsPolicy = (d: ChainDriver | undefined): d is PolicyMirroringDriver =>
  d !== undefined && d.capabilities.onchainCompliance && typeof (d as Partial<PolicyMirroringDriver>).applyPolicy === 'function';

export interface PolicyMirrored {
  chain: ChainId;
  /** Transactions sent (0 when the chain already held these settings). */
  transactions: number;
}

/**
 * Writes the fund's (already stored) policy onto every active deployment whose chain enforces
 * it. The drivers' applyPolicy is idempotent (it reads the modules and sends only the setters that
 * differ) and is signed by the admin key OUTSIDE the engine's outbox, so it runs here, inside the
 * request's transaction: a chain failure rolls the policy row and the Idempotency-Key back, and
 * the client's retry converges the chain. A deployment still pending picks the new policy up
 * from the fund row when its deploy step runs.
 */
export async function mirrorPolicyOnChains(db: Db, drivers: DriverRegistry, p: { fundId: string; policy: unknown }): Promise<PolicyMirrored[]> {
  const policy = policyFromJson(p.policy);
  const out: PolicyMirrored[] = [];
  for (const row of await listDeployments(db, { fundId: p.fundId })) {
    const driver = drivers.get(row.chain);
    if (row.status !== 'active' || !row.details || !mirrorsPolicy(driver)) continue;
    try {
      out.push({ chain: driver.chain, transactions: await driver.applyPolicy({ chain: driver.chain, details: row.details }, policy) });
    } catch (e) {
      const err = e instanceof FiscusError ? e : driver.parseError(e);
      throw new FiscusError(err.code, `policy not applied on ${driver.chain}: ${err.shortMessage}`, { cause: e, meta: { ...err.meta, chain: driver.chain } });
    }
  }
  return out;
}
