import { xdr } from '@stellar/stellar-sdk';
import { FiscusError } from '@fiscus/core';
import { describe, expect, it } from 'vitest';
import { unitsToAmount, amountToUnits } from './amounts.ts';
import { parseStellarError } from './errors.ts';
import { toStellarOps } from './ops.ts';
import { decodeResultCodes } from './result-codes.ts';

const horizon400 = (result_codes: unknown) => Object.assign(new Error('Transaction Failed'), { response: { status: 400, data: { extras: { result_codes } } } });

describe('Stellar error mapping', () => {
  it.each([
    [{ transaction: 'tx_failed', operations: ['op_underfunded'] }, 'INSUFFICIENT_BALANCE'],
    [{ transaction: 'tx_failed', operations: ['op_success', 'op_not_authorized'] }, 'NOT_AUTHORIZED_ON_CHAIN'],
    [{ transaction: 'tx_failed', operations: ['op_src_not_authorized'] }, 'FROZEN'],
    [{ transaction: 'tx_bad_seq' }, 'NONCE_CONFLICT'],
    [{ transaction: 'tx_too_late' }, 'TX_EXPIRED'],
    [{ transaction: 'tx_bad_auth' }, 'TX_REJECTED'],
    [{ transaction: 'tx_failed', operations: ['op_low_reserve'] }, 'TX_FAILED'],
  ])('%j → %s, keeping the raw codes', (codes, code) => {
    const e = parseStellarError(horizon400(codes));
    expect(e.code).toBe(code);
    expect(e.meta?.resultCodes).toEqual(codes);
  });

  it('authorizing an account without a trustline (op_no_trust) says the holder must create it', () => {
    const e = parseStellarError(horizon400({ transaction: 'tx_failed', operations: ['op_no_trust'] }));
    expect(e.code).toBe('NOT_AUTHORIZED_ON_CHAIN');
    expect(e.shortMessage).toMatch(/op_no_trust: the account has no trustline .*\(changeTrust\)/);
  });

  it('transport errors are CHAIN_UNAVAILABLE; anything else still a FiscusError', () => {
    expect(parseStellarError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })).code).toBe('CHAIN_UNAVAILABLE');
    expect(parseStellarError('weird')).toBeInstanceOf(FiscusError);
    const known = new FiscusError('FROZEN', 'x');
    expect(parseStellarError(known)).toBe(known);
  });

  it('decodes result_xdr of a failed transaction into Horizon code names', () => {
    const wire = {
      feeCharged: 200n,
      result: {
        code: -1,
        results: [
          { code: 0, tr: { type: 19, clawbackResult: { code: 0 } } },
          { code: 0, tr: { type: 1, paymentResult: { code: -7 } } },
        ],
      },
      ext: { v: 0 },
    };
    const b64 = xdr.TransactionResult.fromXdrObject(wire as never).toXdr('base64');
    expect(decodeResultCodes(b64)).toEqual({ transaction: 'tx_failed', operations: ['op_success', 'op_not_authorized'] });
  });
});

describe('Stellar amounts and operations', () => {
  it('converts units at D decimals to exact 7-decimal amounts and back', () => {
    expect(unitsToAmount(1_234_567n, 6)).toBe('1.2345670');
    expect(unitsToAmount(5n, 0)).toBe('5.0000000');
    expect(amountToUnits('1.2345670', 6)).toBe(1_234_567n);
    expect(() => amountToUnits('0.0000001', 6)).toThrow(FiscusError); // sub-unit dust is never rounded away
  });

  it('refuses what classic assets cannot do', () => {
    const d = {
      fundId: 'f',
      assetCode: 'TTF',
      issuer: 'GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7',
      distribution: '',
      decimals: 6,
      homeDomain: '',
    };
    const a = 'GBRPYHIL2CI3FNQ4BXLFMNDLFJUNPU2HY3ZMFSHONUCEOASW7QC7OX2H';
    expect(() => toStellarOps('stellar:local', d, { kind: 'freeze', address: a, units: 1n })).toThrow(/partial freeze/);
    expect(() => toStellarOps('stellar:local', d, { kind: 'pause' })).toThrow(/pause/);
    expect(toStellarOps('stellar:local', d, { kind: 'forceTransfer', from: a, to: a, units: 1n })).toHaveLength(2);
    expect(() => toStellarOps('stellar:local', d, { kind: 'mint', to: 'not-an-address', units: 1n })).toThrow(FiscusError);
  });
});
