import { AbiCoder, keccak256, toUtf8Bytes } from 'ethers';
import { describe, expect, it } from 'vitest';
import { kycClaimData, kycClaimTopic } from './claim.ts';

describe('KYC claims are bound to one chain', () => {
  it('uses a different claim topic per chain, so a claim for one chain does not satisfy another', () => {
    expect(kycClaimTopic(1n)).not.toBe(kycClaimTopic(31_337n));
    expect(kycClaimTopic(1n)).toBe(BigInt(keccak256(toUtf8Bytes('fiscus:kyc:eip155:1'))));
  });

  it('names the chain and a hash of the investor id (no personal data) in the claim data', () => {
    const [chainId, investor] = AbiCoder.defaultAbiCoder().decode(['uint256', 'bytes32'], kycClaimData(43_114n, 'inv_42'));
    expect(chainId).toBe(43_114n);
    expect(investor).toBe(keccak256(toUtf8Bytes('inv_42')));
  });
});
