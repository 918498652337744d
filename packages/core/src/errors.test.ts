import { describe, expect, it } from 'vitest';
import { FiscusError, isFiscusError } from './errors.ts';

describe('FiscusError.walk', () => {
  const root = Object.assign(new Error('ECONNREFUSED 127.0.0.1:8545'), { code: 'ECONNREFUSED' });
  const driver = new FiscusError('CHAIN_UNAVAILABLE', 'node unreachable', { cause: root });
  const api = new FiscusError('TX_REJECTED', 'policy not applied on eip155:1', { cause: driver });

  it('returns the innermost cause without a predicate', () => {
    expect(api.walk()).toBe(root);
    expect(new FiscusError('INTERNAL', 'alone').walk()).toBeInstanceOf(FiscusError);
  });

  it('returns the first error, from the outside in, that the predicate accepts', () => {
    expect(api.walk((e) => isFiscusError(e) && e.code === 'CHAIN_UNAVAILABLE')).toBe(driver);
    expect(api.walk(isFiscusError)).toBe(api);
    expect(api.walk((e) => (e as { code?: unknown }).code === 'ECONNREFUSED')).toBe(root);
    expect(api.walk((e) => e === 'nothing')).toBeUndefined();
  });

  it('reaches a cause that is not an Error and stops on a cycle', () => {
    expect(new FiscusError('INTERNAL', 'x', { cause: 'raw text' }).walk()).toBe('raw text');
    const a = new FiscusError('INTERNAL', 'a');
    const b = new FiscusError('INTERNAL', 'b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(b.walk()).toBe(a);
    expect(b.walk(() => false)).toBeUndefined();
  });
});
