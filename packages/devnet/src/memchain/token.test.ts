import type { SingleOperation } from '@fiscus/core';
import { describe, expect, it } from 'vitest';
import { newMemAddress } from './codec.ts';
import { applyHolderTransfer, applyOps, MAX_BATCH, newToken, type ApplyResult, type TokenState } from './token.ts';

/** Token rules (T-REX agent semantics), pure: no server needed. */
const A = newMemAddress();
const B = newMemAddress();
const C = newMemAddress();

function token(): TokenState {
  return newToken({ id: 'f', name: 'F', symbol: 'F', decimals: 6 }, 'ed25519:admin');
}
function ok(r: ApplyResult): TokenState {
  if (!r.ok) throw r.error;
  return r.state;
}
const code = (r: ApplyResult) => (r.ok ? 'ok' : r.error.code);
/** A with 100 units, B authorized and empty, C never authorized. */
function funded(): TokenState {
  return ok(
    applyOps(token(), [
      { kind: 'authorize', address: A, investorId: 'a', country: 840 },
      { kind: 'authorize', address: B, investorId: 'b', country: 840 },
      { kind: 'mint', to: A, units: 100n },
    ]),
  );
}

describe('memchain token rules', () => {
  it('mints only to authorized addresses; authorize is idempotent without a second event', () => {
    expect(code(applyOps(token(), [{ kind: 'mint', to: C, units: 1n }]))).toBe('NOT_AUTHORIZED_ON_CHAIN');
    const r = applyOps(funded(), [{ kind: 'authorize', address: A, investorId: 'a', country: 840 }]);
    expect(r.ok && r.events).toEqual([]);
  });

  it('recover moves the whole balance, frozen units and registration to the new wallet', () => {
    const t = ok(applyOps(funded(), [{ kind: 'freeze', address: A, units: 30n }]));
    expect(code(applyOps(t, [{ kind: 'recover', from: A, to: C, units: 99n }]))).toBe('VALIDATION_FAILED'); // not the whole balance
    expect(code(applyOps(t, [{ kind: 'recover', from: B, to: C, units: 0n }]))).toBe('INSUFFICIENT_BALANCE'); // nothing to recover
    const r = applyOps(t, [{ kind: 'recover', from: A, to: C, units: 100n }]);
    const after = ok(r);
    expect([after.balances.get(C), after.balances.get(A) ?? 0n, after.totalSupply]).toEqual([100n, 0n, 100n]);
    expect([after.frozenUnits.get(C), after.frozenUnits.get(A) ?? 0n]).toEqual([30n, 0n]);
    expect([after.authorized.has(C), after.authorized.has(A)]).toEqual([true, false]);
    expect(r.ok && r.events.map((e) => e.kind)).toEqual(['authorization', 'transfer', 'freeze', 'freeze', 'authorization']);
  });

  it('is atomic: one failing op leaves the state untouched', () => {
    const t = funded();
    const r = applyOps(t, [
      { kind: 'mint', to: A, units: 5n },
      { kind: 'burn', from: A, units: 1_000n },
    ]);
    expect(code(r)).toBe('INSUFFICIENT_BALANCE');
    expect(t.totalSupply).toBe(100n);
    expect(t.balances.get(A)).toBe(100n);
  });

  it(`fails batches over ${MAX_BATCH} ops and zero amounts`, () => {
    const mints: SingleOperation[] = Array.from({ length: MAX_BATCH + 1 }, () => ({ kind: 'mint', to: A, units: 1n }));
    expect(code(applyOps(funded(), mints))).toBe('VALIDATION_FAILED');
    expect(code(applyOps(funded(), mints.slice(1)))).toBe('ok');
    expect(code(applyOps(funded(), [{ kind: 'mint', to: A, units: 0n }]))).toBe('INVALID_AMOUNT');
  });

  it('burn needs unfrozen balance (stricter than T-REX, which unfreezes on burn)', () => {
    const partly = ok(applyOps(funded(), [{ kind: 'freeze', address: A, units: 60n }]));
    expect(code(applyOps(partly, [{ kind: 'burn', from: A, units: 41n }]))).toBe('FROZEN');
    expect(code(applyOps(partly, [{ kind: 'burn', from: A, units: 40n }]))).toBe('ok');
    const whole = ok(applyOps(funded(), [{ kind: 'freeze', address: A }]));
    expect(code(applyOps(whole, [{ kind: 'burn', from: A, units: 1n }]))).toBe('FROZEN');
    expect(code(applyOps(funded(), [{ kind: 'freeze', address: A, units: 101n }]))).toBe('INSUFFICIENT_BALANCE');
    expect(code(applyOps(partly, [{ kind: 'unfreeze', address: A, units: 61n }]))).toBe('INSUFFICIENT_BALANCE');
  });

  it('forceTransfer ignores address freezes and unfreezes partial units as needed (T-REX forcedTransfer)', () => {
    const t = ok(
      applyOps(funded(), [
        { kind: 'freeze', address: A },
        { kind: 'freeze', address: A, units: 90n },
      ]),
    );
    const r = applyOps(t, [{ kind: 'forceTransfer', from: A, to: B, units: 30n }]);
    if (!r.ok) throw r.error;
    expect(r.state.frozenUnits.get(A)).toBe(70n);
    expect(r.state.balances.get(B)).toBe(30n);
    expect(r.events).toEqual([
      { kind: 'freeze', address: A, frozen: false, units: 20n },
      { kind: 'transfer', from: A, to: B, units: 30n },
    ]);
    expect(code(applyOps(t, [{ kind: 'forceTransfer', from: A, to: C, units: 1n }]))).toBe('NOT_AUTHORIZED_ON_CHAIN');
  });

  it('pause blocks holder transfers only; freezes block either side', () => {
    const paused = ok(applyOps(funded(), [{ kind: 'pause' }]));
    expect(code(applyHolderTransfer(paused, A, B, 1n))).toBe('PAUSED');
    expect(
      code(
        applyOps(paused, [
          { kind: 'mint', to: A, units: 1n },
          { kind: 'burn', from: A, units: 1n },
        ]),
      ),
    ).toBe('ok');
    const toFrozen = ok(applyOps(funded(), [{ kind: 'freeze', address: B }]));
    expect(code(applyHolderTransfer(toFrozen, A, B, 1n))).toBe('FROZEN');
    expect(code(applyHolderTransfer(funded(), A, C, 1n))).toBe('NOT_AUTHORIZED_ON_CHAIN');
    expect(code(applyHolderTransfer(funded(), A, B, 101n))).toBe('INSUFFICIENT_BALANCE');
    expect(ok(applyHolderTransfer(funded(), A, B, 100n)).balances.has(A)).toBe(false); // zero balances are dropped
  });
});
