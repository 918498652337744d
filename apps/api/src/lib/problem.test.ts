import type { Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { ErrorCodes, FiscusError } from '@fiscus/core';
import { statusForCode, toProblem } from './problem.ts';

describe('error code → HTTP status', () => {
  it('gives every code in ErrorCodes an HTTP error status (the map is total)', () => {
    for (const code of ErrorCodes) {
      const status = statusForCode(code);
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
    }
  });

  it('answers a move waiting reason as 409, not as an unknown 500', () => {
    expect(statusForCode('RATE_LIMITED')).toBe(409);
    expect(statusForCode('QUEUED_BEHIND')).toBe(409);
  });

  it('gives a code outside ErrorCodes 500, even one named like an Object property', () => {
    for (const code of ['NOT_A_CODE', 'constructor', 'toString', '__proto__']) expect(statusForCode(code), code).toBe(500);
  });
});

describe('409 CONFLICT: retry or not', () => {
  const c = { req: { path: '/v1/funds/f/freezes' }, get: () => 'req_1' } as unknown as Context;

  it('marks a lost race in the database retryable (serialization, deadlock, uniqueness)', () => {
    for (const code of ['40001', '40P01', '23505']) {
      const err = new Error('query failed', { cause: { code, message: 'could not serialize access' } });
      expect(toProblem(err, c), code).toMatchObject({ status: 409, code: 'CONFLICT', meta: { retryable: true } });
    }
  });

  it('does not mark a state conflict, which the same request meets again (the soak retried one for ever)', () => {
    const p = toProblem(new FiscusError('CONFLICT', 'the wallet is frozen; freeze needs it authorized', { meta: { status: 'frozen' } }), c);
    expect(p).toMatchObject({ status: 409, code: 'CONFLICT', meta: { status: 'frozen' } });
    expect(p.meta?.retryable).toBeUndefined();
  });
});
