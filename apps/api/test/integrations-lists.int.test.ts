import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { CHAIN, startHarness, type Harness } from './support/harness.ts';
import { isProblem } from './support/http.ts';
import { createFund, createInvestor, deployFund } from './support/seed.ts';

/** Issue 16: chain discovery, the list routes, and the public proof of reserves. */
describeEachBackend('integrations: chains, lists, public proof of reserves', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend, { publicApi: { ratePerMinute: 4 } });
  });
  afterAll(() => h?.close());

  it('GET /v1/chains gives each chain its endpoint, a live health read and the funds paused on it', async () => {
    const fundId = await createFund(h);
    await deployFund(h, fundId);
    expect((await h.call('POST', `/v1/funds/${fundId}/chains/${CHAIN}/pause`)).status).toBe(200);
    const r = await h.call('GET', '/v1/chains', { key: await h.keyFor('investor', await createInvestor(h)) });
    expect(r.status, r.text).toBe(200);
    const [chain] = r.body.items;
    expect(chain).toMatchObject({
      chain: CHAIN,
      namespace: 'memory',
      endpoint: { kind: 'memchain', url: h.devnet.url, pchainUrl: null, local: true },
      health: { status: 'up', error: null },
      pausedFunds: [fundId],
    });
    expect(chain.health.height).toMatch(/^\d+$/);
  });

  it('a page of funds presents each fund exactly as GET /v1/funds/:id does, times to the millisecond', async () => {
    const ids = [
      await createFund(h, { symbol: 'LA', decimals: 2, mintApprovalThreshold: '1000.5', policy: { minHolding: '0.25', maxHolding: '900000' } }),
      await createFund(h, { symbol: 'LB', policy: { blockedJurisdictions: ['KP'] } }),
      await createFund(h, { symbol: 'LC', decimals: 0, stellarSep8: false }),
    ];
    // Microseconds the API does not show: a list written by Postgres and a fund read as a Date
    // must cut them the same way (truncated), .999999 included.
    await h.db.execute(sql`update funds set created_at = '2026-01-02 03:04:05.999999+00', updated_at = '2026-01-02 03:04:06.123456+00' where id = ${ids[0]}`);
    const listed = [];
    let cursor = '';
    for (;;) {
      const page = await h.call('GET', `/v1/funds?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status, page.text).toBe(200);
      listed.push(...page.body.items);
      if (!page.body.nextCursor) break;
      cursor = page.body.nextCursor;
    }
    for (const id of ids) {
      const one = await h.call('GET', `/v1/funds/${id}`);
      expect(listed.find((f: { id: string }) => f.id === id)).toEqual(one.body);
    }
    expect(listed.find((f: { id: string }) => f.id === ids[0])).toMatchObject({
      mintApprovalThreshold: '1000.5',
      policy: { minHolding: '0.25', maxHolding: '900000' },
      createdAt: '2026-01-02T03:04:05.999Z',
      updatedAt: '2026-01-02T03:04:06.123Z',
    });
  });

  it('investors list with filters and keyset pages; an investor key sees itself only', async () => {
    const tag = `Filter ${Date.now()}`;
    const de = await createInvestor(h, { legalName: `${tag} Berlin GmbH`, jurisdiction: 'de', investorType: 'institutional' });
    const fr1 = await createInvestor(h, {
      legalName: `${tag} Paris SA`,
      jurisdiction: 'FR',
      investorType: 'accredited',
      kycExpiresAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
    });
    const fr2 = await createInvestor(h, { legalName: `${tag} Lyon SA`, jurisdiction: 'FR', investorType: 'accredited' });
    const q = encodeURIComponent(tag.toLowerCase());
    const all = await h.call('GET', `/v1/investors?q=${q}`);
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual([fr2, fr1, de]); // newest first
    expect((await h.call('GET', `/v1/investors?q=${q}&jurisdiction=de`)).body.items.map((i: { id: string }) => i.id)).toEqual([de]);
    expect((await h.call('GET', `/v1/investors?q=${q}&investorType=institutional`)).body.items.map((i: { id: string }) => i.id)).toEqual([de]);
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString();
    expect((await h.call('GET', `/v1/investors?q=${q}&kycExpiresBefore=${encodeURIComponent(soon)}`)).body.items.map((i: { id: string }) => i.id)).toEqual([
      fr1,
    ]);
    const page1 = await h.call('GET', `/v1/investors?q=${q}&limit=2`);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await h.call('GET', `/v1/investors?q=${q}&limit=2&cursor=${page1.body.nextCursor}`);
    expect([page2.body.items.map((i: { id: string }) => i.id), page2.body.nextCursor]).toEqual([[de], null]);
    const own = await h.call('GET', '/v1/investors', { key: await h.keyFor('investor', fr1) });
    expect(own.body.items.map((i: { id: string }) => i.id)).toEqual([fr1]);
  });

  it('distributions, attestations and payouts are listed newest first, in pages', async () => {
    const fundId = await createFund(h, { nav: '1' });
    const d1 = await h.call('POST', `/v1/funds/${fundId}/distributions`, { body: { units: '1', recordTime: new Date(Date.now() + 3_600_000).toISOString() } });
    const d2 = await h.call('POST', `/v1/funds/${fundId}/distributions`, { body: { units: '2', recordTime: new Date(Date.now() + 7_200_000).toISOString() } });
    expect([d1.status, d2.status]).toEqual([202, 202]);
    const dl = await h.call('GET', `/v1/funds/${fundId}/distributions?limit=1`);
    expect(dl.body.items.map((d: { id: string }) => d.id)).toEqual([d2.body.distribution.id]);
    const dl2 = await h.call('GET', `/v1/funds/${fundId}/distributions?limit=1&cursor=${dl.body.nextCursor}`);
    expect(dl2.body.items.map((d: { id: string; state: string }) => [d.id, d.state])).toEqual([[d1.body.distribution.id, 'pending']]);
    expect((await h.call('GET', `/v1/funds/${fundId}/distributions?state=completed`)).body.items).toEqual([]);

    const a1 = (await h.call('POST', `/v1/funds/${fundId}/attestations`)).body.attestation;
    const a2 = (await h.call('POST', `/v1/funds/${fundId}/attestations`)).body.attestation;
    const hist = await h.call('GET', `/v1/funds/${fundId}/attestations`, { key: await h.keyFor('auditor') });
    expect(hist.body.items.map((a: { id: string }) => a.id)).toEqual([a2.id, a1.id]);

    const payouts = await h.call('GET', `/v1/funds/${fundId}/payouts`);
    expect([payouts.status, payouts.body]).toEqual([200, { items: [], nextCursor: null }]);
    expect((await h.call('GET', '/v1/funds/fund_missing/payouts')).status).toBe(404);
  });

  it('the proof of reserves stellar.toml links to is public, the same as the keyed route, and rate limited per client', async () => {
    const fundId = await createFund(h, { nav: '1' });
    const none = await h.call('GET', `/public/funds/${fundId}/attestations/latest`, { key: undefined });
    expect([none.status, none.body.code]).toEqual([404, 'NOT_FOUND']);
    await h.call('POST', `/v1/funds/${fundId}/attestations`);
    const pub = await h.call('GET', `/public/funds/${fundId}/attestations/latest`, { key: undefined });
    expect(pub.status).toBe(200);
    expect(pub.headers.get('access-control-allow-origin')).toBe('*');
    expect(pub.body).toEqual((await h.call('GET', `/v1/funds/${fundId}/attestations/latest`)).body);
    const hist = await h.call('GET', `/public/funds/${fundId}/attestations`, { key: undefined });
    expect(hist.body.items.map((a: { id: string }) => a.id)).toEqual([pub.body.id]);
    // 4 per minute in this harness: the 5th answers 429 problem+json with Retry-After.
    expect((await h.call('GET', '/public/attestations/keys', { key: undefined })).status).toBe(200);
    const limited = await h.call('GET', '/public/attestations/keys', { key: undefined });
    expect([limited.status, limited.body.code, isProblem(limited)]).toEqual([429, 'TOO_MANY_REQUESTS', true]);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Keyed routes are not counted against it.
    expect((await h.call('GET', `/v1/funds/${fundId}/attestations`)).status).toBe(200);
  });
});
