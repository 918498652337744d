import { formatUnits, type ChainDriver } from '@fiscus/core';
import { checkSupplyInvariant, deploymentOf, latestReconciliations, listDeployments, type DeploymentRow } from '@fiscus/ledger';
import { requireFund } from '../../lib/lookups.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import { presentReconciliation } from '../reconciliations/reconciliations.schemas.ts';
import type { GetRoute } from './supply.routes.ts';

type ChainRead = { supply: bigint; error: null } | { supply: null; error: string };

/** An unreachable chain must not hang the supply page: the read gets a deadline and becomes a note. */
async function readChainSupply(driver: ChainDriver | undefined, d: DeploymentRow | undefined, timeoutMs: number): Promise<ChainRead> {
  if (!driver) return { supply: null, error: 'chain not configured in this process' };
  const deployment = d && deploymentOf(d);
  if (!deployment) return { supply: null, error: 'not deployed' };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const supply = await Promise.race([driver.totalSupply(deployment), deadline]);
    return { supply, error: null };
  } catch (e) {
    return {
      supply: null,
      error: `chain unreachable: ${e instanceof Error && e.message.startsWith('no answer') ? e.message : driver.parseError(e).shortMessage}`,
    };
  } finally {
    clearTimeout(timer);
  }
}

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const db = c.var.db;
  const { drivers, chainReadTimeoutMs } = c.var.deps;
  const fund = await requireFund(db, c.req.valid('param').fundId);
  const [deployments, invariant, latest] = await Promise.all([
    listDeployments(db, { fundId: fund.id }),
    checkSupplyInvariant(db, fund.id),
    latestReconciliations(db, { fundId: fund.id }),
  ]);
  const byChain = new Map(deployments.map((d) => [d.chain, d]));
  // Every deployed chain, plus any chain the ledger has supply on without a deployment row.
  const chains = [...new Set([...byChain.keys(), ...Object.keys(invariant.supplies)])].sort();
  const f = (u: bigint) => formatUnits(u, fund.decimals);
  const rows = await Promise.all(
    chains.map(async (chain) => {
      const d = byChain.get(chain);
      const ledger = invariant.supplies[chain] ?? 0n;
      const read = await readChainSupply(drivers.get(chain), d, chainReadTimeoutMs ?? 3_000);
      const last = latest.get(chain);
      return {
        chain,
        deploymentStatus: d?.status ?? null,
        mintsBlocked: d?.mintsBlocked ?? false,
        blockedReason: d?.blockedReason ?? null,
        ledgerSupply: f(ledger),
        chainSupply: read.supply === null ? null : f(read.supply),
        chainError: read.error,
        inSync: read.supply === null ? null : read.supply === ledger,
        lastReconciliation: last ? presentReconciliation(last, fund.decimals) : null,
      };
    }),
  );
  return c.json(
    {
      fundId: fund.id,
      decimals: fund.decimals,
      unitsOutstanding: f(invariant.outstanding),
      transit: f(invariant.transit),
      invariantHolds: invariant.ok,
      chains: rows,
    },
    200,
  );
};
