import { ZeroAddress } from 'ethers';
import type { Signer } from '@fiscus/core';
import { abi, interfaceOf } from '../contracts/abi.ts';
import { onchainIdArtifact } from '../contracts/artifacts.ts';
import { kycClaimData, signKycClaim } from '../kyc/claim.ts';
import { readContract } from '../rpc/read.ts';
import type { AdminSender } from './admin-tx.ts';
import type { EvmInfrastructure } from './infrastructure.ts';

const identityAbi = interfaceOf(onchainIdArtifact('Identity'));
const CLAIM_SCHEME_ECDSA = 1n;
/** Claim subject of the platform's own identity (a fixed key, never an investor id). */
export const PLATFORM_IDENTITY_KEY = 'fiscus:platform:redemption';
/** ISO 3166-1 numeric has no 0: the platform is no investor; both modules exempt the wallet anyway. */
const PLATFORM_COUNTRY = 0;

/**
 * The fund's redemption wallet: investors redeem by sending units to it; the engine burns them
 * from it with the agent key (no signature of the wallet needed). It must be VERIFIED (T-REX
 * refuses transfers to unverified wallets), so it gets the platform's own ONCHAINID identity
 * (deployed by the admin, which stays its management key), a KYC claim from the platform
 * issuer, and a registration in the fund's IdentityRegistry; then our Holdings and Jurisdiction
 * modules exempt it (it is no investor: no max balance, no holder slot, no country).
 * Idempotent: each step is skipped when the chain already shows it done.
 */
export async function ensureRedemptionWallet(
  admin: AdminSender,
  infra: EvmInfrastructure,
  details: Record<string, string>,
  p: { wallet: string; claimSigner: Signer },
): Promise<{ redemptionAddress: string; redemptionIdentity: string }> {
  const provider = admin.provider;
  const ir = details.identityRegistry!;
  let identity = await readContract<string>(provider, abi.identityRegistry, ir, 'identity', [p.wallet]);
  if (identity === ZeroAddress) {
    // A crash after this deploy leaves an unused identity; the retry makes a new one (harmless).
    identity = await admin.deploy(onchainIdArtifact('IdentityProxy'), infra.identityAuthority, admin.address);
    const topic = BigInt(details.claimTopic!);
    const data = kycClaimData(admin.chainId, PLATFORM_IDENTITY_KEY);
    const signature = await signKycClaim(p.claimSigner, identity, topic, data);
    await admin.call(identity, identityAbi.encodeFunctionData('addClaim', [topic, CLAIM_SCHEME_ECDSA, infra.claimIssuer, signature, data, '0x']));
    await admin.call(ir, abi.identityRegistry.encodeFunctionData('registerIdentity', [p.wallet, identity, PLATFORM_COUNTRY]));
  }
  const mc = details.compliance!;
  for (const [module, iface] of [
    [details.holdingsModule!, abi.holdings],
    [details.jurisdictionModule!, abi.jurisdiction],
  ] as const) {
    if (await readContract<boolean>(provider, iface, module, 'isExempt', [mc, p.wallet])) continue;
    const call = iface.encodeFunctionData('setExempt', [p.wallet, true]);
    await admin.call(mc, abi.compliance.encodeFunctionData('callModuleFunction', [call, module]));
  }
  return { redemptionAddress: p.wallet, redemptionIdentity: identity };
}
