import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFiscusClient, type FiscusClient } from '@fiscus/client';
import { GENERATED_FILE, renderClientTypes } from '@fiscus/client/render';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { CHAIN, startHarness, type Harness } from './support/harness.ts';

const idem = () => ({ 'idempotency-key': crypto.randomUUID() });

describeEachBackend('packages/client against the live server', (backend) => {
  let h: Harness;
  let client: FiscusClient;
  beforeAll(async () => {
    h = await startHarness(backend);
    client = createFiscusClient({ baseUrl: 'http://fiscus.test', apiKey: h.adminKey, fetch: (req) => Promise.resolve(h.app.request(req)) });
  });
  afterAll(() => h?.close());

  it('the checked-in client types are generated from exactly this server’s /openapi.json (run `npm run client:generate`)', async () => {
    const live = (await h.call('GET', '/openapi.json')).body;
    expect(await renderClientTypes(live)).toBe(readFileSync(fileURLToPath(GENERATED_FILE), 'utf8'));
  });

  it('drives a fund from creation to a minted position and its public proof of reserves, typed end to end', async () => {
    const fund = await client.POST('/v1/funds', { params: { header: idem() }, body: { name: 'Client Fund', symbol: 'CLI', decimals: 6 } });
    expect(fund.response.status, JSON.stringify(fund.error)).toBe(201);
    const fundId = fund.data!.id;
    const deploy = await client.POST('/v1/funds/{fundId}/deployments', { params: { path: { fundId }, header: idem() }, body: { chain: CHAIN } });
    expect(await h.settle(deploy.data!.operation.id)).toBe('posted');
    const investor = await client.POST('/v1/investors', {
      params: { header: idem() },
      body: { legalName: 'Typed LLC', jurisdiction: 'US', investorType: 'institutional', kycStatus: 'verified' },
    });
    const investorId = investor.data!.id;
    const address = h.newAddress();
    const wallet = await client.POST('/v1/funds/{fundId}/wallets', {
      params: { path: { fundId }, header: idem() },
      body: { investorId, chain: CHAIN, address },
    });
    expect(await h.settle(wallet.data!.operation.id)).toBe('posted');
    const sub = await client.POST('/v1/funds/{fundId}/subscriptions', {
      params: { path: { fundId }, header: idem() },
      body: { investorId, chain: CHAIN, address, units: '250.5' },
    });
    expect(sub.response.status, JSON.stringify(sub.error)).toBe(202);
    expect(await h.settle(sub.data!.operation.id)).toBe('posted');

    const cap = await client.GET('/v1/funds/{fundId}/cap-table', { params: { path: { fundId }, query: { limit: 10 } } });
    expect(cap.data!.items.map((e) => [e.investorId, e.total])).toEqual([[investorId, '250.5']]);
    const listed = await client.GET('/v1/investors', { params: { query: { q: 'Typed', limit: 5 } } });
    expect(listed.data!.items.map((i) => i.id)).toContain(investorId);

    const att = await client.POST('/v1/funds/{fundId}/attestations', { params: { path: { fundId }, header: idem() } });
    expect(att.response.status, JSON.stringify(att.error)).toBe(201);
    const anonymous = createFiscusClient({ baseUrl: 'http://fiscus.test', fetch: (req) => Promise.resolve(h.app.request(req)) });
    const pub = await anonymous.GET('/public/funds/{fundId}/attestations/latest', { params: { path: { fundId } } });
    expect(pub.data!.id).toBe(att.data!.attestation.id);

    // Errors come back typed as problem+json with their code.
    const missing = await client.GET('/v1/funds/{fundId}', { params: { path: { fundId: 'fund_missing' } } });
    expect([missing.response.status, missing.error?.code]).toEqual([404, 'NOT_FOUND']);
  });
});
