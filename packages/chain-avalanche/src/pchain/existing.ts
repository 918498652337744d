import { FiscusError } from '@fiscus/core';

/**
 * The two ways the platform gets an L1:
 * - `existing`: the issuer already runs one (RPC URL + chain id + the allow-list admin key);
 *   nothing touches the P-Chain, the driver talks to the RPC URL directly.
 * - `provision`: we create it on the P-Chain from the fund's configuration (provisionL1).
 */
export type L1Target =
  | { mode: 'existing'; rpcUrl: string; chainId: number; allowListAdminKey: string; blockchainId?: string; subnetId?: string }
  | { mode: 'provision'; pchainUrl: string };

/** An existing L1: validated, no provisioning. The key is hex for devnets; production passes a keystore reference instead. */
export function existingL1(p: {
  rpcUrl: string;
  chainId: number | string;
  allowListAdminKey: string;
  blockchainId?: string;
  subnetId?: string;
}): Extract<L1Target, { mode: 'existing' }> {
  let url: URL;
  try {
    url = new URL(p.rpcUrl);
  } catch {
    throw new FiscusError('VALIDATION_FAILED', `L1 RPC URL ${p.rpcUrl} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FiscusError('VALIDATION_FAILED', `L1 RPC URL must be http(s), got ${url.protocol}`);
  const chainId = Number(p.chainId);
  if (!Number.isSafeInteger(chainId) || chainId <= 0) throw new FiscusError('VALIDATION_FAILED', `L1 chain id must be a positive integer, got ${p.chainId}`);
  if (!/^(0x)?[0-9a-fA-F]{64}$/.test(p.allowListAdminKey)) throw new FiscusError('VALIDATION_FAILED', 'allow-list admin key must be 32 bytes hex');
  return { mode: 'existing', rpcUrl: p.rpcUrl, chainId, allowListAdminKey: p.allowListAdminKey, blockchainId: p.blockchainId, subnetId: p.subnetId };
}

/**
 * From the environment: AVALANCHE_RPC_URL + AVALANCHE_CHAIN_ID + AVALANCHE_ALLOWLIST_ADMIN_KEY select an
 * existing L1; otherwise AVALANCHE_PCHAIN_URL selects provisioning; neither → not configured.
 */
export function l1TargetFromEnv(env: NodeJS.ProcessEnv): L1Target | null {
  if (env.AVALANCHE_RPC_URL && env.AVALANCHE_CHAIN_ID && env.AVALANCHE_ALLOWLIST_ADMIN_KEY) {
    return existingL1({
      rpcUrl: env.AVALANCHE_RPC_URL,
      chainId: env.AVALANCHE_CHAIN_ID,
      allowListAdminKey: env.AVALANCHE_ALLOWLIST_ADMIN_KEY,
      blockchainId: env.AVALANCHE_BLOCKCHAIN_ID,
      subnetId: env.AVALANCHE_SUBNET_ID,
    });
  }
  if (env.AVALANCHE_PCHAIN_URL) return { mode: 'provision', pchainUrl: env.AVALANCHE_PCHAIN_URL };
  return null;
}
