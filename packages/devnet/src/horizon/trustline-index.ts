import { mergeSorted } from '@fiscus/core';

/**
 * The trustlines of each account and the holders of each asset, kept beside the trustline map
 * so that an account record costs O(its lines) and a page of an asset's holders O(page + log N):
 * scanning every trustline per account made listing N holders O(N × all lines).
 *
 * Ledger states are cloned per transaction (twice), so a clone must be cheap: maps are copied
 * shallowly and the arrays they hold are shared. Per-account arrays are small and replaced on
 * change; per-asset holder arrays (up to every account) are copied on first write after a clone.
 */
export class TrustlineIndex {
  /** Account id → trust keys of its lines, in creation order (Horizon lists balances so). */
  readonly #byAccount: Map<string, readonly string[]>;
  /** `code:issuer` → holder account ids, ascending (Horizon's paging order for /accounts). */
  readonly #holders: Map<string, string[]>;
  /** Holder arrays this index may write in place: not shared with any clone. */
  #owned = new Set<string>();

  constructor(byAccount = new Map<string, readonly string[]>(), holders = new Map<string, string[]>()) {
    this.#byAccount = byAccount;
    this.#holders = holders;
  }

  keysOf(account: string): readonly string[] {
    return this.#byAccount.get(account) ?? [];
  }

  holders(code: string, issuer: string): readonly string[] {
    return this.#holders.get(assetKey(code, issuer)) ?? [];
  }

  /** Every asset with at least one trustline. */
  assets(): { code: string; issuer: string }[] {
    return [...this.#holders.keys()].map((k) => {
      const at = k.indexOf(':');
      return { code: k.slice(0, at), issuer: k.slice(at + 1) };
    });
  }

  /** A new line (the caller checked that `key` was absent). */
  add(key: string, account: string, code: string, issuer: string): void {
    this.#byAccount.set(account, [...this.keysOf(account), key]);
    const ids = this.#writable(assetKey(code, issuer));
    ids.splice(lowerBound(ids, account), 0, account);
  }

  remove(key: string, account: string, code: string, issuer: string): void {
    const rest = this.keysOf(account).filter((k) => k !== key);
    if (rest.length) this.#byAccount.set(account, rest);
    else this.#byAccount.delete(account);
    const asset = assetKey(code, issuer);
    const ids = this.#writable(asset);
    const at = lowerBound(ids, account);
    if (ids[at] === account) ids.splice(at, 1);
    if (!ids.length) {
      this.#holders.delete(asset);
      this.#owned.delete(asset);
    }
  }

  /**
   * Many new lines at once (bulk loads, building from a map): one sort and merge per asset
   * instead of one insertion each, which would move O(N) ids per line.
   */
  addMany(lines: Iterable<{ key: string; account: string; code: string; issuer: string }>): void {
    const added = new Map<string, string[]>();
    for (const l of lines) {
      this.#byAccount.set(l.account, [...this.keysOf(l.account), l.key]);
      const asset = assetKey(l.code, l.issuer);
      const ids = added.get(asset);
      if (ids) ids.push(l.account);
      else added.set(asset, [l.account]);
    }
    for (const [asset, ids] of added) {
      ids.sort(byId);
      const old = this.#holders.get(asset);
      this.#holders.set(asset, old?.length ? mergeSorted(old, ids) : ids);
      this.#owned.add(asset);
    }
  }

  clone(): TrustlineIndex {
    // Both sides now share every holder array: neither may write one in place any more.
    this.#owned = new Set();
    return new TrustlineIndex(new Map(this.#byAccount), new Map(this.#holders));
  }

  #writable(asset: string): string[] {
    let ids = this.#holders.get(asset);
    if (!ids) {
      ids = [];
      this.#holders.set(asset, ids);
      this.#owned.add(asset);
    } else if (!this.#owned.has(asset)) {
      ids = [...ids];
      this.#holders.set(asset, ids);
      this.#owned.add(asset);
    }
    return ids;
  }
}

const assetKey = (code: string, issuer: string) => `${code}:${issuer}`;
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Index of the first id not below `id`. */
function lowerBound(ids: readonly string[], id: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
