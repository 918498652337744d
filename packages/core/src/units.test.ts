import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FiscusError } from './errors.ts';
import {
  INT64_MAX,
  MAX_DECIMALS,
  assertDecimals,
  formatUnits,
  fromEvmBaseUnits,
  fromStellarStroops,
  maxUnits,
  parseUnits,
  toEvmBaseUnits,
  toStellarStroops,
} from './units.ts';

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof FiscusError ? e.code : `not a FiscusError: ${String(e)}`;
  }
  return undefined;
};
const decimalsArb = fc.integer({ min: 0, max: MAX_DECIMALS });
const inRange = decimalsArb.chain((d) => fc.tuple(fc.constant(d), fc.bigInt({ min: -maxUnits(d), max: maxUnits(d) })));

describe('decimals and range', () => {
  it('accepts 0..7 and nothing else', () => {
    for (const d of [0, 6, 7]) expect(code(() => assertDecimals(d))).toBeUndefined();
    for (const d of [-1, 8, 1.5, Number.NaN]) expect(code(() => assertDecimals(d))).toBe('VALIDATION_FAILED');
  });
  it('maxUnits is the largest amount whose stroops fit int64', () => {
    for (let d = 0; d <= MAX_DECIMALS; d++) {
      const f = 10n ** BigInt(7 - d);
      expect(maxUnits(d) * f <= INT64_MAX).toBe(true);
      expect((maxUnits(d) + 1n) * f > INT64_MAX).toBe(true);
    }
    expect(maxUnits(7)).toBe(INT64_MAX);
  });
});

describe('parseUnits', () => {
  it.each([
    ['123', 6, 123_000_000n],
    ['123.45', 6, 123_450_000n],
    ['0.000001', 6, 1n],
    ['007.5', 2, 750n],
    ['1.500000', 6, 1_500_000n],
    ['5', 0, 5n],
  ])('%s at %i decimals = %s', (text, d, units) => expect(parseUnits(text, d)).toBe(units));

  it.each(['', ' 1', '1 ', '1e6', '1E6', '+1', '.5', '5.', '1,5', '0x10', 'abc', '1..2', '--1', '١'])('rejects %j as INVALID_AMOUNT', (t) =>
    expect(code(() => parseUnits(t, 6))).toBe('INVALID_AMOUNT'),
  );
  it('never rounds: extra fraction digits are TOO_MANY_DECIMALS', () => {
    expect(code(() => parseUnits('0.0000001', 6))).toBe('TOO_MANY_DECIMALS');
    expect(code(() => parseUnits('1.0', 0))).toBe('TOO_MANY_DECIMALS');
    try {
      parseUnits('1.1234567', 6);
    } catch (e) {
      expect((e as FiscusError).meta).toMatchObject({ decimals: 6, limit: '6', actual: '7' });
    }
  });
  it('zero and negatives only on request', () => {
    expect(code(() => parseUnits('0', 6))).toBe('INVALID_AMOUNT');
    expect(code(() => parseUnits('0.000', 6))).toBe('INVALID_AMOUNT');
    expect(parseUnits('0', 6, { allowZero: true })).toBe(0n);
    expect(code(() => parseUnits('-1', 6))).toBe('INVALID_AMOUNT');
    expect(parseUnits('-1.5', 6, { allowNegative: true })).toBe(-1_500_000n);
  });
  it('out of range is AMOUNT_OUT_OF_RANGE with the limit', () => {
    const max = formatUnits(maxUnits(6), 6);
    expect(parseUnits(max, 6)).toBe(maxUnits(6));
    expect(code(() => parseUnits(formatUnits(maxUnits(6) + 1n, 6), 6))).toBe('AMOUNT_OUT_OF_RANGE');
    expect(code(() => parseUnits(`-${formatUnits(maxUnits(6) + 1n, 6)}`, 6, { allowNegative: true }))).toBe('AMOUNT_OUT_OF_RANGE');
    expect(code(() => parseUnits('9'.repeat(5000), 6))).toBe('AMOUNT_OUT_OF_RANGE');
    try {
      parseUnits('1' + '0'.repeat(30), 6);
    } catch (e) {
      expect((e as FiscusError).meta).toMatchObject({ decimals: 6, limit: maxUnits(6).toString() });
    }
  });
});

