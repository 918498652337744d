import { ErrorCodes, FiscusError, type ErrorCode } from '@fiscus/core';
import type { MemChain } from './chain.ts';
import type { EventRecord, TxRecord } from './records.ts';
import type { TokenState } from './token-state.ts';

/**
 * memchain's state as versioned JSON. Bigints are written as `{"$big":"…"}` rather than bare
 * strings so nothing else (a token named "12") can be mistaken for one on the way back.
 * Pending txs are left out on purpose: a restart drops the mempool, as a real node's would.
 */
export const STATE_FORMAT = 'fiscus-memchain-state';
export const STATE_VERSION = 1;

export class MemChainStateError extends Error {
  override readonly name = 'MemChainStateError';
}

const bigReplacer = (_k: string, v: unknown) => (typeof v === 'bigint' ? { $big: v.toString() } : v);

export function encodeState(c: MemChain): string {
  const tokens = [...c.tokens.values()].map((t) => ({
    ...t,
    balances: [...t.balances],
    frozenUnits: [...t.frozenUnits],
    frozen: [...t.frozen],
    authorized: [...t.authorized],
  }));
  const txs = [...c.txs.values()]
    .filter((t) => t.status !== 'pending')
    .map(({ raw, error, ...t }) => ({
      ...t,
      raw: raw ? Buffer.from(raw).toString('base64') : undefined,
      error: error ? { code: error.code, message: error.shortMessage, details: error.details, meta: error.meta } : undefined,
    }));
  const doc = {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    chain: c.chain,
    head: c.height,
    holderSeq: c.holderSeq,
    nonces: [...c.nonces],
    tokens,
    txs,
    events: c.events,
    usdc: { balances: [...c.usdc.balances], blacklisted: [...c.usdc.blacklisted], paused: c.usdc.paused, totalSupply: c.usdc.totalSupply },
  };
  return JSON.stringify(doc, bigReplacer);
}

const bad = (what: string): never => {
  throw new MemChainStateError(`malformed state: ${what}`);
};
const isObj = (v: unknown): v is Record<string, any> => v !== null && typeof v === 'object' && !Array.isArray(v);
const obj = (v: unknown, what: string) => (isObj(v) ? v : bad(`${what} is not an object`));
const arr = (v: unknown, what: string) => (Array.isArray(v) ? v : bad(`${what} is not an array`));
const str = (v: unknown, what: string) => (typeof v === 'string' ? v : bad(`${what} is not a string`));
const big = (v: unknown, what: string) => (typeof v === 'bigint' ? v : bad(`${what} is not a bigint`));
const int = (v: unknown, what: string) => (Number.isSafeInteger(v) ? (v as number) : bad(`${what} is not an integer`));
const strs = (v: unknown, what: string) => arr(v, what).map((x, i) => str(x, `${what}[${i}]`));
const bigMap = (v: unknown, what: string) =>
  new Map(arr(v, what).map((e, i) => [str(arr(e, `${what}[${i}]`)[0], `${what}[${i}] key`), big(e[1], `${what}[${i}] value`)] as const));

const KNOWN_CODES = new Set<string>(ErrorCodes);
const EVENT_KINDS = new Set(['transfer', 'authorization', 'freeze']);

function decodeToken(v: unknown, i: number): TokenState {
  const t = obj(v, `tokens[${i}]`);
  if (typeof t.paused !== 'boolean') bad(`tokens[${i}].paused is not a boolean`);
  return {
    id: str(t.id, `tokens[${i}].id`),
    name: str(t.name, `tokens[${i}].name`),
    symbol: str(t.symbol, `tokens[${i}].symbol`),
    decimals: int(t.decimals, `tokens[${i}].decimals`),
    admin: str(t.admin, `tokens[${i}].admin`),
    paused: t.paused,
    totalSupply: big(t.totalSupply, `tokens[${i}].totalSupply`),
    balances: bigMap(t.balances, `tokens[${i}].balances`),
    frozenUnits: bigMap(t.frozenUnits, `tokens[${i}].frozenUnits`),
    frozen: new Set(strs(t.frozen, `tokens[${i}].frozen`)),
    authorized: new Set(strs(t.authorized, `tokens[${i}].authorized`)),
  };
}

