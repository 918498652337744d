import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { requestOperation, verifyAttestation } from '@fiscus/engine';
import { getOperation, postEntry } from '@fiscus/ledger';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { isProblem } from './support/http.ts';
import { CHAIN, startHarness, type Harness } from './support/harness.ts';
import { createFund, createInvestor, deployFund, registerWallet } from './support/seed.ts';

describeEachBackend('NAV, attestations and the reserve check over the API', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
  });
  afterAll(() => h?.close());

  it('a new fund starts at its initial NAV (default 1.000000 at scale 6) with its guards', async () => {
    const plain = await createFund(h);
    const r = await h.call('GET', `/v1/funds/${plain}/nav`);
    expect(r.status).toBe(200);
    expect(r.body.current).toMatchObject({ round: '1', nav: '1', value: '1000000', scale: 6, previousId: null });
    expect(r.body.guards).toEqual({ maxMoveBps: 200, minIntervalSeconds: 0, staleAfterSeconds: 345_600, enforceReserves: false });
    const priced = await createFund(h, { nav: '10.25', navGuards: { maxMoveBps: 25 } });
    const p = await h.call('GET', `/v1/funds/${priced}/nav`);
    expect(p.body.current).toMatchObject({ nav: '10.25', value: '10250000', scale: 6 });
    expect(p.body.guards.maxMoveBps).toBe(25);
    const bad = await h.call('POST', '/v1/funds', { body: { name: 'X', symbol: 'X', nav: '-1' } });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('publishes within the guards, refuses outside them with stable codes, keeps the history', async () => {
    const fundId = await createFund(h, { navGuards: { maxMoveBps: 10, minIntervalSeconds: 0 } });
    const ok = await h.call('POST', `/v1/funds/${fundId}/nav`, { body: { nav: '1.0001', reason: 'accrual' } });
    expect(ok.status).toBe(201);
    expect(ok.body.publication).toMatchObject({ round: '2', nav: '1.0001', value: '1000100', reason: 'accrual' });
    expect(ok.body.operations).toEqual([]); // memchain has no NAV feed: nothing to mirror
    const big = await h.call('POST', `/v1/funds/${fundId}/nav`, { body: { nav: '1.0012' } });
    expect([big.status, big.body.code, isProblem(big)]).toEqual([422, 'NAV_MOVE_TOO_LARGE', true]);
    const guards = await h.call('PATCH', `/v1/funds/${fundId}/nav/guards`, { body: { minIntervalSeconds: 3600 } });
    expect(guards.body).toMatchObject({ maxMoveBps: 10, minIntervalSeconds: 3600 });
    const soon = await h.call('POST', `/v1/funds/${fundId}/nav`, { body: { nav: '1.0002' } });
    expect([soon.status, soon.body.code]).toEqual([409, 'NAV_TOO_SOON']);
    for (const nav of ['abc', '0', '1.0000000000000000001']) {
      const r = await h.call('POST', `/v1/funds/${fundId}/nav`, { body: { nav } });
      expect([r.status, r.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const history = await h.call('GET', `/v1/funds/${fundId}/nav?limit=1`);
    expect(history.body.history.map((x: any) => x.round)).toEqual(['2']);
    const older = await h.call('GET', `/v1/funds/${fundId}/nav?limit=1&before=${history.body.nextCursor}`);
    expect(older.body.history.map((x: any) => x.round)).toEqual(['1']);
    expect(older.body.current.round).toBe('2');
  });

  it('roles: treasurer publishes, auditor only reads', async () => {
    const fundId = await createFund(h);
    const auditor = await h.keyFor('auditor');
    const treasurer = await h.keyFor('treasurer');
    expect((await h.call('POST', `/v1/funds/${fundId}/nav`, { key: auditor, body: { nav: '1.0001' } })).status).toBe(403);
    expect((await h.call('POST', `/v1/funds/${fundId}/attestations`, { key: auditor })).status).toBe(403);
    expect((await h.call('POST', `/v1/funds/${fundId}/nav`, { key: treasurer, body: { nav: '1.0001' } })).status).toBe(201);
    expect((await h.call('GET', `/v1/funds/${fundId}/nav`, { key: auditor })).status).toBe(200);
  });

  it('memchain refuses a publishNav operation with CAPABILITY_UNSUPPORTED', async () => {
    const fundId = await createFund(h);
    await deployFund(h, fundId);
    const op = await requestOperation(h.db, { fundId, chain: CHAIN, body: { kind: 'publishNav', value: 1n, scale: 0, round: 2n, at: 1 }, requestedBy: 'test' });
    expect(await h.settle(op.id)).toBe('failed');
    expect((await getOperation(h.db, { id: op.id }))?.lastError).toMatchObject({ code: 'CAPABILITY_UNSUPPORTED' });
  });

  it('an attestation verifies with nothing but the published key, and states reserves vs required', async () => {
    const fundId = await createFund(h, { nav: '1.5' });
    await postEntry(h.db, {
      fundId,
      memo: 'custodian statement (test)',
      postings: [
        { account: 'custody:bny', commodity: 'usd', amount: 700_000_000n },
        { account: 'cash:operating', commodity: 'usd', amount: 50_000_000n },
        { account: 'external:bank', commodity: 'usd', amount: -750_000_000n },
      ],
    });
    const created = await h.call('POST', `/v1/funds/${fundId}/attestations`);
    expect(created.status).toBe(201);
    const latest = await h.call('GET', `/v1/funds/${fundId}/attestations/latest`, { key: await h.keyFor('auditor') });
    expect(latest.status).toBe(200);
    const a = latest.body;
    expect(a.id).toBe(created.body.attestation.id);
    expect(a.body).toMatchObject({
      fundId,
      unitsOutstanding: '0',
      nav: { value: '1500000', scale: 6, round: '1' },
      reserves: { totalUsdMicros: '750000000', accounts: { 'custody:bny': '700000000', 'cash:operating': '50000000' } },
      required: { usdMicros: '0', rounding: 'RESERVES_REQUIRED_ROUND_UP' },
      ok: true,
    });
    expect(createHash('sha256').update(a.payload).digest('hex')).toBe(a.hash);
    const keys = await h.call('GET', '/v1/attestations/keys');
    const key = keys.body.keys.find((k: any) => k.keyId === a.keyId);
    expect(verifyAttestation(key.publicKey, a.payload, a.signature)).toBe(true);
    expect(verifyAttestation(key.publicKey, a.payload.replace('750000000', '750000001'), a.signature)).toBe(false);
    expect(JSON.stringify(keys.body)).not.toMatch(/private|seed/i);
    const none = await h.call('GET', `/v1/funds/${await createFund(h)}/attestations/latest`);
    expect([none.status, none.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('with enforceReserves, a subscription is refused RESERVES_SHORT once the reserves fall behind', async () => {
    const fundId = await createFund(h, { decimals: 2, navGuards: { enforceReserves: true } });
    await deployFund(h, fundId);
    const investorId = await createInvestor(h);
    const address = await registerWallet(h, fundId, investorId);
    const subscribe = (units: string) => h.call('POST', `/v1/funds/${fundId}/subscriptions`, { body: { investorId, chain: CHAIN, address, units } });
    const bank = (micros: bigint) =>
      postEntry(h.db, {
        fundId,
        memo: 'bank feed (test)',
        postings: [
          { account: 'cash:operating', commodity: 'usd', amount: micros },
          { account: 'external:bank', commodity: 'usd', amount: -micros },
        ],
      });
    // A subscription brings its own cash (posted with the mint request), so it is covered.
    const ok = await subscribe('100');
    expect(ok.status).toBe(202);
    expect(await h.settle(ok.body.operation.id)).toBe('posted');
    // The custodian loses $50: 100 units at $1 now need $100 and the fund holds $50.
    await bank(-50_000_000n);
    const short = await subscribe('1');
    expect([short.status, short.body.code, isProblem(short)]).toEqual([409, 'RESERVES_SHORT', true]);
    expect(short.body.meta).toMatchObject({ requiredUsd: '101', reservesUsd: '51', shortUsd: '50', outstanding: '10000' });
    const att = await h.call('POST', `/v1/funds/${fundId}/attestations`);
    expect(att.body.attestation.body).toMatchObject({ unitsOutstanding: '10000', required: { usdMicros: '100000000' }, ok: false });
    await bank(49_999_999n);
    expect((await subscribe('1')).body.code).toBe('RESERVES_SHORT');
    await bank(1n);
    expect((await subscribe('1')).status).toBe(202);
  });
});
