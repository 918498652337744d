import { FiscusError, type ErrorCode, type SingleOperation } from '@fiscus/core';
import { clone, MAX_BATCH, type TokenEvent, type TokenState } from './token-state.ts';

export { MAX_BATCH, newToken, type TokenEvent, type TokenState } from './token-state.ts';

export type ApplyResult = { ok: true; state: TokenState; events: TokenEvent[] } | { ok: false; error: FiscusError };

/**
 * Token rules of one fund on memchain, modelled on T-REX (ERC-3643) agent semantics.
 * Pure functions over a cloned state so every transaction is atomic: either all its ops
 * apply or none do (the caller keeps the old state on failure).
 */
const fail = (code: ErrorCode, message: string, meta?: Record<string, unknown>): never => {
  throw new FiscusError(code, message, { meta });
};

const bal = (t: TokenState, a: string) => t.balances.get(a) ?? 0n;
const lockedUnits = (t: TokenState, a: string) => t.frozenUnits.get(a) ?? 0n;
const setMap = (m: Map<string, bigint>, a: string, v: bigint) => (v === 0n ? m.delete(a) : m.set(a, v));

function positive(units: bigint) {
  if (units <= 0n) fail('INVALID_AMOUNT', 'units must be positive');
}
function needAuthorized(t: TokenState, a: string) {
  if (!t.authorized.has(a)) fail('NOT_AUTHORIZED_ON_CHAIN', `${a} is not authorized`, { address: a });
}
/** Balance checks shared by burn and holder transfers: frozen units cannot move. */
function needFree(t: TokenState, a: string, units: bigint) {
  if (t.frozen.has(a)) fail('FROZEN', `${a} is frozen`, { address: a });
  if (units > bal(t, a)) fail('INSUFFICIENT_BALANCE', `${a} holds ${bal(t, a)} < ${units}`, { address: a });
  if (units > bal(t, a) - lockedUnits(t, a)) fail('FROZEN', `${a} has ${lockedUnits(t, a)} frozen units`, { address: a });
}
function move(t: TokenState, from: string | null, to: string | null, units: bigint, ev: TokenEvent[]) {
  if (from) setMap(t.balances, from, bal(t, from) - units);
  else t.totalSupply += units;
  if (to) setMap(t.balances, to, bal(t, to) + units);
  else t.totalSupply -= units;
  ev.push({ kind: 'transfer', from, to, units });
}

