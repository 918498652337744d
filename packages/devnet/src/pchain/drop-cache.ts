/**
 * avalanchego's cache of drop reasons (vms/txs/mempool/mempool.go droppedTxIDs): the last 64
 * txs that failed verification, with the error. MarkDropped puts (most recent last); a tx that
 * enters the mempool is evicted. In memory only, as on a node: a restart forgets the reasons.
 */
export const DROPPED_TX_IDS_CACHE_SIZE = 64;

export class DropCache {
  readonly #reasons = new Map<string, string>();

  markDropped(txId: string, reason: string): void {
    this.#reasons.delete(txId);
    this.#reasons.set(txId, reason);
    if (this.#reasons.size > DROPPED_TX_IDS_CACHE_SIZE) this.#reasons.delete(this.#reasons.keys().next().value!);
  }

  /** lru.Cache.Get also refreshes the entry. */
  reason(txId: string): string | undefined {
    const r = this.#reasons.get(txId);
    if (r !== undefined) this.markDropped(txId, r);
    return r;
  }

  evict(txId: string): void {
    this.#reasons.delete(txId);
  }
}
