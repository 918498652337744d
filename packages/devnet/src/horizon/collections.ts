import type { LedgerEvent, StoredOp, StoredTx } from './history.ts';
import type { LocalLedger } from './ledger.ts';
import { BadQuery, compareTokens, type PageQuery } from './paging.ts';
import { accountText } from './account-text.ts';
import { accountJson, ledgerJson, opJson, txJson } from './records.ts';

/** A Horizon collection: its records in paging order, and how a new ledger event extends it. */
export interface Collection {
  items(): { token: string; json: unknown }[];
  /** For streaming: the record an event adds to this collection, if any. */
  fromEvent(e: LedgerEvent): { token: string; json: unknown } | undefined;
  /**
   * One page without building every record: the collections that grow with the ledger (an
   * issuer's operations, an asset's holders) find the cursor by binary search, so paging through
   * N records costs O(N), not O(N²/page). Absent: `items()` is paged (small collections).
   */
  page?(q: PageQuery): { token: string; json: unknown }[];
  /** `page`, with each record already as JSON text (large records on long listings). */
  pageText?(q: PageQuery): { token: string; text: string }[];
}

/** Index of the first of `n` records (ascending by token) whose token is above `cursor`. */
function firstAbove(n: number, token: (i: number) => string, cursor: string): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareTokens(token(mid), cursor) > 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Walks records (ascending by token) from the cursor in the page's order, keeping those `keep`
 * accepts, until the page is full.
 */
function walk<T>(records: readonly T[], token: (t: T) => string, q: PageQuery, keep: (t: T) => boolean): T[] {
  if (q.cursor === 'now') return [];
  const out: T[] = [];
  const at = (i: number) => token(records[i]!);
  if (q.order === 'asc') {
    for (let i = q.cursor === undefined ? 0 : firstAbove(records.length, at, q.cursor); i < records.length && out.length < q.limit; i++) {
      if (keep(records[i]!)) out.push(records[i]!);
    }
  } else {
    // Records strictly below the cursor: those before the first one at or above it.
    let i = q.cursor === undefined ? records.length - 1 : firstAbove(records.length, at, q.cursor) - 1;
    if (q.cursor !== undefined && i >= 0 && compareTokens(at(i), q.cursor) === 0) i--;
    for (; i >= 0 && out.length < q.limit; i--) if (keep(records[i]!)) out.push(records[i]!);
  }
  return out;
}

const PAYMENT_TYPES = new Set(['create_account', 'payment', 'path_payment_strict_receive', 'path_payment_strict_send', 'account_merge']);

export interface OpFilter {
  account?: string;
  txHash?: string;
  paymentsOnly?: boolean;
  /** Operations that created, claimed or clawed back this claimable balance. */
  balanceId?: string;
  includeFailed: boolean;
}

export function operations(ledger: LocalLedger, base: string, f: OpFilter): Collection {
  const keep = (o: StoredOp) =>
    (f.includeFailed || o.successful) &&
    (!f.paymentsOnly || PAYMENT_TYPES.has(o.type)) &&
    (!f.txHash || o.txHash === f.txHash || ledger.tx(f.txHash)?.hash === o.txHash) &&
    (!f.account || o.source === f.account || o.participants.includes(f.account)) &&
    (!f.balanceId || o.balanceId === f.balanceId);
  const row = (o: StoredOp) => ({ token: o.id.toString(), json: opJson(base, o) });
  return {
    items: () => ledger.ops.filter(keep).map(row),
    fromEvent: (e) => (e.kind === 'op' && keep(e.op) ? row(e.op) : undefined),
    // ledger.ops is appended in TOID order.
    page: (q) => walk(ledger.ops, (o) => o.id.toString(), q, keep).map(row),
  };
}

export function transactions(ledger: LocalLedger, base: string, f: { account?: string; includeFailed: boolean }): Collection {
  const involves = (t: StoredTx, a: string) =>
    t.parsed.inner.source === a || t.parsed.feeSource === a || ledger.ops.some((o) => o.txHash === t.hash && (o.source === a || o.participants.includes(a)));
  const keep = (t: StoredTx) => (f.includeFailed || t.successful) && (!f.account || involves(t, f.account));
  const row = (t: StoredTx) => ({ token: t.id.toString(), json: txJson(base, t) });
  return {
    items: () => ledger.txs.filter(keep).map(row),
    fromEvent: (e) => (e.kind === 'tx' && keep(e.tx) ? row(e.tx) : undefined),
  };
}

export function ledgers(ledger: LocalLedger, base: string): Collection {
  const row = (l: LocalLedger['latest']) => ({ token: (BigInt(l.sequence) << 32n).toString(), json: ledgerJson(base, l) });
  return { items: () => ledger.ledgers.map(row), fromEvent: (e) => (e.kind === 'ledger' ? row(e.ledger) : undefined) };
}

/** GET /accounts?asset=CODE:ISSUER — the holders of an asset (one trustline each), by account id. */
export function accountsForAsset(ledger: LocalLedger, base: string, asset: string | null): Collection {
  if (!asset) throw new BadQuery('this ledger supports /accounts only with ?asset=CODE:ISSUER');
  const [code, issuer] = asset.split(':');
  const row = (id: string) => ({ token: id, json: accountJson(base, ledger.state, ledger.state.account(id)!) });
  const text = (id: string) => ({ token: id, text: accountText(base, ledger.state, ledger.state.account(id)!) });
  // The state's holder index: sorted, so a page is a binary search for the cursor plus the page.
  const ids = () => ledger.state.holdersOf(code!, issuer!);
  return {
    items: () => ids().map(row),
    fromEvent: () => undefined,
    page: (q) =>
      walk(
        ids(),
        (id) => id,
        q,
        () => true,
      ).map(row),
    pageText: (q) =>
      walk(
        ids(),
        (id) => id,
        q,
        () => true,
      ).map(text),
  };
}
