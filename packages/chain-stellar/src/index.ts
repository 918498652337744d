export { StellarDriver, type StellarDriverOptions } from './driver/stellar-driver.ts';
export { localStellarKeyring, keypairSigner, accountIdOf, type StellarKeyring, type StellarRole } from './keys.ts';
export type { Funding } from './network.ts';
export { fromDeployment, type StellarDeployment } from './deployment.ts';
export { parseStellarError } from './errors.ts';
export { decodeResultCodes } from './result-codes.ts';
export { stellarToml, type StellarTomlInput } from './stellar-toml.ts';
export type { TrustlineState } from './reads.ts';
export type { InvestorTransaction } from './sponsorship.ts';
export type { FeeBumpResult } from './fee-bump.ts';
export { NAV_KEY, POR_KEY, POR_AT_KEY, readOracleEntries, type OracleEntries } from './oracle.ts';
export {
  reviewSep8,
  signApproved,
  MAX_SEP8_PAYMENTS,
  type Sep8Approvals,
  type Sep8Approved,
  type Sep8Payment,
  type Sep8Request,
  type Sep8Review,
} from './sep8/index.ts';
export type { LineState } from './ops.ts';
export { applyIssuerApprovers, type StellarApprovals } from './multisig.ts';
export { LocalStablecoin } from './settlement/local.ts';
export { settlementAssetOf, type StellarStablecoin } from './settlement/usdc.ts';
export type { DvpSubscription } from './settlement/dvp.ts';
