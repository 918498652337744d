import { FiscusError, formatUsd, normalizeAddress, stablecoinSettlementOf, type ChainId, type DriverRegistry } from '@fiscus/core';
import { loadDeployment } from '@fiscus/engine';
import type { Db } from '@fiscus/ledger';
import type { AppRouteHandler } from '../../lib/types.ts';
import { parseUsdField } from '../custody/custody.schemas.ts';
import type { FaucetRoute } from './dev.routes.ts';

/** Largest faucet payment: test money, not a way to inflate a devnet's books by accident. */
const MAX_FAUCET_USD = 1_000_000_000_000n; // $1,000,000

export const faucet: AppRouteHandler<FaucetRoute> = async (c) => {
  const body = c.req.valid('json');
  const tap = c.var.deps.faucets?.[body.chain];
  if (!tap) {
    throw new FiscusError('FORBIDDEN', `no stablecoin faucet on ${body.chain}: the faucet exists on local networks only`, { meta: { chain: body.chain } });
  }
  const usd = parseUsdField('usd', body.usd);
  if (usd > MAX_FAUCET_USD) throw new FiscusError('AMOUNT_OUT_OF_RANGE', `the faucet pays at most ${formatUsd(MAX_FAUCET_USD)} USD`);
  if ((body.address === undefined) === (body.fundId === undefined)) throw new FiscusError('VALIDATION_FAILED', 'name exactly one of address and fundId');
  const address =
    body.address !== undefined
      ? normalizeAddress(body.chain as ChainId, body.address)
      : await treasuryOf(c.var.db, c.var.deps.drivers, body.fundId!, body.chain);
  const { txHash } = await tap.pay(address, usd);
  return c.json({ chain: body.chain, address, usd: formatUsd(usd), txHash }, 200);
};

/** The fund's stablecoin treasury on the chain, as its driver names it. */
async function treasuryOf(db: Db, drivers: DriverRegistry, fundId: string, chain: string): Promise<string> {
  const driver = drivers.get(chain as ChainId);
  const settlement = driver && stablecoinSettlementOf(driver);
  if (!settlement) throw new FiscusError('CAPABILITY_UNSUPPORTED', `no stablecoin is configured on ${chain}`, { meta: { chain } });
  return settlement.treasuryAddress((await loadDeployment(db, fundId, chain)).deployment);
}
