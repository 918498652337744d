import { formatAmount } from './amounts.ts';
import type { ClosedLedger, StoredOp, StoredTx } from './history.ts';
import { assetTypeOf } from './ops/context.ts';
import { AccountFlag, BASE_FEE, BASE_RESERVE, TrustFlag, type AccountEntry, type LedgerState, type TrustlineEntry } from './state.ts';

/** Horizon JSON resources built from ledger entries and history (the fields the SDK reads). */

const iso = (sec: number) => new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
const link = (href: string, templated = false) => (templated ? { href, templated } : { href });

export const accountFlags = (f: number) => ({
  auth_required: !!(f & AccountFlag.AUTH_REQUIRED),
  auth_revocable: !!(f & AccountFlag.AUTH_REVOCABLE),
  auth_immutable: !!(f & AccountFlag.AUTH_IMMUTABLE),
  auth_clawback_enabled: !!(f & AccountFlag.AUTH_CLAWBACK_ENABLED),
});

export function balanceJson(t: TrustlineEntry) {
  return {
    balance: formatAmount(t.balance),
    limit: formatAmount(t.limit),
    buying_liabilities: '0.0000000',
    selling_liabilities: '0.0000000',
    ...(t.sponsor ? { sponsor: t.sponsor } : {}),
    last_modified_ledger: t.lastModified,
    is_authorized: !!(t.flags & TrustFlag.AUTHORIZED),
    is_authorized_to_maintain_liabilities: !!(t.flags & TrustFlag.MAINTAIN_LIABILITIES),
    is_clawback_enabled: !!(t.flags & TrustFlag.CLAWBACK_ENABLED),
    asset_type: assetTypeOf(t.code),
    asset_code: t.code,
    asset_issuer: t.issuer,
  };
}

export function accountJson(base: string, state: LedgerState, a: AccountEntry) {
  const self = `${base}/accounts/${a.id}`;
  return {
    _links: {
      self: link(self),
      transactions: link(`${self}/transactions{?cursor,limit,order}`, true),
      operations: link(`${self}/operations{?cursor,limit,order}`, true),
      payments: link(`${self}/payments{?cursor,limit,order}`, true),
      effects: link(`${self}/effects{?cursor,limit,order}`, true),
      offers: link(`${self}/offers{?cursor,limit,order}`, true),
      trades: link(`${self}/trades{?cursor,limit,order}`, true),
      data: link(`${self}/data/{key}`, true),
    },
    id: a.id,
    account_id: a.id,
    sequence: a.seq.toString(),
    sequence_ledger: a.seqLedger,
    sequence_time: String(a.seqTime),
    subentry_count: a.subentries,
    ...(a.homeDomain ? { home_domain: a.homeDomain } : {}),
    last_modified_ledger: a.lastModified,
    last_modified_time: null,
    thresholds: { low_threshold: a.thresholds.low, med_threshold: a.thresholds.med, high_threshold: a.thresholds.high },
    flags: accountFlags(a.flags),
    balances: [
      ...state.trustlinesOf(a.id).map(balanceJson),
      { balance: formatAmount(a.balance), buying_liabilities: '0.0000000', selling_liabilities: '0.0000000', asset_type: 'native' },
    ],
    signers: [
      ...a.signers.map((s) => ({ weight: s.weight, key: s.key, type: 'ed25519_public_key', ...(s.sponsor ? { sponsor: s.sponsor } : {}) })),
      { weight: a.masterWeight, key: a.id, type: 'ed25519_public_key' },
    ],
    data: Object.fromEntries([...a.data].map(([k, d]) => [k, Buffer.from(d.value).toString('base64')])),
    num_sponsoring: a.numSponsoring,
    num_sponsored: a.numSponsored,
    ...(a.sponsor ? { sponsor: a.sponsor } : {}),
    paging_token: a.id,
  };
}

export function txJson(base: string, t: StoredTx) {
  const tx = t.parsed.inner;
  const tb = tx.timeBounds;
  const memo =
    tx.memo.value == null
      ? undefined
      : Buffer.isBuffer(tx.memo.value) || tx.memo.value instanceof Uint8Array
        ? Buffer.from(tx.memo.value).toString(tx.memo.type === 'text' ? 'utf8' : 'base64')
        : String(tx.memo.value);
  return {
    _links: {
      self: link(`${base}/transactions/${t.hash}`),
      ledger: link(`${base}/ledgers/${t.ledger}`),
      operations: link(`${base}/transactions/${t.hash}/operations{?cursor,limit,order}`, true),
    },
    id: t.hash,
    paging_token: t.id.toString(),
    successful: t.successful,
    hash: t.hash,
    ledger: t.ledger,
    created_at: iso(t.closeTime),
    source_account: tx.source,
    source_account_sequence: tx.sequence,
    fee_account: t.parsed.feeSource,
    fee_charged: t.outcome.feeCharged.toString(),
    max_fee: t.parsed.feeBid.toString(),
    operation_count: tx.operations.length,
    envelope_xdr: t.parsed.envelopeXdr,
    result_xdr: t.resultXdr,
    result_meta_xdr: '',
    fee_meta_xdr: '',
    memo_type: tx.memo.type,
    ...(memo !== undefined ? { memo } : {}),
    signatures: (t.parsed.feeBump ?? tx).signatures.map((s) => Buffer.from(s.signature.toBytes()).toString('base64')),
    ...(tb
      ? {
          valid_after: iso(Number(tb.minTime)),
          valid_before: iso(Number(tb.maxTime)),
          preconditions: { timebounds: { min_time: tb.minTime, max_time: tb.maxTime } },
        }
      : {}),
    ...(t.parsed.feeBump ? { fee_bump_transaction: { hash: t.hash }, inner_transaction: { hash: t.parsed.innerHash, max_fee: tx.fee } } : {}),
  };
}

export function opJson(base: string, o: StoredOp) {
  return {
    _links: { self: link(`${base}/operations/${o.id}`), transaction: link(`${base}/transactions/${o.txHash}`) },
    id: o.id.toString(),
    paging_token: o.id.toString(),
    transaction_successful: o.successful,
    source_account: o.source,
    type: o.type,
    type_i: o.typeI,
    created_at: iso(o.closeTime),
    transaction_hash: o.txHash,
    ...o.fields,
  };
}

export function ledgerJson(base: string, l: ClosedLedger) {
  return {
    _links: { self: link(`${base}/ledgers/${l.sequence}`) },
    id: String(l.sequence),
    paging_token: (BigInt(l.sequence) << 32n).toString(),
    hash: l.sequence.toString(16).padStart(64, '0'),
    sequence: l.sequence,
    successful_transaction_count: l.txCount - l.failedTxCount,
    failed_transaction_count: l.failedTxCount,
    operation_count: l.opCount,
    tx_set_operation_count: l.opCount,
    closed_at: iso(l.closeTime),
    total_coins: '100000000000.0000000',
    fee_pool: '0.0000000',
    base_fee_in_stroops: Number(BASE_FEE),
    base_reserve_in_stroops: Number(BASE_RESERVE),
    max_tx_set_size: 1000,
    protocol_version: 23,
  };
}