describe('formatUnits', () => {
  it.each([
    [1_500_000n, 6, '1.5'],
    [1_000_000n, 6, '1'],
    [1n, 6, '0.000001'],
    [0n, 6, '0'],
    [-1_230_000n, 6, '-1.23'],
    [42n, 0, '42'],
  ])('%s at %i = %s', (u, d, s) => expect(formatUnits(u, d)).toBe(s));

  it('parse(format(x)) === x for every x in range', () => {
    fc.assert(fc.property(inRange, ([d, x]) => parseUnits(formatUnits(x, d), d, { allowNegative: true, allowZero: true }) === x));
  });
  it('format(parse(s)) is s canonicalised', () => {
    const text = decimalsArb.chain((d) => fc.tuple(fc.constant(d), fc.stringMatching(/^\d{1,10}$/), fc.stringMatching(new RegExp(`^\\d{0,${d}}$`))));
    fc.assert(
      fc.property(text, ([d, int, frac]) => {
        const s = frac ? `${int}.${frac}` : int;
        const canonical = `${int.replace(/^0+(?=\d)/, '')}${frac.replace(/0+$/, '') ? `.${frac.replace(/0+$/, '')}` : ''}`;
        return formatUnits(parseUnits(s, d, { allowZero: true }), d) === canonical;
      }),
    );
  });
  it('rejects any fraction longer than the decimals, whatever the digits', () => {
    fc.assert(
      fc.property(
        decimalsArb,
        fc.stringMatching(/^\d{1,3}$/),
        fc.stringMatching(/^\d{8,12}$/),
        (d, int, frac) => code(() => parseUnits(`${int}.${frac}`, d, { allowZero: true })) === 'TOO_MANY_DECIMALS',
      ),
    );
  });
});

describe('chain conversions', () => {
  const chainRange = decimalsArb.chain((d) => fc.tuple(fc.constant(d), fc.bigInt({ min: 0n, max: maxUnits(d) })));
  it('stroops round-trip exactly and stay within int64', () => {
    fc.assert(
      fc.property(chainRange, ([d, u]) => {
        const s = toStellarStroops(u, d);
        return s <= INT64_MAX && s === u * 10n ** BigInt(7 - d) && fromStellarStroops(s, d) === u;
      }),
    );
  });
  it('stroops that are not whole units are refused, never rounded', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.bigInt({ min: 0n, max: 10n ** 10n }), (d, u) => {
        const f = 10n ** BigInt(7 - d);
        const off = 1n + (u % (f - 1n));
        return code(() => fromStellarStroops(u * f + off, d)) === 'INVALID_AMOUNT';
      }),
    );
    expect(fromStellarStroops(12_345_670n, 6)).toBe(1_234_567n);
    expect(code(() => fromStellarStroops(12_345_671n, 6))).toBe('INVALID_AMOUNT');
  });
  it('range and sign are checked', () => {
    expect(code(() => toStellarStroops(maxUnits(6) + 1n, 6))).toBe('AMOUNT_OUT_OF_RANGE');
    expect(code(() => toStellarStroops(-1n, 6))).toBe('INVALID_AMOUNT');
    expect(code(() => fromStellarStroops(-10n, 6))).toBe('AMOUNT_OUT_OF_RANGE');
    expect(code(() => fromStellarStroops(INT64_MAX + 1n, 7))).toBe('AMOUNT_OUT_OF_RANGE');
    expect(code(() => toEvmBaseUnits(-1n, 6))).toBe('INVALID_AMOUNT');
    expect(code(() => fromEvmBaseUnits(maxUnits(6) + 1n, 6))).toBe('AMOUNT_OUT_OF_RANGE');
  });
  it('EVM base units are the units themselves', () => {
    fc.assert(fc.property(chainRange, ([d, u]) => fromEvmBaseUnits(toEvmBaseUnits(u, d), d) === u && toEvmBaseUnits(u, d) === u));
  });
});
