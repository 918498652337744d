import { describe, expect, it } from 'vitest';
import { isTransientStartupError, retryWhileUnavailable } from './startup-retry.ts';

const quiet = { warn: () => {} };
const noSleep = async () => {};

describe('start-up retry (the soak found processes exiting when started during a database restart or chain outage)', () => {
  it('tells a service that is not answering from a start that cannot work', () => {
    expect(isTransientStartupError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(
      isTransientStartupError(
        new Error('Failed query: CREATE SCHEMA', { cause: Object.assign(new Error('the database system is shutting down'), { code: '57P03' }) }),
      ),
    ).toBe(true);
    expect(isTransientStartupError(new Error('Bad Gateway'))).toBe(true);
    expect(isTransientStartupError(new Error('socket hang up'))).toBe(true);
    expect(isTransientStartupError(new Error('STELLAR_NETWORK=pubnet needs STELLAR_FUNDING_SIGNER'))).toBe(false);
    expect(isTransientStartupError(Object.assign(new Error('password authentication failed'), { code: '28P01' }))).toBe(false);
  });

  it('retries a transient failure until the step succeeds', async () => {
    let calls = 0;
    const value = await retryWhileUnavailable(
      'database',
      async () => {
        if (++calls < 3) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        return 'open';
      },
      { logger: quiet, sleep: noSleep },
    );
    expect([value, calls]).toEqual(['open', 3]);
  });

  it('throws a permanent failure at once, and a transient one once the deadline has passed', async () => {
    let calls = 0;
    await expect(
      retryWhileUnavailable(
        'chains',
        async () => {
          calls++;
          throw new Error('ETHEREUM_RPC_URL answers chain id 1, expected 31337');
        },
        { logger: quiet, sleep: noSleep },
      ),
    ).rejects.toThrow(/chain id 1/);
    expect(calls).toBe(1);
    await expect(
      retryWhileUnavailable(
        'chains',
        async () => {
          throw new Error('Bad Gateway');
        },
        { logger: quiet, sleep: noSleep, deadlineMs: 0 },
      ),
    ).rejects.toThrow('Bad Gateway');
  });
});
