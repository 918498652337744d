import { Wallet, encryptKeystoreJson } from 'ethers';
import type { Signer } from '@fiscus/core';
import { memorySecp256k1Signer } from '../memory.ts';

/**
 * secp256k1 keys at rest as Web3 Secret Storage v3 JSON (scrypt + aes-128-ctr + keccak MAC): the
 * format geth, Foundry (`cast wallet import`) and ethers read and write, so operators can create
 * the file with the tool they already trust.
 */

export interface ScryptCost {
  /** scrypt N (a power of two); default 2^18 as geth. Tests lower it. */
  N?: number;
}

export function encryptSecp256k1Keystore(privateKey: string, passphrase: string, cost: ScryptCost = {}): Promise<string> {
  const w = new Wallet(privateKey);
  return encryptKeystoreJson({ address: w.address, privateKey: w.privateKey }, passphrase, cost.N ? { scrypt: { N: cost.N } } : {});
}

/** Unlocks a keystore JSON; a wrong passphrase fails (the MAC does not match). */
export async function openSecp256k1Keystore(json: string, passphrase: string): Promise<Signer> {
  const wallet = await Wallet.fromEncryptedJson(json, passphrase);
  return memorySecp256k1Signer(wallet.privateKey);
}
