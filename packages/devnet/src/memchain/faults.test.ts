import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpJson, TransportError } from './client.ts';
import { memKit, type Kit } from './testkit.ts';

/** Injected faults and node outages: the driver must degrade to retryLater / CHAIN_UNAVAILABLE, never hang. */
describe('memchain faults', () => {
  let k: Kit;
  beforeEach(async () => {
    k = await memKit({ timeoutMs: 300 });
  });
  afterEach(() => k.server.close());

  const waitFor = async (cond: () => boolean) => {
    for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(cond()).toBe(true);
  };

  it("'fail' answers 503 without applying, for `times` requests only", async () => {
    const tx = await k.prepare({ kind: 'pause' });
    k.server.faults.set('submit', 'fail', 1);
    expect(await k.driver.submit(tx)).toMatchObject({ kind: 'retryLater' });
    expect(await k.driver.status(tx)).toEqual({ kind: 'unknown' });
    expect(await k.driver.submit(tx)).toEqual({ kind: 'accepted', hash: tx.hash });
    k.server.faults.set('read', 'fail', 2);
    for (let i = 0; i < 2; i++) await expect(k.driver.totalSupply(k.deployment)).rejects.toMatchObject({ code: 'CHAIN_UNAVAILABLE' });
    expect(await k.driver.totalSupply(k.deployment)).toBe(0n);
    k.server.faults.set('nonce', 'fail');
    await expect(k.driver.nextSequence(tx.signer)).rejects.toMatchObject({ code: 'CHAIN_UNAVAILABLE' });
    k.server.faults.set('status', 'fail');
    await expect(k.driver.status(tx)).rejects.toMatchObject({ code: 'CHAIN_UNAVAILABLE' });
  });

  it("'lose' applies the submit but loses the answer; resending the same bytes is a duplicate with one effect", async () => {
    const a = await k.investor();
    const tx = await k.prepare({ kind: 'mint', to: a, units: 9n });
    k.server.faults.set('submit', 'lose', 1);
    expect(await k.driver.submit(tx)).toMatchObject({ kind: 'retryLater' });
    expect(await k.driver.status(tx)).toMatchObject({ kind: 'confirmed' });
    expect(await k.driver.submit(tx)).toEqual({ kind: 'duplicate', hash: tx.hash });
    expect(k.server.appliedTxCount({ opKind: 'mint' })).toBe(1);
    expect(await k.driver.totalSupply(k.deployment)).toBe(9n);
  });

  it("'lose' on deploy: the retry finds the same deployment", async () => {
    const fund = { id: 'lost-deploy', name: 'L', symbol: 'L', decimals: 6 };
    k.server.faults.set('deploy', 'lose', 1);
    await expect(k.driver.deploy(fund)).rejects.toMatchObject({ code: 'CHAIN_UNAVAILABLE' });
    expect(k.server.state.tokens.has('lost-deploy')).toBe(true);
    expect((await k.driver.deploy(fund)).details.token).toBe('lost-deploy');
  });

  it("'hang' never answers: the driver times out (retryLater / CHAIN_UNAVAILABLE) and nothing is applied", async () => {
    const tx = await k.prepare({ kind: 'pause' });
    k.server.faults.set('submit', 'hang');
    k.server.faults.set('status', 'hang');
    const started = Date.now();
    expect(await k.driver.submit(tx)).toMatchObject({ kind: 'retryLater' });
    await expect(k.driver.status(tx)).rejects.toMatchObject({ code: 'CHAIN_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(5_000);
    k.server.faults.clear();
    expect(await k.driver.status(tx)).toEqual({ kind: 'unknown' });
  });

  it('clear() releases hung requests, and close() does too', async () => {
    k.server.faults.set('read', 'hang');
    const pending = httpJson(k.server.url, 'GET', '/head', 60_000);
    await waitFor(() => k.server.faults.hanging() === 1);
    k.server.faults.clear();
    await expect(pending).rejects.toBeInstanceOf(TransportError);
    expect(k.server.faults.hanging()).toBe(0);

    k.server.faults.set('read', 'hang');
    const again = httpJson(k.server.url, 'GET', '/head', 60_000);
    await waitFor(() => k.server.faults.hanging() === 1);
    await k.server.close();
    await expect(again).rejects.toBeInstanceOf(TransportError);
  });

  it('pause() refuses connections (node down); resume() serves the same state on the same port', async () => {
    const tx = await k.prepare({ kind: 'pause' });
    await k.server.pause();
    expect(await k.driver.submit(tx)).toMatchObject({ kind: 'retryLater' });
    await expect(k.driver.totalSupply(k.deployment)).rejects.toMatchObject({ code: 'CHAIN_UNAVAILABLE' });
    await k.server.resume();
    expect(await k.driver.submit(tx)).toEqual({ kind: 'accepted', hash: tx.hash });
    expect(await k.driver.status(tx)).toMatchObject({ kind: 'confirmed' });
  });

  it('parseError maps transport failures, wire errors and junk to FiscusErrors', () => {
    expect(k.driver.parseError(new TransportError('down')).code).toBe('CHAIN_UNAVAILABLE');
    expect(k.driver.parseError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })).code).toBe('CHAIN_UNAVAILABLE');
    expect(k.driver.parseError({ error: { code: 'FROZEN', message: 'x' } }).code).toBe('FROZEN');
    expect(k.driver.parseError({ error: { code: 'SOMETHING_NEW' } }).code).toBe('TX_FAILED');
    expect(k.driver.parseError(42).code).toBe('INTERNAL');
  });
});