function decodeTx(v: unknown, i: number): TxRecord {
  const t = obj(v, `txs[${i}]`);
  if (t.status !== 'confirmed' && t.status !== 'failed') bad(`txs[${i}].status must be confirmed or failed`);
  const ops = arr(t.ops, `txs[${i}].ops`).map((op, j) => obj(op, `txs[${i}].ops[${j}]`)) as TxRecord['ops'];
  const rec: TxRecord = {
    hash: str(t.hash, `txs[${i}].hash`),
    signer: str(t.signer, `txs[${i}].signer`),
    nonce: t.nonce === null ? null : big(t.nonce, `txs[${i}].nonce`),
    token: str(t.token, `txs[${i}].token`),
    ops,
    status: t.status,
    block: big(t.block, `txs[${i}].block`),
  };
  if (t.raw !== undefined) rec.raw = new Uint8Array(Buffer.from(str(t.raw, `txs[${i}].raw`), 'base64'));
  if (t.status === 'failed') {
    const e = obj(t.error, `txs[${i}].error`);
    const code = str(e.code, `txs[${i}].error.code`);
    if (!KNOWN_CODES.has(code)) bad(`txs[${i}].error.code ${code} is not a known error code`);
    rec.error = new FiscusError(code as ErrorCode, str(e.message, `txs[${i}].error.message`), {
      details: typeof e.details === 'string' ? e.details : undefined,
      meta: isObj(e.meta) ? e.meta : undefined,
    });
  }
  return rec;
}

function decodeEvent(v: unknown, i: number): EventRecord {
  const e = obj(v, `events[${i}]`);
  if (!EVENT_KINDS.has(e.kind)) bad(`events[${i}].kind ${String(e.kind)} is unknown`);
  str(e.token, `events[${i}].token`);
  str(e.txHash, `events[${i}].txHash`);
  big(e.block, `events[${i}].block`);
  int(e.index, `events[${i}].index`);
  if (e.kind === 'transfer') big(e.units, `events[${i}].units`);
  else str(e.address, `events[${i}].address`);
  return e as EventRecord;
}

/** Parses a state document and loads it into a fresh MemChain; throws MemChainStateError on anything unexpected. */
export function decodeStateInto(c: MemChain, text: string): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text, (_k, v) => (isObj(v) && Object.keys(v).length === 1 && typeof v.$big === 'string' ? toBig(v.$big) : v));
  } catch (e) {
    if (e instanceof MemChainStateError) throw e;
    throw new MemChainStateError(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isObj(doc) || doc.format !== STATE_FORMAT) throw new MemChainStateError(`not a memchain state file (format is not "${STATE_FORMAT}")`);
  if (doc.version !== STATE_VERSION)
    throw new MemChainStateError(`unknown version ${JSON.stringify(doc.version)} (this memchain reads version ${STATE_VERSION})`);
  if (doc.chain !== c.chain) throw new MemChainStateError(`holds chain ${String(doc.chain)}, not ${c.chain}`);
  if (c.height !== 0n || c.tokens.size || c.txs.size) throw new MemChainStateError('can only be loaded into an empty chain');
  const tokens = arr(doc.tokens, 'tokens').map(decodeToken);
  const txs = arr(doc.txs, 'txs').map(decodeTx);
  const events = arr(doc.events, 'events').map(decodeEvent);
  const nonces = bigMap(doc.nonces, 'nonces');
  c.height = big(doc.head, 'head');
  c.holderSeq = int(doc.holderSeq, 'holderSeq');
  for (const t of tokens) c.tokens.set(t.id, t);
  for (const t of txs) c.txs.set(t.hash, t);
  for (const [signer, next] of nonces) c.nonces.set(signer, next);
  c.events.push(...events);
  // Files written before the stablecoin existed have none: an empty one.
  if (doc.usdc !== undefined) {
    const u = obj(doc.usdc, 'usdc');
    if (typeof u.paused !== 'boolean') bad('usdc.paused is not a boolean');
    c.usdc = {
      balances: bigMap(u.balances, 'usdc.balances'),
      blacklisted: new Set(strs(u.blacklisted, 'usdc.blacklisted')),
      paused: u.paused,
      totalSupply: big(u.totalSupply, 'usdc.totalSupply'),
    };
  }
}

function toBig(s: string): bigint {
  if (!/^-?(0|[1-9][0-9]*)$/.test(s)) bad(`${JSON.stringify(s)} is not an integer`);
  return BigInt(s);
}
