import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { schema } from '@fiscus/ledger';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { createApp } from '../src/app.ts';
import { ApiKeyCache } from '../src/auth/key-cache.ts';
import type { Role } from '../src/auth/principal.ts';
import { silentLogger } from '../src/lib/logger.ts';
import { CHAIN, startHarness, type Harness } from './support/harness.ts';
import { call, isProblem } from './support/http.ts';
import { seedWorld, type World } from './support/seed.ts';

const [A, C, T, I, U] = ['issuer-admin', 'compliance', 'treasurer', 'investor', 'auditor'] as const satisfies Role[];
const ROLES: Role[] = [A, C, T, I, U];

interface Ids extends World {
  ownOperationId: string;
}

/**
 * Route × role, written out here (not imported from src) so the test checks the table rather
 * than restating it. Paths use the investor key's OWN ids; mutations send `{}`, so an allowed
 * role gets a 400 from validation, never a side effect, and a denied role gets 403 first.
 */
const TABLE: { method: string; path: (x: Ids) => string; allowed: Role[]; body?: unknown }[] = [
  { method: 'POST', path: () => '/v1/funds', allowed: [A], body: {} },
  { method: 'GET', path: () => '/v1/funds', allowed: [A, C, T, U] },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}`, allowed: [A, C, T, U] },
  { method: 'PUT', path: (x) => `/v1/funds/${x.fundId}/policy`, allowed: [A, C], body: { surprise: true } },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/deployments`, allowed: [A], body: {} },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/deployments`, allowed: [A, C, T, U] },
  { method: 'POST', path: () => '/v1/investors', allowed: [A, C], body: {} },
  { method: 'GET', path: (x) => `/v1/investors/${x.investorId}`, allowed: [A, C, U, I] },
  { method: 'PATCH', path: (x) => `/v1/investors/${x.investorId}/kyc`, allowed: [A, C], body: {} },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/wallets`, allowed: [A, C], body: {} },
  { method: 'GET', path: (x) => `/v1/investors/${x.investorId}/wallets`, allowed: [A, C, U, I] },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/subscriptions`, allowed: [A, T], body: {} },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/redemptions`, allowed: [A, T, I], body: {} },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/freezes`, allowed: [A, C], body: {} },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/unfreezes`, allowed: [A, C], body: {} },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/forced-transfers`, allowed: [A, C], body: {} },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/recoveries`, allowed: [A, C], body: {} },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/key-rotations`, allowed: [A, T], body: {} },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/subscriptions/stellar-dvp`, allowed: [A, T, I], body: {} },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/subscriptions/stellar-dvp/quo_unknown`, allowed: [A, T, I] },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/liquidity`, allowed: [A, C, T, U] },
  { method: 'PUT', path: (x) => `/v1/funds/${x.fundId}/liquidity/chain_unknown`, allowed: [A, T], body: {} },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/liquidity/moves`, allowed: [A, T], body: {} },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/liquidity/chain_unknown/reconciliations`, allowed: [A, T], body: {} },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/liquidity/reconciliations`, allowed: [A, C, T, U] },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/liquidity/chain_unknown/limits`, allowed: [A, C, T, U] },
  { method: 'PUT', path: (x) => `/v1/funds/${x.fundId}/liquidity/chain_unknown/limits`, allowed: [A, T], body: { surprise: true } },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/payouts/pay_unknown/retry`, allowed: [A, T], body: { surprise: true } },
  { method: 'POST', path: () => '/v1/dev/faucet', allowed: [A, T, I], body: {} },
  { method: 'GET', path: () => '/v1/operations/op_unknown/signatures', allowed: [A, C] },
  { method: 'POST', path: () => '/v1/operations/op_unknown/signatures', allowed: [A, C], body: {} },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/stellar/trustline-transactions`, allowed: [A, C, I], body: {} },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/stellar/fee-bumps`, allowed: [A, C, I], body: {} },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/custody/lots`, allowed: [A, T], body: {} },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/custody/lots/lot_unknown/maturity`, allowed: [A, T], body: {} },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/custody/lots/lot_unknown/roll`, allowed: [A, T], body: {} },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/cash/movements`, allowed: [A, T], body: {} },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/custody/holdings`, allowed: [A, C, T, U] },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/cash`, allowed: [A, C, T, U] },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/redemptions`, allowed: [A, C, T, U, I] },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/redemptions/red_unknown`, allowed: [A, C, T, U, I] },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/redemptions/red_unknown/payouts/pay_unknown/confirm`, allowed: [A, T], body: {} },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/redemptions/red_unknown/accept`, allowed: [A, T] },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/redemption-rules`, allowed: [A, C, T, U, I] },
  { method: 'PUT', path: (x) => `/v1/funds/${x.fundId}/redemption-rules`, allowed: [A, T], body: {} },
  { method: 'GET', path: (x) => `/v1/operations/${x.ownOperationId}`, allowed: [A, C, T, U, I] },
  { method: 'GET', path: () => '/v1/operations', allowed: [A, C, T, U, I] },
  { method: 'POST', path: () => '/v1/operations/op_unknown/approve', allowed: [A, C] },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/supply`, allowed: [A, C, T, U] },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/reconciliations`, allowed: [A, T], body: { chain: 'bad' } },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/reconciliations`, allowed: [A, C, T, U] },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/reconciliations/rec_unknown`, allowed: [A, C, T, U] },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/distributions`, allowed: [A, T], body: {} },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/distributions/dist_unknown`, allowed: [A, C, T, U] },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/distributions/dist_unknown/allocations`, allowed: [A, C, T, U] },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/distributions/dist_unknown/cancel`, allowed: [A, T] },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/cap-table`, allowed: [A, C, T, U] },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/holders/count`, allowed: [A, C, T, U] },
  { method: 'GET', path: () => '/v1/audit', allowed: [A, C, U] },
  { method: 'GET', path: () => '/v1/me', allowed: [A, C, T, U, I] },
  { method: 'GET', path: () => '/v1/chains', allowed: [A, C, T, U, I] },
  { method: 'GET', path: () => '/v1/audit/verify', allowed: [A, C, U] },
  { method: 'POST', path: () => '/v1/api-keys', allowed: [A], body: {} },
  { method: 'GET', path: () => '/v1/api-keys', allowed: [A] },
  { method: 'DELETE', path: () => '/v1/api-keys/key_unknown', allowed: [A] },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/nav`, allowed: [A, T], body: {} },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/nav`, allowed: [A, C, T, U] },
  { method: 'PATCH', path: (x) => `/v1/funds/${x.fundId}/nav/guards`, allowed: [A, T], body: { surprise: true } },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/attestations`, allowed: [A, T] },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/attestations/latest`, allowed: [A, C, T, U] },
  { method: 'GET', path: () => '/v1/attestations/keys', allowed: [A, C, T, U] },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/moves`, allowed: [A, T], body: {} },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/moves`, allowed: [A, C, T, U] },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/moves/move_unknown`, allowed: [A, C, T, U] },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/moves/move_unknown/resolve`, allowed: [A, T], body: {} },
  { method: 'PUT', path: (x) => `/v1/funds/${x.fundId}/chains/chain_unknown/move-limits`, allowed: [A, T], body: {} },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/chains/chain_unknown/move-limits`, allowed: [A, C, T, U] },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/chains/chain_unknown/pause`, allowed: [A, T] },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/chains/chain_unknown/unpause`, allowed: [A, T] },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/halts`, allowed: [A, C, T, U] },
  { method: 'POST', path: (x) => `/v1/funds/${x.fundId}/halts/clear`, allowed: [A] },
  { method: 'POST', path: () => '/v1/avalanche/l1s', allowed: [A], body: {} },
  { method: 'GET', path: () => '/v1/avalanche/l1s/l1_unknown', allowed: [A, U] },
  { method: 'GET', path: () => '/v1/investors', allowed: [A, C, U, I] },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/distributions`, allowed: [A, C, T, U] },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/attestations`, allowed: [A, C, T, U] },
  { method: 'GET', path: (x) => `/v1/funds/${x.fundId}/payouts`, allowed: [A, C, T, U, I] },
  { method: 'POST', path: () => '/v1/webhooks', allowed: [A], body: {} },
  { method: 'GET', path: () => '/v1/webhooks', allowed: [A, U] },
  { method: 'GET', path: () => '/v1/webhooks/whe_unknown', allowed: [A, U] },
  { method: 'DELETE', path: () => '/v1/webhooks/whe_unknown', allowed: [A] },
  { method: 'GET', path: () => '/v1/webhooks/whe_unknown/deliveries', allowed: [A, U] },
  { method: 'GET', path: () => '/v1/webhooks/whe_unknown/deliveries/whd_unknown', allowed: [A, U] },
  { method: 'POST', path: () => '/v1/webhooks/whe_unknown/deliveries/whd_unknown/replay', allowed: [A] },
  { method: 'POST', path: () => '/v1/webhooks/whe_unknown/replay', allowed: [A], body: {} },
];

