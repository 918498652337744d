export { EvmDriver, type EvmDriverOptions } from './driver/evm-driver.ts';
export { devSecp256k1Signer } from './signer/dev-signer.ts';
export { signerAddress } from './signer/ethereum.ts';
export { AdminSender } from './deploy/admin-tx.ts';
export { deployInfrastructure, type EvmInfrastructure } from './deploy/infrastructure.ts';
export { moduleSettings, type ModuleSettings } from './deploy/policy.ts';
export { kycClaimTopic, kycClaimData, predictIdentityAddress } from './kyc/claim.ts';
export { createEvmProvider } from './rpc/provider.ts';
export { parseEvmError } from './errors.ts';
export { MAX_BATCH as EVM_MAX_BATCH, MAX_AUTHORIZE_BATCH as EVM_MAX_AUTHORIZE_BATCH } from './ops/encode.ts';
export { ensureInfrastructure } from './devnet.ts';
export { evmDriverFromEnv, roleKeysFromEnv, type EvmSigners } from './config.ts';
export { GATE_ROLE_IDS, roleOfOperation, throughGate } from './roles/gate.ts';
export { parseEvmFinality, finalBlockNumber, type EvmFinality } from './driver/finality.ts';
export type { EvmOperation } from './ops/encode.ts';
export { ensureTrexSuite, deployFundSuite, fundSalt, type SuiteSpec } from './deploy/suite.ts';
export { abi as evmAbi, interfaceOf } from './contracts/abi.ts';
export { trexArtifact, onchainIdArtifact, fiscusArtifact, type Artifact } from './contracts/artifacts.ts';
export { compileSolidity, inputHash, solidityInput, type SolcContracts } from './contracts/compile.ts';
export { readContract } from './rpc/read.ts';
// Building blocks the Avalanche L1 driver composes (it wraps some calls, signs like EvmDriver).
export { encodeOperation, type EncodedCall } from './ops/encode.ts';
export { describeOperation } from './ops/describe.ts';
export { signTransaction } from './signer/ethereum.ts';
export { DEFAULT_FEE_POLICY, eip1559Fees, feePolicyFromGwei, withMargin, type FeePolicy } from './rpc/fees.ts';
export { kycClaimFor } from './kyc/claim-for.ts';
export { ensureNavFeed, navFeedKey, NAV_FEED_DECIMALS } from './deploy/nav-feed.ts';
// Settlement in a stablecoin (issue 12): subscription / redemption contracts, the devnet USDC.
export {
  DEFAULT_SETTLEMENT_LIMITS,
  SETTLEMENT_DETAILS,
  settlementAssetOf,
  type EvmSettlementToken,
  type SettlementLimits,
} from './settlement/config.ts';
export { ensureLocalSettlement } from './settlement/local.ts';
export { deployLocalUsdc, mintLocalUsdc, setLocalUsdcFlag } from './deploy/local-usdc.ts';
export { ensureSettlementContracts } from './deploy/settlement.ts';
export { encodePayout, checkPayout } from './settlement/payout.ts';
export { signUsdcPermit } from './settlement/permit.ts';
export { SettlementLogs } from './settlement/events.ts';
export * from './safe/index.ts';
export { waitForReceipt } from './rpc/receipt.ts';
