import type { IncomingMessage, ServerResponse } from 'node:http';
import { Keypair } from '@stellar/stellar-sdk';
import { describe, expect, it } from 'vitest';
import { formatAmount } from './amounts.ts';
import { LocalLedger } from './ledger.ts';
import { routeGet } from './routes.ts';
import { LedgerState, type TrustlineEntry } from './state.ts';

/** A trustline map that counts the entries read from it: the work a request does on trustlines. */
class CountingMap<K, V> extends Map<K, V> {
  visits = 0;
  override get(k: K): V | undefined {
    this.visits++;
    return super.get(k);
  }
  override has(k: K): boolean {
    this.visits++;
    return super.has(k);
  }
  override *entries(): MapIterator<[K, V]> {
    for (const e of super.entries()) {
      this.visits++;
      yield e;
    }
  }
  override *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }
  override *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
  override forEach(f: (v: V, k: K, m: Map<K, V>) => void): void {
    for (const [k, v] of this.entries()) f(v, k, this);
  }
}

const BASE = 'http://127.0.0.1:1';
const req = { headers: {} } as IncomingMessage;
const res = {} as ServerResponse;

type AccountRecord = { id: string; paging_token: string; balances: { asset_code?: string; balance: string }[] };

interface Listed {
  /** [account, FUND balance] as listed, page after page. */
  listed: [string, string][];
  /** [account, FUND balance] as seeded, by account id. */
  expected: [string, string][];
  supply: string;
  visits: number;
}

/**
 * A ledger with `n` holders of FUND and, beside them, OTHER held by 1,000 unrelated accounts and
 * by the first 10 FUND holders: what a driver reads for a full reconciliation (every page of
 * /accounts?asset=, then /assets), with the trustline entries it touched.
 */
function listHolders(n: number): Listed {
  const ledger = new LocalLedger({ passphrase: 'holder scaling' });
  const fund = Keypair.random().publicKey();
  const other = Keypair.random().publicKey();
  const holders = Array.from({ length: n }, (_, i) => ({ account: Keypair.random().publicKey(), balance: BigInt(i + 1) }));
  ledger.seedHolders('FUND', fund, holders);
  ledger.seedHolders('OTHER', other, [
    ...Array.from({ length: 1_000 }, () => ({ account: Keypair.random().publicKey(), balance: 1n })),
    ...holders.slice(0, 10),
  ]);
  const lines = new CountingMap<string, TrustlineEntry>(ledger.state.trustlines);
  ledger.state = new LedgerState(ledger.state.accounts, lines, ledger.state.claimableBalances);
  lines.visits = 0;

  const get = <T>(path: string): T[] => {
    const r = routeGet(ledger, BASE, new URL(path, BASE), req, res) as { status: number; body: unknown; raw?: Buffer };
    expect(r.status).toBe(200);
    const body = (r.raw === undefined ? r.body : JSON.parse(r.raw.toString())) as { _embedded: { records: T[] } };
    return body._embedded.records;
  };
  const listed: [string, string][] = [];
  let cursor = '';
  for (;;) {
    const records = get<AccountRecord>(`/accounts?asset=FUND:${fund}&limit=200&order=asc${cursor && `&cursor=${cursor}`}`);
    if (!records.length) break;
    for (const r of records) listed.push([r.id, r.balances.find((b) => b.asset_code === 'FUND')!.balance]);
    cursor = records.at(-1)!.paging_token;
  }
  const [asset] = get<{ balances: { authorized: string } }>(`/assets?asset_code=FUND&asset_issuer=${fund}`);
  const expected = holders.map((h): [string, string] => [h.account, formatAmount(h.balance)]).sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    listed,
    expected,
    supply: asset!.balances.authorized,
    visits: lines.visits,
  };
}

describe('local ledger: listing holders scales with the holders listed', () => {
  it('pages N and 2N holders with work proportional to N, not to every trustline per holder', () => {
    const n = 600;
    const small = listHolders(n);
    const large = listHolders(2 * n);
    for (const [size, l] of [
      [n, small],
      [2 * n, large],
    ] as const) {
      expect(l.listed).toEqual(l.expected);
      expect(l.listed.length).toBe(size);
      // Σ 1..size stroops.
      expect(l.supply).toBe(formatAmount(BigInt((size * (size + 1)) / 2)));
      // Each holder's record reads its own lines (1, or 2 for the 10 holding OTHER too) and the
      // supply sums the asset's lines once: a few visits per holder. A scan of every trustline
      // per record would be size × (size + 1,010).
      expect(l.visits).toBeLessThanOrEqual(3 * size + 50);
    }
    // Twice the holders, twice the work (the other asset's 1,000 lines cost nothing here).
    expect(large.visits / small.visits).toBeLessThan(2.2);
  });
});
