import type { SubnetEvmGenesisConfig } from './genesis.ts';

/**
 * The L1 configuration the platform provisions: who holds which role at genesis.
 * - allow-list admin: Admin of all three lists (the only key that can grant Admin/Manager);
 * - admin (deployer) key: deploys the suites (Enabled on ContractDeployerAllowList), Manager on TxAllowList;
 * - operator key: Manager on TxAllowList (it signs every engine operation), Enabled on
 *   ContractDeployerAllowList (its authorize transactions create ONCHAINID identities);
 * The gatekeeper contract is made Manager / minter-Enabled after it is deployed (infrastructure).
 */
export function platformL1Config(p: {
  chainId: number;
  allowListAdmin: string;
  admin: string;
  operator: string;
  /** Genesis gas coin for the platform signers (they pay gas before any mint can reach them). */
  signerBalance?: bigint;
  /** T-REX deployment transactions need a roomy block; default 30 M gas. */
  gasLimit?: number;
}): SubnetEvmGenesisConfig {
  const coins = p.signerBalance ?? 10n ** 24n;
  return {
    chainId: p.chainId,
    feeConfig: { gasLimit: p.gasLimit ?? 30_000_000, targetGas: 60_000_000 },
    txAllowList: { admins: [p.allowListAdmin], managers: [p.admin, p.operator] },
    // The operator too: authorize creates the investor's ONCHAINID identity (CREATE2) inside the
    // operator's transaction, and Subnet-EVM checks every creation against tx.origin
    // (params/hooks_libevm.go CanCreateContract), not against the contract that creates.
    contractDeployerAllowList: { admins: [p.allowListAdmin], enabled: [p.admin, p.operator] },
    contractNativeMinter: { admins: [p.allowListAdmin] },
    alloc: { [p.allowListAdmin]: coins, [p.admin]: coins, [p.operator]: coins },
  };
}
