import { FiscusError, toJsonSafe } from '@fiscus/core';
import type { EventRecord, MemChain } from './chain.ts';
import { canonicalMemAddress, isMemAddress } from './codec.ts';
import { MEMCHAIN_USDC_DECIMALS, usdcBalance } from './usdc.ts';

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

// Sorted holder keys per balances map: a token's map is replaced (copy-on-write) by every
// transaction that changes it, so the map itself keys the cache and paging sorts once, not per page.
const sortedHolders = new WeakMap<Map<string, bigint>, { keys: string[]; addresses: string[] }>();

function holdersSorted(balances: Map<string, bigint>) {
  let s = sortedHolders.get(balances);
  if (!s) {
    const addresses = [...balances.keys()].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
    s = { keys: addresses.map((a) => a.toLowerCase()), addresses };
    sortedHolders.set(balances, s);
  }
  return s;
}

/** First index whose key is > `after` (binary search). */
function firstAbove(keys: string[], after: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! > after) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Holders sorted by address (case-insensitively, i.e. numerically: EIP-55 case is only a checksum);
 * the cursor is the last address returned, `next` only when more exist.
 */
export function holdersPage(chain: MemChain, id: string, cursor: string | null, limit: number) {
  const t = chain.token(id);
  const { keys, addresses } = holdersSorted(t.balances);
  const start = cursor === null ? 0 : firstAbove(keys, cursor.toLowerCase());
  const page = addresses.slice(start, start + limit);
  return {
    items: page.map((address) => ({ address, units: t.balances.get(address)!.toString() })),
    next: start + limit < addresses.length ? page[page.length - 1] : undefined,
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
  // Events are appended in (block, index) order: find the cursor by binary search, read forward.
  const events = chain.events;
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isAfter(events[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  const page: EventRecord[] = [];
  for (let i = lo; i < events.length && page.length < limit; i++) if (events[i]!.token === id) page.push(events[i]!);
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
  return { status: 'failed', block: rec.block!.toString(), code: rec.error!.code, message: rec.error!.shortMessage, meta: rec.error!.meta, ...base };
}

export function usdcView(chain: MemChain) {
  return { decimals: MEMCHAIN_USDC_DECIMALS, paused: chain.usdc.paused, totalSupply: chain.usdc.totalSupply.toString() };
}

/** A memchain address (canonicalised) or a fund treasury (`treasury:<token>`, usdc.ts). */
export const usdcHolder = (raw: string): string => (isMemAddress(raw) ? canonicalMemAddress(raw) : raw);

export function usdcAccountView(chain: MemChain, raw: string) {
  const address = usdcHolder(raw);
  return { address, balance: usdcBalance(chain.usdc, address).toString(), blacklisted: chain.usdc.blacklisted.has(address) };
}
