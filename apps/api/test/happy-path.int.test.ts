import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { CHAIN, startHarness, type Harness } from './support/harness.ts';

async function pollOperation(h: Harness, id: string, until: string): Promise<any> {
  for (let i = 0; i < 400; i++) {
    const r = await h.call('GET', `/v1/operations/${id}`);
    expect(r.status).toBe(200);
    if (r.body.state === until) return r.body;
    if (r.body.state === 'failed') throw new Error(`operation failed: ${JSON.stringify(r.body.lastError)}`);
    await new Promise((res) => setTimeout(res, 10));
  }
  throw new Error(`operation ${id} never reached ${until}`);
}

describeEachBackend('api happy path with a real memchain and a running worker', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
    h.worker.start();
  });
  afterAll(() => h?.close());

  it('fund → deploy → investor → wallet → subscription → supply in sync → redemption', async () => {
    const fund = await h.call('POST', '/v1/funds', {
      body: { name: 'Treasury Fund', symbol: 'TBILL', decimals: 6, policy: { allowedJurisdictions: ['US', 'DE'], maxHolding: '5000000' } },
    });
    expect(fund.status).toBe(201);
    expect(fund.body.policy.maxHolding).toBe('5000000');
    const fundId: string = fund.body.id;

    const deploy = await h.call('POST', `/v1/funds/${fundId}/deployments`, { body: { chain: CHAIN } });
    expect(deploy.status).toBe(202);
    expect(deploy.body.operation.kind).toBe('deploy');
    await pollOperation(h, deploy.body.operation.id, 'posted');
    const deployments = await h.call('GET', `/v1/funds/${fundId}/deployments`);
    expect(deployments.body.items[0]).toMatchObject({ chain: CHAIN, status: 'active' });

    const investor = await h.call('POST', '/v1/investors', {
      body: { legalName: 'Acme Capital LLC', jurisdiction: 'us', investorType: 'institutional', kycStatus: 'verified' },
    });
    expect(investor.status).toBe(201);
    expect(investor.body).toMatchObject({ jurisdiction: 'US', jurisdictionNumeric: 840 });
    const investorId: string = investor.body.id;

    const address = h.newAddress().toLowerCase();
    const wallet = await h.call('POST', `/v1/funds/${fundId}/wallets`, { body: { investorId, chain: CHAIN, address } });
    expect(wallet.status).toBe(202);
    expect(wallet.body.standing.status).toBe('pending');
    await pollOperation(h, wallet.body.operation.id, 'posted');

    const sub = await h.call('POST', `/v1/funds/${fundId}/subscriptions`, { body: { investorId, chain: CHAIN, address, units: '1250.5' } });
    expect(sub.status).toBe(202);
    expect(sub.body.operation.body.units).toBe('1250.5');
    const minted = await pollOperation(h, sub.body.operation.id, 'posted');
    expect(minted.txHash).toMatch(/\w+/);
    expect(minted.history.map((e: any) => e.to)).toEqual(['approved', 'prepared', 'submitted', 'confirmed', 'posted']);

    const supply = await h.call('GET', `/v1/funds/${fundId}/supply`);
    expect(supply.status).toBe(200);
    expect(supply.body).toMatchObject({ unitsOutstanding: '1250.5', invariantHolds: true });
    expect(supply.body.chains[0]).toMatchObject({ chain: CHAIN, ledgerSupply: '1250.5', chainSupply: '1250.5', inSync: true });

    const red = await h.call('POST', `/v1/funds/${fundId}/redemptions`, { body: { investorId, chain: CHAIN, address, units: '250.5' } });
    expect(red.status).toBe(202);
    await pollOperation(h, red.body.operation.id, 'posted');

    const after = await h.call('GET', `/v1/funds/${fundId}/supply`);
    expect(after.body.chains[0]).toMatchObject({ ledgerSupply: '1000', chainSupply: '1000', inSync: true });
    const wallets = await h.call('GET', `/v1/investors/${investorId}/wallets`);
    expect(wallets.body.items[0].funds[0]).toMatchObject({ fundId, status: 'authorized', units: '1000' });

    const rec = await h.call('POST', `/v1/funds/${fundId}/reconciliations`);
    expect(rec.status).toBe(200);
    expect(rec.body.items).toEqual([expect.objectContaining({ chain: CHAIN, status: 'clean', ledgerSupply: '1000', chainSupply: '1000' })]);
    const history = await h.call('GET', `/v1/funds/${fundId}/reconciliations`);
    expect(history.body.items).toHaveLength(1);

    const ops = await h.call('GET', `/v1/operations?fundId=${fundId}&state=posted`);
    expect(ops.body.items.map((o: any) => o.kind)).toEqual(['burn', 'mint', 'authorize', 'deploy']);

    const verify = await h.call('GET', '/v1/audit/verify');
    expect(verify.body).toMatchObject({ ok: true });
    expect(verify.body.count).toBeGreaterThan(5);
  });

  it('a mint above the threshold waits for a second approver', async () => {
    const fund = await h.call('POST', '/v1/funds', { body: { name: 'Gated', symbol: 'GATE', mintApprovalThreshold: '100' } });
    const fundId = fund.body.id;
    const dep = await h.call('POST', `/v1/funds/${fundId}/deployments`, { body: { chain: CHAIN } });
    await pollOperation(h, dep.body.operation.id, 'posted');
    const inv = await h.call('POST', '/v1/investors', { body: { legalName: 'B', jurisdiction: 'DE', investorType: 'professional', kycStatus: 'verified' } });
    const address = h.newAddress();
    const w = await h.call('POST', `/v1/funds/${fundId}/wallets`, { body: { investorId: inv.body.id, chain: CHAIN, address } });
    await pollOperation(h, w.body.operation.id, 'posted');

    const treasurer = await h.keyFor('treasurer');
    const sub = await h.call('POST', `/v1/funds/${fundId}/subscriptions`, {
      key: treasurer,
      body: { investorId: inv.body.id, chain: CHAIN, address, units: '100.000001' },
    });
    expect(sub.body.operation).toMatchObject({ state: 'requested', requiresApproval: true });
    const self = await h.call('POST', `/v1/operations/${sub.body.operation.id}/approve`, { key: treasurer });
    expect(self.status).toBe(403);
    const second = await h.call('POST', `/v1/operations/${sub.body.operation.id}/approve`, { key: await h.keyFor('compliance') });
    expect(second.status).toBe(200);
    expect(second.body.state).toBe('approved');
    await pollOperation(h, sub.body.operation.id, 'posted');
  });

  it('serves OpenAPI 3.1, docs, health and metrics', async () => {
    const doc = await h.call('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v1/funds', '/v1/funds/{fundId}/supply', '/v1/operations/{operationId}', '/healthz']));
    expect(doc.body.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect((await h.call('GET', '/docs')).status).toBe(200);
    expect((await h.call('GET', '/healthz')).body).toEqual({ status: 'ok', db: 'ok' });
    const metrics = await h.call('GET', '/metrics');
    expect(metrics.text).toContain('fiscus_http_requests_total{method="POST",route="/v1/funds",status="201"}');
    expect(metrics.text).toMatch(/fiscus_operations\{state="posted"\} \d+/);
  });

  it('echoes X-Request-Id and puts it in problems', async () => {
    const r = await h.call('GET', '/v1/nope', { headers: { 'x-request-id': 'trace-123' } });
    expect(r.status).toBe(404);
    expect(r.headers.get('x-request-id')).toBe('trace-123');
    expect(r.body).toMatchObject({ code: 'NOT_FOUND', requestId: 'trace-123' });
  });
});
