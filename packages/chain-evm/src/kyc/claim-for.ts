import { ZeroAddress, keccak256, toUtf8Bytes, type JsonRpcProvider } from 'ethers';
import { FiscusError, type Signer } from '@fiscus/core';
import { abi } from '../contracts/abi.ts';
import type { EvmInfrastructure } from '../deploy/infrastructure.ts';
import { readContract } from '../rpc/read.ts';
import { kycClaimData, predictIdentityAddress, signKycClaim } from './claim.ts';

/**
 * The KYC claim an authorize carries: bound to the investor's identity (the existing one, or
 * the CREATE2 address the factory will give it inside the same transaction) and to this chain.
 */
export async function kycClaimFor(p: {
  provider: JsonRpcProvider;
  chainId: bigint;
  infra: EvmInfrastructure;
  details: Record<string, string>;
  claimSigner: Signer;
  investorId: string;
}): Promise<{ signature: string; data: string }> {
  const { onboarder, claimTopic } = p.details;
  if (!onboarder || !claimTopic) throw new FiscusError('NOT_DEPLOYED', 'deployment has no onboarder / claim topic');
  let identity = await readContract<string>(p.provider, abi.onboarder, onboarder, 'identityOfInvestor', [keccak256(toUtf8Bytes(p.investorId))]);
  if (identity === ZeroAddress) {
    identity = predictIdentityAddress({ idFactory: p.infra.idFactory, identityAuthority: p.infra.identityAuthority, investorKey: p.investorId });
  }
  const data = kycClaimData(p.chainId, p.investorId);
  return { signature: await signKycClaim(p.claimSigner, identity, BigInt(claimTopic), data), data };
}
