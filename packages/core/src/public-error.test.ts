import { describe, expect, it } from 'vitest';
import { FiscusError } from './errors.ts';
import { INTERNAL_ERROR_MESSAGE, publicErrorOf, toPublicError, withPublicError } from './public-error.ts';

describe('public errors: internal text never leaves the process', () => {
  const sqlError = Object.assign(new Error('Failed query: insert into "distribution_allocations" ("units") values ($1)\nparams: 92233720368547758080'), {
    code: '22003',
  });

  it('keeps a coded error’s short message, never its details or cause', () => {
    const e = new FiscusError('AMOUNT_OUT_OF_RANGE', 'units exceed the maximum', { details: 'stack here', cause: sqlError });
    expect(toPublicError(e)).toEqual({ code: 'AMOUNT_OUT_OF_RANGE', message: 'units exceed the maximum' });
  });

  it('turns unknown errors and INTERNAL ones into a generic INTERNAL message', () => {
    for (const e of [sqlError, new TypeError('x is undefined'), 'boom', new FiscusError('INTERNAL', `wrapped: ${sqlError.message}`)]) {
      expect(toPublicError(e)).toEqual({ code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE });
    }
  });

  it('applies the same rule to an error already stored', () => {
    expect(publicErrorOf({ code: 'INTERNAL', message: sqlError.message })).toEqual({ code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE });
    expect(publicErrorOf({ code: 'SOMETHING_ELSE', message: 'raw' })).toEqual({ code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE });
    expect(publicErrorOf({ code: 'TX_FAILED', message: 'transaction reverted' })).toEqual({ code: 'TX_FAILED', message: 'transaction reverted' });
    expect(publicErrorOf(null)).toBeNull();
    expect(withPublicError({ code: 'INTERNAL', message: sqlError.message, worker: 'w1' })).toEqual({
      code: 'INTERNAL',
      message: INTERNAL_ERROR_MESSAGE,
      worker: 'w1',
    });
    expect(withPublicError({ rebuiltFrom: '0xab' })).toEqual({ rebuiltFrom: '0xab' });
  });

  it('keeps the codes the engine stores for a waiting move (they are ErrorCodes, not unknown text)', () => {
    // A move queued by its rate limit or behind an older move showed as INTERNAL through the API.
    for (const code of ['RATE_LIMITED', 'QUEUED_BEHIND']) {
      expect(publicErrorOf({ code, message: 'waiting' })).toEqual({ code, message: 'waiting' });
    }
  });
});
