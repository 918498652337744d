import { mergeSorted } from '@fiscus/core';
import { ZeroAddress } from 'ethers';

const ZERO = ZeroAddress.toLowerCase();

/** First index in `sorted` whose value is > `after`. */
function firstAbove(sorted: string[], after: string | undefined): number {
  if (after === undefined) return 0;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! > after) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Every address that ever received a token (lower-cased, sorted), up to `scannedTo`: the holder
 * candidates of one deployment, grown from new logs only. Balances decide who holds now; an
 * address that emptied its balance stays a candidate (its zero balance filters it out).
 */
export class HolderIndex {
  #sorted: string[] = [];
  readonly #known = new Set<string>();

  constructor(
    /** Last block whose Transfer logs are all indexed. */
    public scannedTo: bigint,
  ) {}

  get size(): number {
    return this.#known.size;
  }

  /** Adds the recipients of blocks up to `to` (merging the new ones: no full re-sort). */
  add(recipients: string[], to: bigint): void {
    const fresh = [...new Set(recipients)].filter((a) => a !== ZERO && !this.#known.has(a)).sort();
    for (const a of fresh) this.#known.add(a);
    if (fresh.length > 0) this.#sorted = mergeSorted(this.#sorted, fresh);
    this.scannedTo = to;
  }

  /** Up to `size` candidates after `after`, with `extra` (recipients not indexed yet) merged in. */
  page(after: string | undefined, size: number, extra: string[] = []): { page: string[]; more: boolean } {
    const start = firstAbove(this.#sorted, after);
    const indexed = this.#sorted.slice(start, start + size + 1);
    const others = [...new Set(extra)].filter((a) => a !== ZERO && !this.#known.has(a) && (after === undefined || a > after)).sort();
    const all = others.length ? mergeSorted(indexed, others) : indexed;
    const remaining = this.#sorted.length - start + others.length;
    return { page: all.slice(0, size), more: remaining > size };
  }
}
