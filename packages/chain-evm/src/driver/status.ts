import { Transaction, hexlify, type JsonRpcProvider, type TransactionReceipt } from 'ethers';
import { FiscusError, type PreparedTx, type TxStatus } from '@fiscus/core';
import { parseEvmError } from '../rpc/errors.ts';

/**
 * Where a signed transaction stands. The nonce is read BEFORE the receipt: if the nonce was
 * already consumed and still no receipt exists for our hash, another transaction consumed it
 * (ours would have its receipt by then), so "dropped" is never said of a tx that is landing.
 */
export async function txStatus(provider: JsonRpcProvider, tx: PreparedTx, depth: number): Promise<TxStatus> {
  const consumed = BigInt(await provider.getTransactionCount(tx.signer, 'latest'));
  const receipt = await provider.getTransactionReceipt(tx.hash);
  if (receipt) {
    // Reorg: a receipt from a block that left the canonical chain is not a confirmation.
    const canonical = await provider.getBlock(receipt.blockNumber);
    if (canonical?.hash !== receipt.blockHash) return { kind: 'pending' };
    const block = BigInt(receipt.blockNumber);
    if (receipt.status === 1) {
      const head = BigInt(await provider.getBlockNumber());
      return { kind: 'confirmed', block, final: head - block >= BigInt(depth) };
    }
    return { kind: 'failed', error: await revertError(provider, tx, receipt), block };
  }
  if (await provider.getTransaction(tx.hash)) return { kind: 'pending' };
  if (consumed > tx.sequence) return { kind: 'dropped', reason: `nonce ${tx.sequence} consumed by another transaction`, sequenceConsumed: true };
  return { kind: 'unknown' };
}

/** Why a mined transaction reverted: replay it with eth_call on the state before its block. */
async function revertError(provider: JsonRpcProvider, tx: PreparedTx, receipt: TransactionReceipt): Promise<FiscusError> {
  const signed = Transaction.from(hexlify(tx.raw));
  if (signed.gasLimit === receipt.gasUsed) return new FiscusError('TX_FAILED', `out of gas (limit ${signed.gasLimit})`);
  try {
    await provider.call({ from: signed.from!, to: signed.to, data: signed.data, gasLimit: signed.gasLimit, blockTag: receipt.blockNumber - 1 });
  } catch (e) {
    return parseEvmError(e);
  }
  return new FiscusError('TX_FAILED', `transaction ${tx.hash} reverted in block ${receipt.blockNumber}`);
}
