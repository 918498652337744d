import { Transaction, hexlify, type JsonRpcProvider } from 'ethers';
import type { PreparedTx, Signer } from '@fiscus/core';
import { bumpedFees, eip1559Fees, type Eip1559Fees, type FeePolicy } from '../rpc/fees.ts';
import { signTransaction } from '../signer/ethereum.ts';

/** Gas of a plain value transfer: a filler needs no more. */
const TRANSFER_GAS = 21_000n;

export interface ReplaceContext {
  provider: JsonRpcProvider;
  chainId: bigint;
  /** The driver's key for an address it signs as (operator, role keys, admin); throws for others. */
  signerOf: (address: string) => Signer;
  fees: FeePolicy;
}

/** A zero-value self-transfer at `nonce`: consumes it, changes nothing. */
export async function signFiller(c: ReplaceContext, signer: string, nonce: bigint, fees: Eip1559Fees, what: string): Promise<PreparedTx> {
  const { raw, hash } = await signTransaction(c.signerOf(signer), {
    type: 2,
    chainId: c.chainId,
    nonce: Number(nonce),
    to: signer,
    value: 0n,
    data: '0x',
    gasLimit: TRANSFER_GAS,
    ...fees,
  });
  return toPrepared(raw, hash, signer, nonce, `eip155:${c.chainId} ${what} (nonce ${nonce})`);
}

/** The same call at the same nonce with higher fees; null when the policy's cap leaves no room. */
export async function signFeeBump(c: ReplaceContext, previous: PreparedTx): Promise<PreparedTx | null> {
  const old = Transaction.from(hexlify(previous.raw));
  const fees = bumpedFees(feesOf(old), await eip1559Fees(c.provider, c.fees), c.fees);
  if (!fees) return null;
  const { raw, hash } = await signTransaction(c.signerOf(previous.signer), {
    type: 2,
    chainId: c.chainId,
    nonce: old.nonce,
    to: old.to,
    value: old.value,
    data: old.data,
    gasLimit: old.gasLimit,
    ...fees,
  });
  return toPrepared(raw, hash, previous.signer, previous.sequence, `${previous.description} (replacement)`);
}

/** A filler priced to replace `previous` at its nonce (it may pass the cap: 21,000 gas). */
export async function signReplacingFiller(c: ReplaceContext, previous: PreparedTx): Promise<PreparedTx> {
  const old = Transaction.from(hexlify(previous.raw));
  const fees = bumpedFees(feesOf(old), await eip1559Fees(c.provider, c.fees, true), c.fees, true)!;
  return signFiller(c, previous.signer, previous.sequence, fees, 'sequence filler replacing an abandoned transaction');
}

const feesOf = (t: Transaction): Eip1559Fees => ({ maxFeePerGas: t.maxFeePerGas ?? 0n, maxPriorityFeePerGas: t.maxPriorityFeePerGas ?? 0n });

const toPrepared = (raw: string, hash: string, signer: string, sequence: bigint, description: string): PreparedTx => ({
  hash,
  raw: new Uint8Array(Buffer.from(raw.slice(2), 'hex')),
  signer,
  sequence,
  description,
});
