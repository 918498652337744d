import type { ApiKeyRow } from '@fiscus/ledger';

/** How long a verified key is trusted without reading its row again (FISCUS_API_KEY_CACHE_MS). */
export const DEFAULT_API_KEY_CACHE_MS = 5_000;
/** Bounds the memory a stream of distinct valid keys can take; the oldest entry goes first. */
const MAX_ENTRIES = 10_000;

/**
 * Verified API key rows, so a read costs one query instead of two. Only keys that passed (found,
 * not revoked, secret matched) are kept, and the secret is checked against the row's hash on
 * every request, so a wrong secret never rides on a cached row. A key revoked through this
 * process is refused at once and never cached again here (`forget`); one revoked through another
 * process is refused here within `ttlMs` — the bound the README states.
 */
export class ApiKeyCache {
  readonly #ttlMs: number;
  readonly #rows = new Map<string, { row: ApiKeyRow; until: number }>();
  /** Ids revoked here: always read from the database, so a revocation racing its own commit cannot be cached. */
  readonly #forgotten = new Set<string>();

  constructor(ttlMs: number = DEFAULT_API_KEY_CACHE_MS) {
    this.#ttlMs = ttlMs;
  }

  get(id: string, now = Date.now()): ApiKeyRow | undefined {
    const hit = this.#rows.get(id);
    if (!hit) return undefined;
    if (hit.until > now) return hit.row;
    this.#rows.delete(id);
    return undefined;
  }

  set(row: ApiKeyRow, now = Date.now()): void {
    if (this.#ttlMs <= 0 || row.revokedAt || this.#forgotten.has(row.id)) return;
    this.#rows.delete(row.id); // re-inserted last: Map order is the eviction order
    this.#rows.set(row.id, { row, until: now + this.#ttlMs });
    if (this.#rows.size > MAX_ENTRIES) this.#rows.delete(this.#rows.keys().next().value!);
  }

  forget(id: string): void {
    this.#forgotten.add(id);
    this.#rows.delete(id);
  }
}
