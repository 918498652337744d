import { Transaction, hexlify, toQuantity, type JsonRpcProvider, type TransactionReceipt } from 'ethers';
import { FiscusError, type PreparedTx, type TxStatus } from '@fiscus/core';
import { parseEvmError } from '../errors.ts';
import { finalBlockNumber, type EvmFinality } from './finality.ts';

/**
 * Where a signed transaction stands, a pure function of one PreparedTx (the engine may ask about
 * several hashes at one nonce: each answers for itself).
 *
 * `confirmed.final` compares the receipt's block with ONE final block number (the node's
 * `finalized` tag or head − depth). `dropped` is never inferred from missing answers: a
 * load-balanced RPC whose lagging backend answers null for receipts, or a reorg between reads,
 * would make a landed transaction look dropped and the engine would sign a second one that also
 * lands. So `dropped` needs a proof read from final blocks only, each read pinned to a block
 * number (see provablyDropped).
 */
export async function txStatus(provider: JsonRpcProvider, tx: PreparedTx, finality: EvmFinality): Promise<TxStatus> {
  const receipt = await provider.getTransactionReceipt(tx.hash);
  if (receipt) return fromReceipt(provider, tx, receipt, finality);
  if (await provider.getTransaction(tx.hash)) return { kind: 'pending' };
  const final = await finalBlockNumber(provider, finality);
  const consumedAtFinal = final < 0n ? 0n : BigInt(await provider.getTransactionCount(tx.signer, toQuantity(final)));
  if (consumedAtFinal > tx.sequence) return provablyDropped(provider, tx, final);
  // Consumed in a block that is not final yet (by ours, whose receipt this backend lacks, or by
  // another that a reorg could still drop): wait. Resending would only hear "nonce too low".
  if (BigInt(await provider.getTransactionCount(tx.signer, 'latest')) > tx.sequence) return { kind: 'pending' };
  return { kind: 'unknown' };
}

async function fromReceipt(provider: JsonRpcProvider, tx: PreparedTx, receipt: TransactionReceipt, finality: EvmFinality): Promise<TxStatus> {
  // Read before the canonical check: a block at or under it that is canonical now stays canonical.
  const final = await finalBlockNumber(provider, finality);
  // Reorg: a receipt from a block that left the canonical chain is not a confirmation.
  const canonical = await provider.getBlock(receipt.blockNumber);
  if (canonical?.hash !== receipt.blockHash) return { kind: 'pending' };
  const block = BigInt(receipt.blockNumber);
  if (receipt.status === 1) return { kind: 'confirmed', block, final: block <= final };
  // `failed` is terminal for the engine (the operation fails, a move compensates): a revert in a
  // block a reorg can still drop may land again elsewhere and succeed, so it waits for finality too.
  if (block > final) return { kind: 'pending' };
  return { kind: 'failed', error: await revertError(provider, tx, receipt), block };
}

/**
 * Our signer's nonce was consumed at the final block `final` and no node answer showed our hash.
 * Find the final block where the nonce was consumed (binary search on the nonce, each read pinned
 * to a block number) and look at the transaction it holds from our signer with our nonce: another
 * hash there proves ours can never land; our own hash there means it landed and the receipt read
 * lagged. Any missing answer (a backend without that block) decides nothing: pending.
 */
async function provablyDropped(provider: JsonRpcProvider, tx: PreparedTx, final: bigint): Promise<TxStatus> {
  const at = await consumingBlock(provider, tx.signer, tx.sequence, final);
  const block = await provider.getBlock(at, true);
  const winner = block?.prefetchedTransactions.find((t) => t.from.toLowerCase() === tx.signer.toLowerCase() && BigInt(t.nonce) === tx.sequence);
  if (!winner || winner.hash.toLowerCase() === tx.hash.toLowerCase()) return { kind: 'pending' };
  return { kind: 'dropped', reason: `nonce ${tx.sequence} consumed by ${winner.hash} in final block ${at}`, sequenceConsumed: true };
}

/**
 * The lowest block ≤ `final` after which `signer` had sent more than `sequence` transactions.
 * Searches backwards in doubling steps (recent blocks first: a node that prunes old state answers
 * them), then bisects. A node that no longer has a block's state throws: the caller retries, it
 * never guesses.
 */
async function consumingBlock(provider: JsonRpcProvider, signer: string, sequence: bigint, final: bigint): Promise<bigint> {
  const consumedAt = async (b: bigint) => b >= 0n && BigInt(await provider.getTransactionCount(signer, toQuantity(b))) > sequence;
  let hi = final; // consumed here
  let lo = final - 1n; // not consumed here: to be established
  for (let step = 1n; await consumedAt(lo); step *= 2n) {
    hi = lo;
    lo = final - step * 2n < -1n ? -1n : final - step * 2n;
  }
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (await consumedAt(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
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
