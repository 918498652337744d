import { FiscusError, toJsonSafe } from '@fiscus/core';
import type { EventRecord, MemChain } from './chain.ts';
import { canonicalMemAddress } from './codec.ts';

/** Read views over MemChain in their JSON (wire) form; bigints as decimal strings. */

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1_000;

export function pageLimit(raw: string | null): number {
  if (raw === null) return DEFAULT_LIMIT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) throw new FiscusError('VALIDATION_FAILED', `limit must be 1..${MAX_LIMIT}`);
  return n;
}

export function tokenView(chain: MemChain, id: string) {
  const t = chain.token(id);
  return { id: t.id, name: t.name, symbol: t.symbol, decimals: t.decimals, admin: t.admin, paused: t.paused, totalSupply: t.totalSupply.toString() };
}

export function accountView(chain: MemChain, id: string, raw: string) {
  const t = chain.token(id);
  const address = canonicalMemAddress(raw);
  return {
    address,
    units: (t.balances.get(address) ?? 0n).toString(),
    frozenUnits: (t.frozenUnits.get(address) ?? 0n).toString(),
    frozen: t.frozen.has(address),
    authorized: t.authorized.has(address),
  };
}

/**
 * Holders sorted by address (case-insensitively, i.e. numerically: EIP-55 case is only a checksum);
 * the cursor is the last address returned, `next` only when more exist.
 */
export function holdersPage(chain: MemChain, id: string, cursor: string | null, limit: number) {
  const t = chain.token(id);
  const key = (a: string) => a.toLowerCase();
  const after = cursor === null ? null : key(cursor);
  const addresses = [...t.balances.keys()].filter((a) => after === null || key(a) > after).sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const page = addresses.slice(0, limit);
  return {
    items: page.map((address) => ({ address, units: t.balances.get(address)!.toString() })),
    next: addresses.length > limit ? page[page.length - 1] : undefined,
  };
}

const CURSOR_RE = /^(0|[1-9][0-9]*):(0|[1-9][0-9]*)$/;

/** Strictly after `<block>:<index>`; `next` is the last returned event's cursor whenever the page has items. */
export function eventsPage(chain: MemChain, id: string, cursor: string | null, limit: number) {
  chain.token(id);
  let after: [bigint, number] = [-1n, 0];
  if (cursor !== null) {
    const m = CURSOR_RE.exec(cursor);
    if (!m) throw new FiscusError('VALIDATION_FAILED', `bad event cursor ${JSON.stringify(cursor)}`, { details: 'expected <block>:<index>' });
    after = [BigInt(m[1]!), Number(m[2]!)];
  }
  const isAfter = (e: EventRecord) => e.block > after[0] || (e.block === after[0] && e.index > after[1]);
  const page = chain.events.filter((e) => e.token === id && isAfter(e)).slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(eventJson), next: last ? `${last.block}:${last.index}` : undefined };
}

function eventJson(e: EventRecord) {
  const { token: _token, ...rest } = e;
  return toJsonSafe(rest);
}

/** Status plus, in the same snapshot, the head and the signer's next nonce (so "dropped" is decided atomically). */
export function txStatusView(chain: MemChain, hash: string, signer: string | null) {
  const rec = chain.txs.get(hash);
  const base = { head: chain.height.toString(), signerNext: signer ? chain.nextNonce(signer).toString() : undefined };
  if (!rec) return { status: 'unknown', ...base };
  if (rec.status === 'pending') return { status: 'pending', ...base };
  if (rec.status === 'confirmed') return { status: 'confirmed', block: rec.block!.toString(), ...base };
  return { status: 'failed', block: rec.block!.toString(), code: rec.error!.code, message: rec.error!.shortMessage, ...base };
}
