import type { LedgerEvent, StoredOp, StoredTx } from './history.ts';
import type { LocalLedger } from './ledger.ts';
import { BadQuery } from './paging.ts';
import { accountJson, ledgerJson, opJson, txJson } from './records.ts';

/** A Horizon collection: its records in paging order, and how a new ledger event extends it. */
export interface Collection {
  items(): { token: string; json: unknown }[];
  /** For streaming: the record an event adds to this collection, if any. */
  fromEvent(e: LedgerEvent): { token: string; json: unknown } | undefined;
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
  const items = () =>
    [...ledger.state.trustlines.values()]
      .filter((t) => t.code === code && t.issuer === issuer)
      .map((t) => ledger.state.account(t.account)!)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((a) => ({ token: a.id, json: accountJson(base, ledger.state, a) }));
  return { items, fromEvent: () => undefined };
}
