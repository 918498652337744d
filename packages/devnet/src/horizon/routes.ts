import type { IncomingMessage, ServerResponse } from 'node:http';
import { assetRecords } from './assets.ts';
import { accountsForAsset, ledgers, operations, transactions, type Collection } from './collections.ts';
import { friendbot } from './friendbot.ts';
import type { LocalLedger, SubmitAnswer } from './ledger.ts';
import { pageBody, pageBytes, pageQuery, selectPage } from './paging.ts';
import { accountJson, ledgerJson, opJson, txJson } from './records.ts';
import { BASE_FEE } from './state.ts';
import { stream } from './sse.ts';

/** `raw`: the body already serialized as JSON (then `body` is not used). */
export type Reply = { status: number; body: unknown; raw?: Buffer } | 'streamed';

const ID = '([A-Z2-7]{56})';
const notFound = (): Reply => ({
  status: 404,
  body: {
    type: 'https://stellar.org/horizon-errors/not_found',
    title: 'Resource Missing',
    status: 404,
    detail: 'The resource at the url requested was not found.',
  },
});

/** Routes one GET request of the Horizon subset; POST /transactions is handled by the server. */
export function routeGet(ledger: LocalLedger, base: string, url: URL, req: IncomingMessage, res: ServerResponse): Reply | Promise<Reply> {
  const p = url.pathname.replace(/\/+$/, '') || '/';
  const includeFailed = url.searchParams.get('include_failed') === 'true';
  const list = (c: Collection): Reply => {
    const q = pageQuery(url);
    if (req.headers.accept?.includes('text/event-stream')) return (stream(req, res, ledger, c, q), 'streamed');
    if (c.pageText) {
      const rows = c.pageText(q).map((r) => ({ paging_token: r.token, text: r.text }));
      return { status: 200, body: undefined, raw: pageBytes(url, q, rows) };
    }
    const records = (c.page ? c.page(q) : selectPage(c.items(), (r) => r.token, q)).map((r) => r.json as { paging_token: string });
    return { status: 200, body: pageBody(url, q, records) };
  };
  let m: RegExpMatchArray | null;
  if (p === '/') return { status: 200, body: root(ledger, base) };
  if (p === '/fee_stats') return { status: 200, body: feeStats(ledger) };
  if (p === '/friendbot') return friendbot(ledger, url.searchParams.get('addr')).then((a) => reply(base, a));
  if (p === '/ledgers') return list(ledgers(ledger, base));
  if ((m = p.match(/^\/ledgers\/(\d+)$/))) {
    const l = ledger.ledgers.find((x) => x.sequence === Number(m![1]));
    return l ? { status: 200, body: ledgerJson(base, l) } : notFound();
  }
  if (p === '/accounts') return list(accountsForAsset(ledger, base, url.searchParams.get('asset')));
  if ((m = p.match(new RegExp(`^/accounts/${ID}$`)))) {
    const a = ledger.state.account(m[1]!);
    return a ? { status: 200, body: accountJson(base, ledger.state, a) } : notFound();
  }
  if ((m = p.match(new RegExp(`^/accounts/${ID}/(operations|payments|transactions)$`)))) {
    if (!ledger.state.account(m[1]!)) return notFound();
    if (m[2] === 'transactions') return list(transactions(ledger, base, { account: m[1], includeFailed }));
    return list(operations(ledger, base, { account: m[1], paymentsOnly: m[2] === 'payments', includeFailed }));
  }
  if (p === '/transactions') return list(transactions(ledger, base, { includeFailed }));
  if ((m = p.match(/^\/transactions\/([0-9a-f]{64})$/))) {
    const t = ledger.tx(m[1]!);
    return t ? { status: 200, body: txJson(base, t) } : notFound();
  }
  if ((m = p.match(/^\/transactions\/([0-9a-f]{64})\/(operations|payments)$/))) {
    if (!ledger.tx(m[1]!)) return notFound();
    return list(operations(ledger, base, { txHash: m[1], paymentsOnly: m[2] === 'payments', includeFailed: true }));
  }
  if ((m = p.match(/^\/claimable_balances\/(00000000[0-9a-fA-F]{64})\/operations$/))) {
    // Served from history, so it answers after the balance was claimed, as Horizon does.
    return list(operations(ledger, base, { balanceId: m[1]!.toLowerCase(), includeFailed }));
  }
  if (p === '/operations' || p === '/payments') return list(operations(ledger, base, { paymentsOnly: p === '/payments', includeFailed }));
  if ((m = p.match(/^\/operations\/(\d+)$/))) {
    const o = ledger.ops.find((x) => x.id.toString() === m![1]);
    return o ? { status: 200, body: opJson(base, o) } : notFound();
  }
  if (p === '/assets') {
    const q = pageQuery(url);
    const records = assetRecords(ledger.state, url.searchParams.get('asset_code') ?? undefined, url.searchParams.get('asset_issuer') ?? undefined, q);
    return { status: 200, body: pageBody(url, q, records) };
  }
  return notFound();
}

/** A submission answer as Horizon renders it: the transaction resource, or the problem. */
export function reply(base: string, a: SubmitAnswer): Reply {
  return a.status === 200 && a.tx ? { status: 200, body: txJson(base, a.tx) } : { status: a.status, body: a.body };
}

function root(ledger: LocalLedger, base: string) {
  const l = ledger.latest.sequence;
  return {
    _links: { self: { href: base }, friendbot: { href: `${base}/friendbot{?addr}`, templated: true } },
    horizon_version: 'fiscus-local-ledger',
    core_version: 'fiscus-local-ledger',
    ingest_latest_ledger: l,
    history_latest_ledger: l,
    history_latest_ledger_closed_at: new Date(ledger.latest.closeTime * 1000).toISOString(),
    history_elder_ledger: 1,
    core_latest_ledger: l,
    network_passphrase: ledger.passphrase,
    current_protocol_version: 23,
    supported_protocol_version: 23,
    core_supported_protocol_version: 23,
  };
}

function feeStats(ledger: LocalLedger) {
  const fee = BASE_FEE.toString();
  const dist = Object.fromEntries(['max', 'min', 'mode', 'p10', 'p20', 'p30', 'p40', 'p50', 'p60', 'p70', 'p80', 'p90', 'p95', 'p99'].map((k) => [k, fee]));
  return { last_ledger: String(ledger.latest.sequence), last_ledger_base_fee: fee, ledger_capacity_usage: '0.00', fee_charged: dist, max_fee: dist };
}
