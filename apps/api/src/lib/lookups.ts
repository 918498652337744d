import {
  FiscusError,
  isFiscusError,
  normalizeAddress,
  parseChainId,
  parseUnits,
  type Capabilities,
  type ChainDriver,
  type ChainId,
  type DriverRegistry,
} from '@fiscus/core';
import {
  getDeployment,
  getFund,
  getFundWallet,
  getInvestor,
  getWalletByAddress,
  type Db,
  type DeploymentRow,
  type FundRow,
  type FundWalletRow,
  type InvestorRow,
  type WalletRow,
} from '@fiscus/ledger';

/** Loaders that turn "absent" or "not usable" into the right stable error code. */

export async function requireFund(db: Db, id: string): Promise<FundRow> {
  const fund = await getFund(db, { id });
  if (!fund) throw new FiscusError('NOT_FOUND', `fund ${id} not found`, { meta: { fundId: id } });
  return fund;
}

export async function requireInvestor(db: Db, id: string): Promise<InvestorRow> {
  const investor = await getInvestor(db, { id });
  if (!investor) throw new FiscusError('NOT_FOUND', `investor ${id} not found`, { meta: { investorId: id } });
  return investor;
}

/** 400 for a malformed id; 422 naming the configured chains for a well-formed but unknown one. */
export function requireDriver(drivers: DriverRegistry, chain: string): ChainDriver {
  const { id } = parseChainId(chain);
  const driver = drivers.get(id);
  if (!driver) {
    const configured = drivers.chains();
    throw new FiscusError('CHAIN_NOT_CONFIGURED', `chain ${id} is not configured`, {
      details: `configured chains: ${configured.length ? configured.join(', ') : '(none)'}`,
      meta: { chain: id, configured },
    });
  }
  return driver;
}

export function requireCapability(driver: ChainDriver, capability: keyof Capabilities, what: string): void {
  if (!driver.capabilities[capability]) {
    throw new FiscusError('CAPABILITY_UNSUPPORTED', `${driver.chain} cannot ${what}`, { meta: { chain: driver.chain, capability } });
  }
}

export async function requireActiveDeployment(db: Db, fundId: string, chain: string): Promise<DeploymentRow> {
  const deployment = await getDeployment(db, { fundId, chain });
  if (!deployment || deployment.status !== 'active') {
    throw new FiscusError('NOT_DEPLOYED', `fund ${fundId} is not deployed on ${chain}`, {
      details: deployment ? `the deployment is ${deployment.status}` : 'POST /v1/funds/{fundId}/deployments first',
      meta: { fundId, chain, status: deployment?.status ?? null },
    });
  }
  return deployment;
}

/** Parses units at the fund's decimals; the error names the field that was wrong. */
export function parseFundUnits(field: string, text: string, decimals: number, opts: { allowZero?: boolean } = {}): bigint {
  try {
    return parseUnits(text, decimals, opts);
  } catch (e) {
    if (isFiscusError(e)) throw new FiscusError(e.code, `${field}: ${e.shortMessage}`, { details: e.details, meta: { ...e.meta, field } });
    throw e;
  }
}

export function normalizeFor(driver: ChainDriver, field: string, address: string): string {
  try {
    return normalizeAddress(driver.chain as ChainId, address);
  } catch (e) {
    if (isFiscusError(e)) throw new FiscusError(e.code, `${field}: ${e.shortMessage}`, { details: e.details, meta: { ...e.meta, field } });
    throw e;
  }
}

export interface RegisteredWallet {
  wallet: WalletRow;
  fundWallet: FundWalletRow;
}

/** A wallet registered for the fund on that chain; `lock` holds its position row until commit. */
export async function requireFundWallet(
  db: Db,
  p: { fundId: string; chain: string; address: string; field: string; lock?: boolean },
): Promise<RegisteredWallet> {
  const wallet = await getWalletByAddress(db, { chain: p.chain, address: p.address });
  const fundWallet = wallet && (await getFundWallet(db, { fundId: p.fundId, walletId: wallet.id, lock: p.lock }));
  if (!wallet || !fundWallet) {
    throw new FiscusError('NOT_FOUND', `${p.field}: ${p.address} is not a registered wallet of fund ${p.fundId} on ${p.chain}`, {
      meta: { field: p.field, chain: p.chain, address: p.address },
    });
  }
  return { wallet, fundWallet };
}
