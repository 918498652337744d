import { AbiCoder, concat, getCreate2Address, keccak256, toUtf8Bytes } from 'ethers';
import type { Signer } from '@fiscus/core';
import { onchainIdArtifact } from '../contracts/artifacts.ts';
import { personalSignHash } from '../signer/ethereum.ts';

const coder = AbiCoder.defaultAbiCoder();

/**
 * The KYC claim topic is per chain. ONCHAINID claims carry no chain id, so a claim signed for
 * chain A would verify on chain B wherever the identity address and issuer key coincide. A
 * chain-bound topic makes stock T-REX (which requires this topic) refuse such a replay; the
 * claim data names the chain as well, for anyone reading the claim.
 */
export const kycClaimTopic = (chainId: bigint): bigint => BigInt(keccak256(toUtf8Bytes(`fiscus:kyc:eip155:${chainId}`)));

/**
 * Claim data: (chain id, keccak256(investor id)); no personal data on chain. Kept to two words
 * because the identity stores it: every extra 32 bytes is another storage slot per authorize.
 */
export const kycClaimData = (chainId: bigint, investorId: string): string =>
  coder.encode(['uint256', 'bytes32'], [chainId, keccak256(toUtf8Bytes(investorId))]);

/**
 * The CREATE2 address the identity factory gives an investor's identity when the onboarder
 * creates it (`createIdentityWithManagementKeys` deploys IdentityProxy(authority, factory) with
 * salt "OID" + key). Known before the identity exists, so its claim can be signed in prepare().
 */
export function predictIdentityAddress(p: { idFactory: string; identityAuthority: string; investorKey: string }): string {
  const init = concat([onchainIdArtifact('IdentityProxy').bytecode, coder.encode(['address', 'address'], [p.identityAuthority, p.idFactory])]);
  return getCreate2Address(p.idFactory, keccak256(toUtf8Bytes(`OID${p.investorKey}`)), keccak256(init));
}

/** Signs a claim exactly as ClaimIssuer.isClaimValid checks it: personal_sign(keccak(abi.encode(identity, topic, data))). */
export function signKycClaim(signer: Signer, identity: string, topic: bigint, data: string): Promise<string> {
  return personalSignHash(signer, keccak256(coder.encode(['address', 'uint256', 'bytes'], [identity, topic, data])));
}
