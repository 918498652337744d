import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { createApp } from '../src/app.ts';
import { silentLogger } from '../src/lib/logger.ts';
import { CHAIN, startHarness, type Harness } from './support/harness.ts';
import { call, isProblem } from './support/http.ts';
import { seedWorld, type World } from './support/seed.ts';

/** What the operator console (apps/console) needs from the API: who am I, which chains, cap-table search, /console itself. */
describeEachBackend('console support routes', (backend) => {
  let h: Harness;
  let w: World;
  let dist: string;
  beforeAll(async () => {
    h = await startHarness(backend);
    w = await seedWorld(h);
    dist = mkdtempSync(join(tmpdir(), 'fiscus-console-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
  });
  afterAll(async () => {
    rmSync(dist, { recursive: true, force: true });
    await h?.close();
  });

  it('GET /v1/me: the key, its role and its permissions, for every role', async () => {
    const admin = await h.call('GET', '/v1/me');
    expect(admin.status).toBe(200);
    expect(admin.body).toMatchObject({ role: 'issuer-admin', investorId: null });
    expect(admin.body.keyId).toMatch(/^key_/);
    expect(admin.body.permissions).toEqual(expect.arrayContaining(['funds.create', 'enforcement.create', 'apiKeys.manage']));

    const auditor = await h.call('GET', '/v1/me', { key: await h.keyFor('auditor') });
    expect(auditor.body.role).toBe('auditor');
    expect(auditor.body.permissions).toContain('audit.read');
    expect(auditor.body.permissions).not.toContain('enforcement.create');
    expect(auditor.body.permissions).not.toContain('operations.approve');

    const investor = await h.call('GET', '/v1/me', { key: await h.keyFor('investor', w.investorId) });
    expect(investor.body).toMatchObject({ role: 'investor', investorId: w.investorId });

    const none = await h.call('GET', '/v1/me', { key: 'fsk_nope_abcdefghijklmnop' });
    expect(none.status).toBe(401);
    expect(isProblem(none)).toBe(true);
  });

  it('GET /v1/chains: every configured chain with its family, finality and capabilities', async () => {
    const r = await h.call('GET', '/v1/chains');
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(1);
    expect(r.body.items[0]).toMatchObject({ chain: CHAIN, namespace: 'memory', explorerTxUrl: null });
    expect(r.body.items[0].finality).toMatch(/^(instant|confirmations:\d+|tag:finalized)$/);
    expect(r.body.items[0].capabilities).toMatchObject({ freeze: expect.any(Boolean), maxBatch: expect.any(Number) });
  });

  it('GET /v1/funds/:id/cap-table?q= finds by name (case-insensitive), investor id or wallet address; wildcards are literal', async () => {
    const ids = async (q: string) => {
      const r = await h.call('GET', `/v1/funds/${w.fundId}/cap-table?q=${encodeURIComponent(q)}`);
      expect(r.status, r.text).toBe(200);
      return r.body.items.map((e: { investorId: string }) => e.investorId);
    };
    expect(await ids('oTHe')).toEqual([w.otherInvestorId]);
    expect(await ids(w.investorId)).toEqual([w.investorId]);
    expect(await ids(w.otherAddress)).toEqual([w.otherInvestorId]);
    expect(await ids('%')).toEqual([]);
    expect(await ids('_nvestor')).toEqual([]);
    expect(await ids('nobody')).toEqual([]);
    // The address picks the investor; its total stays whole.
    const r = await h.call('GET', `/v1/funds/${w.fundId}/cap-table?q=${w.address}`);
    expect(r.body.items[0].total).toBe('1000');
    const bad = await h.call('GET', `/v1/funds/${w.fundId}/cap-table?q=%00`);
    expect(bad.status).toBe(400);
  });

  it('serves the console build at /console: pages get index.html, assets are cached, nothing inline may run', async () => {
    const app = createApp({ db: h.db, drivers: h.drivers, logger: silentLogger(), consoleDir: dist });
    const get = (path: string) => call(app, 'GET', path);
    const bare = await get('/console');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/console/');
    for (const page of ['/console/', '/console/cap-table', '/console/operations?id=op_1']) {
      const r = await get(page);
      expect(r.status, page).toBe(200);
      expect(r.text).toContain('<title>console</title>');
      expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
    const js = await get('/console/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toContain('immutable');
    const missing = await get('/console/assets/nope.js');
    expect(missing.status).toBe(404);
    expect(isProblem(missing)).toBe(true);
    const traversal = await get('/console/..%2f..%2fpackage.json');
    expect(traversal.text).not.toContain('"workspaces"');
  });

  it('without a build, /console answers 503 CONSOLE_NOT_BUILT saying how to build it', async () => {
    const app = createApp({ db: h.db, drivers: h.drivers, logger: silentLogger(), consoleDir: join(dist, 'absent') });
    const r = await call(app, 'GET', '/console/');
    expect(r.status).toBe(503);
    expect(r.body.code).toBe('CONSOLE_NOT_BUILT');
    expect(r.body.detail).toContain('npm run build -w @fiscus/console');
  });
});
