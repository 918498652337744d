import type { ChainEvent, Deployment } from '@fiscus/core';
import type { EvmDriver } from '../driver/evm-driver.ts';
import { formatCursor } from '../driver/logs.ts';
import type { CursorStore } from './cursor-store.ts';

export interface IndexerOptions {
  driver: EvmDriver;
  deployment: Deployment;
  store: CursorStore;
  /** Cursor key; default `<chain>:<token>`. */
  key?: string;
  /** Only events at least this many blocks under the head are delivered (reorg safety); default 0. */
  depth?: number;
  /** Receives events in chain order; the cursor moves only after it resolves (at-least-once). */
  onEvents(events: ChainEvent[]): Promise<void>;
}

/**
 * Follows a token's Transfer, identity and freeze events from a persisted cursor. Delivery is
 * at-least-once: a crash between `onEvents` and the cursor save replays that page, so consumers
 * key what they write by (txHash, index) — the ledger's unique constraint does exactly that.
 */
export class EvmEventIndexer {
  readonly #o: IndexerOptions;
  readonly #key: string;

  constructor(o: IndexerOptions) {
    this.#o = o;
    this.#key = o.key ?? `${o.deployment.chain}:${o.deployment.details.token}`;
  }

  /** Delivers every final event after the stored cursor; returns how many were delivered. */
  async poll(): Promise<number> {
    const { driver, deployment, store } = this.#o;
    const finalHead = BigInt(await driver.provider.getBlockNumber()) - BigInt(this.#o.depth ?? 0);
    let cursor = await store.load(this.#key);
    let delivered = 0;
    for (;;) {
      const page = await driver.events(deployment, cursor);
      const final = page.items.filter((e) => e.block <= finalHead);
      if (final.length > 0) {
        await this.#o.onEvents(final);
        cursor = formatCursor(final.at(-1)!);
        await store.save(this.#key, cursor);
        delivered += final.length;
      }
      // Stop at the first page that reaches past the final head, or when nothing is left.
      if (final.length < page.items.length || !page.next) return delivered;
    }
  }
}
