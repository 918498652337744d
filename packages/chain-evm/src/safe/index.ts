export { safeArtifact, safeProxyFactoryArtifact, safeAbi } from './artifacts.ts';
export {
  deploySafeInfrastructure,
  ensureSafe,
  ensureSafeInfrastructure,
  hasSafeInfrastructure,
  safeApprovalsFromEnv,
  type SafeInfrastructure,
} from './infrastructure.ts';
export { execTransactionCall, execTransactionData, safeTypedData, verifySafeApproval, type SafeTx } from './safe-tx.ts';
export { checkEvmApprovals, ensureFundSafe, safePolicyOf, type EvmApprovals } from './approvals.ts';
