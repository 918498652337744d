import { Asset } from '@stellar/stellar-sdk';
import { FiscusError, type Deployment, type FundSpec } from '@fiscus/core';

/** What a Stellar deployment records (Deployment.details is string → string). */
export interface StellarDeployment {
  fundId: string;
  assetCode: string;
  issuer: string;
  distribution: string;
  decimals: number;
  homeDomain: string;
  /**
   * SEP-8 regulated asset: investor trustlines rest AUTHORIZED_TO_MAINTAIN_LIABILITIES and every
   * payment is sandwiched between the issuer's authorize / back-to-rest operations (ops.ts), for
   * the platform's own operations and, through the approval server, for investors' transfers.
   */
  sep8?: boolean;
  /** Least privilege (roles.ts): the role accounts that source each role's transactions. */
  roles?: RoleAccounts;
}

/** The accounts that source each role's transactions when a fund has role keys (roles.ts). */
export interface RoleAccounts {
  minter: string;
  compliance: string;
  oracle: string;
}

const roleDetails = (r: RoleAccounts): Record<string, string> => ({
  minterAccount: r.minter,
  complianceAccount: r.compliance,
  oracleAccount: r.oracle,
});

function rolesFromDetails(x: Record<string, string>): RoleAccounts | undefined {
  if (!x.minterAccount || !x.complianceAccount || !x.oracleAccount) return undefined;
  return { minter: x.minterAccount, compliance: x.complianceAccount, oracle: x.oracleAccount };
}

/** Stellar asset codes are 1–12 characters of [A-Za-z0-9]; the fund symbol is used as is. */
export function assetCodeFor(fund: FundSpec): string {
  if (!/^[A-Za-z0-9]{1,12}$/.test(fund.symbol)) {
    throw new FiscusError('VALIDATION_FAILED', `fund symbol "${fund.symbol}" is not a Stellar asset code (1-12 letters or digits)`);
  }
  return fund.symbol.toUpperCase();
}

/**
 * The recorded details. `redemptionAddress` (the agreed cross-chain name) is the distribution
 * account: an investor redeems by paying the asset to it; events() reports such payments as
 * transfers to it and `burn { from: redemptionAddress }` claws them back.
 */
export function toDetails(d: StellarDeployment): Record<string, string> {
  const { sep8, roles, ...rest } = d;
  // Recorded only when on, so deployments made before the options read exactly as before.
  return {
    ...rest,
    decimals: String(d.decimals),
    redemptionAddress: d.distribution,
    ...(sep8 ? { sep8: 'true' } : {}),
    ...(roles ? roleDetails(roles) : {}),
  };
}

export function fromDeployment(d: Deployment): StellarDeployment {
  const x = d.details;
  if (!x.assetCode || !x.issuer || !x.fundId || x.decimals === undefined) throw new FiscusError('NOT_DEPLOYED', 'deployment has no Stellar asset');
  return {
    fundId: x.fundId,
    assetCode: x.assetCode,
    issuer: x.issuer,
    distribution: x.distribution ?? '',
    decimals: Number(x.decimals),
    homeDomain: x.homeDomain ?? '',
    sep8: x.sep8 === 'true',
    roles: rolesFromDetails(x),
  };
}

export const assetOf = (d: StellarDeployment) => new Asset(d.assetCode, d.issuer);
