import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '@fiscus/core';
import { statusForCode } from './problem.ts';

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