function applyOne(t: TokenState, op: SingleOperation, ev: TokenEvent[]): void {
  switch (op.kind) {
    case 'authorize':
    case 'deauthorize': {
      const want = op.kind === 'authorize';
      if (t.authorized.has(op.address) === want) return; // idempotent, no event for a no-op
      if (want) t.authorized.add(op.address);
      else t.authorized.delete(op.address);
      return void ev.push({ kind: 'authorization', address: op.address, authorized: want });
    }
    case 'freeze':
    case 'unfreeze': {
      const want = op.kind === 'freeze';
      if (op.units === undefined) {
        if (t.frozen.has(op.address) === want) return;
        if (want) t.frozen.add(op.address);
        else t.frozen.delete(op.address);
        return void ev.push({ kind: 'freeze', address: op.address, frozen: want });
      }
      positive(op.units);
      const locked = lockedUnits(t, op.address);
      if (want && locked + op.units > bal(t, op.address)) fail('INSUFFICIENT_BALANCE', 'cannot freeze more than the balance');
      if (!want && op.units > locked) fail('INSUFFICIENT_BALANCE', `only ${locked} units are frozen`);
      setMap(t.frozenUnits, op.address, want ? locked + op.units : locked - op.units);
      return void ev.push({ kind: 'freeze', address: op.address, frozen: want, units: op.units });
    }
    case 'mint':
      positive(op.units);
      needAuthorized(t, op.to);
      return move(t, null, op.to, op.units, ev);
    case 'burn':
      positive(op.units);
      needFree(t, op.from, op.units);
      return move(t, op.from, null, op.units, ev);
    case 'forceTransfer': {
      // T-REX forcedTransfer ignores address freezes and unfreezes partial tokens as needed.
      positive(op.units);
      needAuthorized(t, op.to);
      const held = bal(t, op.from);
      if (op.units > held) fail('INSUFFICIENT_BALANCE', `${op.from} holds ${held} < ${op.units}`);
      const free = held - lockedUnits(t, op.from);
      if (op.units > free) {
        const release = op.units - free;
        setMap(t.frozenUnits, op.from, lockedUnits(t, op.from) - release);
        ev.push({ kind: 'freeze', address: op.from, frozen: false, units: release });
      }
      return move(t, op.from, op.to, op.units, ev);
    }
    case 'recover': {
      // Like T-REX recoveryAddress: the new wallet is registered with the lost one's standing, the
      // whole balance and the freeze state move, the lost wallet loses its registration.
      // `units` must equal the balance so the books match the chain.
      needAuthorized(t, op.from);
      const held = bal(t, op.from);
      if (held === 0n) fail('INSUFFICIENT_BALANCE', `${op.from} holds nothing to recover`, { address: op.from });
      if (op.units !== held) fail('VALIDATION_FAILED', `recover moves the whole balance ${held}, not ${op.units}`, { address: op.from });
      if (!t.authorized.has(op.to)) {
        t.authorized.add(op.to);
        ev.push({ kind: 'authorization', address: op.to, authorized: true });
      }
      const locked = lockedUnits(t, op.from);
      if (held > 0n) move(t, op.from, op.to, held, ev);
      if (locked > 0n) {
        // Same events T-REX emits: partial units unfrozen on the lost wallet, frozen on the new one.
        setMap(t.frozenUnits, op.from, 0n);
        ev.push({ kind: 'freeze', address: op.from, frozen: false, units: locked });
        setMap(t.frozenUnits, op.to, lockedUnits(t, op.to) + locked);
        ev.push({ kind: 'freeze', address: op.to, frozen: true, units: locked });
      }
      if (t.frozen.delete(op.from)) {
        t.frozen.add(op.to);
        ev.push({ kind: 'freeze', address: op.to, frozen: true });
      }
      if (t.authorized.delete(op.from)) ev.push({ kind: 'authorization', address: op.from, authorized: false });
      return;
    }
    case 'pause':
    case 'unpause':
      // Idempotent (T-REX reverts instead); pausing only blocks holder transfers.
      t.paused = op.kind === 'pause';
      return;
  }
}

/** Applies an agent transaction's ops all-or-nothing. */
export function applyOps(token: TokenState, ops: SingleOperation[]): ApplyResult {
  if (ops.length > MAX_BATCH) {
    return { ok: false, error: new FiscusError('VALIDATION_FAILED', `batch of ${ops.length} exceeds ${MAX_BATCH}`, { meta: { maxBatch: MAX_BATCH } }) };
  }
  return run(token, (t, ev) => ops.forEach((op) => applyOne(t, op, ev)));
}

/** An investor's own transfer: the only path pause and address freezes of the recipient block. */
export function applyHolderTransfer(token: TokenState, from: string, to: string, units: bigint): ApplyResult {
  return applyHolderTransfers(token, [{ from, to, units }]);
}

/** Holder transfers of one tx (T-REX `batchTransfer`): all apply, in order, or none. */
export function applyHolderTransfers(token: TokenState, items: { from: string; to: string; units: bigint }[]): ApplyResult {
  return run(token, (t, ev) => {
    if (t.paused) fail('PAUSED', 'token is paused');
    for (const { from, to, units } of items) {
      positive(units);
      if (t.frozen.has(to)) fail('FROZEN', `${to} is frozen`, { address: to });
      needAuthorized(t, to);
      needFree(t, from, units);
      move(t, from, to, units, ev);
    }
  });
}

function run(token: TokenState, body: (t: TokenState, ev: TokenEvent[]) => void): ApplyResult {
  const state = clone(token);
  const events: TokenEvent[] = [];
  try {
    body(state, events);
    return { ok: true, state, events };
  } catch (e) {
    if (e instanceof FiscusError) return { ok: false, error: e };
    throw e;
  }
}
