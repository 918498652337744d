import { describe, expect, it } from 'vitest';
import type { Problem } from '@fiscus/client';
import { isRetryable } from './api-calls.ts';

const problem = (code: string, meta?: Record<string, unknown>) => ({ code, status: 409, detail: 'x', ...(meta ? { meta } : {}) }) as unknown as Problem;

describe('which answers the soak retries with the same Idempotency-Key', () => {
  it('retries a 409 the API marks retryable (a database race)', () => {
    expect(isRetryable(409, problem('CONFLICT', { retryable: true }))).toBe(true);
  });

  it('takes a state conflict as the answer (seed 52 replayed "the wallet is frozen" until it gave up)', () => {
    expect(isRetryable(409, problem('CONFLICT', { status: 'frozen' }))).toBe(false);
    expect(isRetryable(409, problem('CONFLICT'))).toBe(false);
    expect(isRetryable(409, problem('FROZEN', { retryable: true }))).toBe(false);
    expect(isRetryable(400, problem('CONFLICT', { retryable: true }))).toBe(false);
  });
});