describeEachBackend('authorization: every route × every role', (backend) => {
  let h: Harness;
  let x: Ids;
  const keys = {} as Record<Role, string>;
  beforeAll(async () => {
    h = await startHarness(backend);
    const w = await seedWorld(h);
    const [op] = await h.db
      .select({ id: schema.operations.id })
      .from(schema.operations)
      .where(sql`${schema.operations.context}->>'investorId' = ${w.investorId} and ${schema.operations.kind} = 'mint'`);
    x = { ...w, ownOperationId: op!.id };
    for (const role of ROLES) keys[role] = await h.keyFor(role, role === I ? w.investorId : undefined);
  });
  afterAll(() => h?.close());

  it('covers every documented route', async () => {
    const doc = (await h.call('GET', '/openapi.json')).body;
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .filter((r) => r.includes('/v1/'));
    const templates = TABLE.map((r) =>
      `${r.method} ${r.path({ fundId: '{fundId}', investorId: '{investorId}', ownOperationId: '{operationId}' } as Ids)}`
        .replace('op_unknown', '{operationId}')
        .replace('key_unknown', '{keyId}')
        .replace('move_unknown', '{moveId}')
        .replace('chain_unknown', '{chain}')
        .replace('lot_unknown', '{lotId}')
        .replace('red_unknown', '{redemptionId}')
        .replace('pay_unknown', '{payoutId}')
        .replace('quo_unknown', '{quoteId}')
        .replace('rec_unknown', '{reconciliationId}')
        .replace('dist_unknown', '{distributionId}')
        .replace('l1_unknown', '{id}')
        .replace('whe_unknown', '{endpointId}')
        .replace('whd_unknown', '{deliveryId}'),
    );
    expect(templates.sort()).toEqual(documented.sort());
  });

  for (const role of ROLES) {
    it(`role ${role}`, async () => {
      const wrong: string[] = [];
      for (const r of TABLE) {
        const res = await h.call(r.method, r.path(x), { key: keys[role], body: r.body });
        const allowed = r.allowed.includes(role);
        const ok = allowed ? ![401, 403].includes(res.status) && res.status < 500 : res.status === 403 && res.body?.code === 'FORBIDDEN' && isProblem(res);
        if (!ok) wrong.push(`${r.method} ${r.path(x)} as ${role}: ${allowed ? 'allowed' : 'denied'} expected, got ${res.status} ${res.text.slice(0, 160)}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('an investor key cannot read or act for another investor', async () => {
    const key = keys[I];
    const denied = [
      await h.call('GET', `/v1/investors/${x.otherInvestorId}`, { key }),
      await h.call('GET', `/v1/investors/${x.otherInvestorId}/wallets`, { key }),
      await h.call('POST', `/v1/funds/${x.fundId}/redemptions`, {
        key,
        body: { investorId: x.otherInvestorId, chain: CHAIN, address: x.otherAddress, units: '1' },
      }),
      // Its own investor id but someone else's wallet.
      await h.call('POST', `/v1/funds/${x.fundId}/redemptions`, { key, body: { investorId: x.investorId, chain: CHAIN, address: x.otherAddress, units: '1' } }),
    ];
    const [otherOp] = await h.db
      .select({ id: schema.operations.id })
      .from(schema.operations)
      .where(sql`${schema.operations.context}->>'investorId' = ${x.otherInvestorId}`);
    denied.push(await h.call('GET', `/v1/operations/${otherOp!.id}`, { key }));
    for (const r of denied) {
      expect(r.status, r.text).toBe(403);
      expect(r.body.code).toBe('FORBIDDEN');
    }

    const list = await h.call('GET', '/v1/operations?limit=200', { key });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.map((o: { id: string }) => o.id)).not.toContain(otherOp!.id);

    const own = await h.call('POST', `/v1/funds/${x.fundId}/redemptions`, {
      key,
      body: { investorId: x.investorId, chain: CHAIN, address: x.address, units: '1' },
    });
    expect(own.status).toBe(202);
    expect(own.body.operation.requestedBy).not.toBe(null);
  });

  it('a revoked key is refused at once, though it was just verified (and kept: auth/key-cache.ts)', async () => {
    const key = await h.keyFor(U);
    expect((await h.call('GET', '/v1/funds', { key })).status).toBe(200);
    const id = (await h.call('GET', '/v1/api-keys')).body.items.at(-1).id;
    expect((await h.call('DELETE', `/v1/api-keys/${id}`)).status).toBe(200);
    expect((await h.call('GET', '/v1/funds', { key })).status).toBe(401);
  });

  it('a key revoked through another process is refused within the cache TTL; a wrong secret never rides on a kept key', async () => {
    const key = await h.keyFor(U);
    const id = key.slice('fsk_'.length, key.lastIndexOf('_'));
    const app = createApp({ db: h.db, drivers: h.drivers, logger: silentLogger(), apiKeys: new ApiKeyCache(300) });
    const get = (k: string) => call(app, 'GET', '/v1/funds', { key: k });
    expect((await get(key)).status).toBe(200);
    expect((await get(`${key.slice(0, -1)}${key.endsWith('0') ? '1' : '0'}`)).status).toBe(401);
    // Another API process revokes it: the row changes under this app's cache.
    await h.db.update(schema.apiKeys).set({ revokedAt: new Date() }).where(eq(schema.apiKeys.id, id));
    expect((await get(key)).status).toBe(200); // within the TTL, as the README says
    await new Promise((r) => setTimeout(r, 350));
    expect((await get(key)).status).toBe(401);
  });

  it('the last active admin key cannot be revoked', async () => {
    const ownId = h.adminKey.slice('fsk_'.length, h.adminKey.lastIndexOf('_'));
    const items = (await h.call('GET', '/v1/api-keys')).body.items as { id: string; role: string; revokedAt: string | null }[];
    for (const k of items.filter((k) => k.role === A && !k.revokedAt && k.id !== ownId)) {
      expect((await h.call('DELETE', `/v1/api-keys/${k.id}`)).status).toBe(200);
    }
    const r = await h.call('DELETE', `/v1/api-keys/${ownId}`);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('CONFLICT');
  });
});
