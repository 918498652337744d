import { Transaction, Wallet, verifyMessage, getBytes } from 'ethers';
import { describe, expect, it } from 'vitest';
import { devSecp256k1Signer } from './dev-signer.ts';
import { personalSignHash, signTransaction, signerAddress } from './ethereum.ts';

const KEY = '0x0123456789012345678901234567890123456789012345678901234567890123';
const FIELDS = {
  type: 2,
  chainId: 31337n,
  nonce: 7,
  to: '0x000000000000000000000000000000000000dEaD',
  data: '0x1234',
  gasLimit: 90_000n,
  maxFeePerGas: 3n * 10n ** 9n,
  maxPriorityFeePerGas: 10n ** 9n,
};

describe('secp256k1 Signer → Ethereum', () => {
  const signer = devSecp256k1Signer(KEY);

  it('exposes only the Signer interface, with a compressed public key', () => {
    expect(Object.keys(signer).sort()).toEqual(['algorithm', 'keyId', 'publicKey', 'sign']);
    expect(signer.publicKey).toHaveLength(33);
    expect(signerAddress(signer)).toBe(new Wallet(KEY).address);
  });

  it('signs EIP-1559 transactions byte-identically to an ethers Wallet', async () => {
    const ours = await signTransaction(signer, FIELDS);
    const theirs = await new Wallet(KEY).signTransaction(FIELDS);
    expect(ours.raw).toBe(theirs);
    expect(ours.hash).toBe(Transaction.from(theirs).hash);
    expect(Transaction.from(ours.raw).from).toBe(new Wallet(KEY).address);
  });

  it('personal_sign of a hash verifies to the signer (ONCHAINID claim format)', async () => {
    const hash = `0x${'ab'.repeat(32)}`;
    const sig = await personalSignHash(signer, hash);
    expect(verifyMessage(getBytes(hash), sig)).toBe(signerAddress(signer));
  });

  it('refuses a signer whose signatures do not recover to its public key', async () => {
    const liar = { ...signer, sign: devSecp256k1Signer().sign };
    await expect(signTransaction(liar, FIELDS)).rejects.toThrow(/does not recover/);
  });

  it('refuses ed25519 signers', () => {
    expect(() => signerAddress({ ...signer, algorithm: 'ed25519' })).toThrow(/secp256k1/);
  });
});
