import { afterAll, beforeAll, expect, it } from 'vitest';
import { DriverRegistry, type ChainId } from '@fiscus/core';
import { MemChainDriver, ed25519Signer, newMemAddress, startMemChain, type MemChainServer } from '@fiscus/devnet';
import { advanceMoves, requestOperation, Worker } from '@fiscus/engine';
import { eq } from 'drizzle-orm';
import { getOperation, schema } from '@fiscus/ledger';
import { createTestDb, describeEachBackend, type TestDbHandle } from '@fiscus/ledger/testing';
import { createTestApp } from '../src/app.ts';
import { call, isProblem } from './support/http.ts';

const A: ChainId = 'memory:strandsrc';
const B: ChainId = 'memory:stranddst';
const silent = { info() {}, warn() {}, error() {} };

/**
 * POST /v1/funds/:fundId/moves/:moveId/resolve: a move whose re-mint failed (destination refused,
 * source wallet deauthorized meanwhile) is held `stranded`; an operator re-mints its units in
 * transit to another wallet of the same investor.
 */
describeEachBackend('resolving a stranded move through the API', (backend) => {
  let handle: TestDbHandle;
  let nodes: MemChainServer[];
  let worker: Worker;
  let api: (method: string, path: string, o?: Parameters<typeof call>[3]) => ReturnType<typeof call>;
  let fundId: string;
  let investorId: string;
  let moveId: string;
  const wallets: Record<string, { address: string; walletId: string }> = {};

  const settle = async (id: string) => {
    for (let i = 0; i < 400; i++) {
      const op = await getOperation(handle.db, { id });
      if (op && ['posted', 'failed'].includes(op.state)) return op.state;
      await worker.tick();
    }
    throw new Error(`operation ${id} did not settle`);
  };
  const driveMove = async (id: string, state: string) => {
    for (let i = 0; i < 400; i++) {
      await advanceMoves(handle.db, { logger: silent });
      await worker.tick();
      const r = await api('GET', `/v1/funds/${fundId}/moves/${id}`);
      if (r.body.move.state === state) return r.body.move;
    }
    throw new Error(`move ${id} did not reach ${state}`);
  };
  const register = async (name: string, chain: ChainId, investor: string) => {
    const address = newMemAddress();
    const r = await api('POST', `/v1/funds/${fundId}/wallets`, { body: { investorId: investor, chain, address } });
    expect(r.status, r.text).toBe(202);
    expect(await settle(r.body.operation.id)).toBe('posted');
    wallets[name] = { address, walletId: r.body.wallet.id };
  };
  const deauthorize = async (name: string, chain: ChainId) => {
    const w = wallets[name]!;
    const op = await requestOperation(handle.db, {
      fundId,
      chain,
      body: { kind: 'deauthorize', address: w.address },
      context: { walletId: w.walletId, investorId },
      requestedBy: 'test',
    });
    expect(await settle(op.id)).toBe('posted');
  };
  const resolve = (body: unknown, o: { key?: string; idem?: string; id?: string } = {}) =>
    api('POST', `/v1/funds/${fundId}/moves/${o.id ?? moveId}/resolve`, { body, ...(o.key ? { key: o.key } : {}), ...(o.idem ? { idem: o.idem } : {}) });

  beforeAll(async () => {
    handle = await createTestDb(backend);
    nodes = await Promise.all([A, B].map((chain) => startMemChain({ chain })));
    const drivers = new DriverRegistry();
    for (const n of nodes) drivers.register(new MemChainDriver({ chain: n.chain, url: n.url, signer: ed25519Signer() }));
    const { app, adminKey } = await createTestApp({ db: handle.db, drivers });
    api = (method, path, o = {}) => call(app, method, path, { key: adminKey, ...o });
    worker = new Worker({ db: handle.db, drivers, pollMs: 10, statusPollMs: 5, tasks: [] });

    fundId = (await api('POST', '/v1/funds', { body: { name: 'Stranded', symbol: 'STR' } })).body.id;
    for (const chain of [A, B])
      expect(await settle((await api('POST', `/v1/funds/${fundId}/deployments`, { body: { chain } })).body.operation.id)).toBe('posted');
    const investor = (body: object) =>
      api('POST', '/v1/investors', { body: { jurisdiction: 'US', investorType: 'institutional', kycStatus: 'verified', ...body } });
    investorId = (await investor({ legalName: 'Holder' })).body.id;
    await register('src', A, investorId);
    await register('dst', B, investorId);
    await register('spare', B, investorId);
    await register('foreign', B, (await investor({ legalName: 'Someone else' })).body.id);
    const sub = await api('POST', `/v1/funds/${fundId}/subscriptions`, { body: { investorId, chain: A, address: wallets.src!.address, units: '1000' } });
    expect(await settle(sub.body.operation.id)).toBe('posted');

    // Burned on A; then the destination wallet is deauthorized (the move must compensate) and so
    // is the source wallet (the compensation's re-mint fails): the move is held.
    const r = await api('POST', `/v1/funds/${fundId}/moves`, {
      body: { from: { chain: A, wallet: wallets.src!.address }, to: { chain: B, wallet: wallets.dst!.address }, units: '250' },
    });
    expect(r.status, r.text).toBe(202);
    moveId = r.body.move.id;
    await driveMove(moveId, 'burned');
    await deauthorize('dst', B);
    await deauthorize('src', A);
    await driveMove(moveId, 'stranded');
  });
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.close()));
    await handle.cleanup();
  });

  it('the stranded move is visible: state, reason, legs, supply with units in transit, the gauge', async () => {
    const { move } = (await api('GET', `/v1/funds/${fundId}/moves/${moveId}`)).body;
    expect(move).toMatchObject({ state: 'stranded', completedAt: null, error: { code: 'COMPENSATION_FAILED' } });
    expect(move.error.message).toMatch(/250000000 units remain in transit/);
    expect(move.legs.map((l: { leg: string; chain: string; state: string }) => [l.leg, l.chain, l.state])).toEqual([
      ['burn', A, 'posted'],
      ['compensation', A, 'failed'],
    ]);
    expect((await api('GET', `/v1/funds/${fundId}/moves?state=stranded`)).body.items.map((m: { id: string }) => m.id)).toEqual([moveId]);
    expect((await api('GET', `/v1/funds/${fundId}/supply`)).body).toMatchObject({ unitsOutstanding: '1000', transit: '250', invariantHolds: true });
    expect((await api('GET', '/metrics')).text).toMatch(/^fiscus_moves_stranded 1$/m);
  });

  it('refuses bad resolutions with stable codes (problem+json) and by role', async () => {
    const key = async (role: string) => (await api('POST', '/v1/api-keys', { body: { role } })).body.key as string;
    for (const role of ['compliance', 'auditor']) {
      const r = await resolve({ action: 'retry' }, { key: await key(role) });
      expect(r, role).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    }
    const cases: [unknown, number, string][] = [
      [{ action: 'remint', chain: B }, 400, 'VALIDATION_FAILED'],
      [{ action: 'retry', chain: B, address: wallets.spare!.address }, 400, 'VALIDATION_FAILED'],
      [{ action: 'undo' }, 400, 'VALIDATION_FAILED'],
      [{ action: 'remint', chain: B, address: 'nope' }, 400, 'INVALID_ADDRESS'],
      [{ action: 'remint', chain: 'eip155:1', address: wallets.spare!.address }, 422, 'CHAIN_NOT_CONFIGURED'],
      [{ action: 'remint', chain: B, address: newMemAddress() }, 404, 'NOT_FOUND'],
      // The source wallet is still deauthorized: a retry would only fail again.
      [{ action: 'retry' }, 409, 'NOT_AUTHORIZED_ON_CHAIN'],
      [{ action: 'remint', chain: B, address: wallets.dst!.address }, 409, 'NOT_AUTHORIZED_ON_CHAIN'],
      // Units in transit stay with their owner.
      [{ action: 'remint', chain: B, address: wallets.foreign!.address }, 422, 'POLICY_DENIED'],
    ];
    for (const [body, status, code] of cases) {
      const r = await resolve(body);
      expect({ body, status: r.status, code: r.body?.code }).toEqual({ body, status, code });
      expect(isProblem(r)).toBe(true);
    }
    expect((await resolve({ action: 'retry' }, { id: 'move_unknown' })).status).toBe(404);
    expect((await api('POST', `/v1/funds/fund_unknown/moves/${moveId}/resolve`, { body: { action: 'retry' } })).status).toBe(404);
    // Nothing was requested by any of them.
    expect((await api('GET', `/v1/funds/${fundId}/moves/${moveId}`)).body.move.state).toBe('stranded');
  });

  it('a treasurer re-mints to another wallet of the investor on the destination: 202, replayed by key, once only; the move completes', async () => {
    const treasurer = (await api('POST', '/v1/api-keys', { body: { role: 'treasurer' } })).body.key as string;
    const body = { action: 'remint', chain: B, address: wallets.spare!.address };
    const r = await resolve(body, { key: treasurer, idem: 'resolve-1' });
    expect(r.status, r.text).toBe(202);
    expect(r.body.move).toMatchObject({ id: moveId, state: 'compensating', error: { code: 'COMPENSATION_FAILED' } });
    expect(r.body.move.legs.at(-1)).toMatchObject({ leg: 'compensation', chain: B, address: wallets.spare!.address, state: 'approved' });
    const replay = await resolve(body, { key: treasurer, idem: 'resolve-1' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.text).toBe(r.text);
    // A new request (another key) finds the move no longer held: no second re-mint.
    const again = await resolve(body, { key: treasurer, idem: 'resolve-2' });
    expect(again).toMatchObject({ status: 409, body: { code: 'MOVE_NOT_STRANDED', meta: { state: 'compensating' } } });

    const done = await driveMove(moveId, 'completed');
    expect(done.error).toBeNull();
    expect(done.legs.map((l: { leg: string; chain: string; state: string }) => [l.leg, l.chain, l.state])).toEqual([
      ['burn', A, 'posted'],
      ['compensation', B, 'posted'],
    ]);
    expect((await api('GET', `/v1/funds/${fundId}/supply`)).body).toMatchObject({ unitsOutstanding: '1000', transit: '0', invariantHolds: true });
    expect((await api('GET', '/metrics')).text).toMatch(/^fiscus_moves_stranded 0$/m);
    expect((await resolve({ action: 'retry' })).body.code).toBe('MOVE_NOT_STRANDED');
    const audit = await handle.db.select().from(schema.auditLog).where(eq(schema.auditLog.subject, moveId));
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['move.stranded', 'move.resolved']));
    expect(audit.filter((e) => e.action === 'move.resolved')).toEqual([
      expect.objectContaining({
        actor: expect.stringMatching(/^key_/),
        data: expect.objectContaining({ action: 'remint', chain: B, address: wallets.spare!.address }),
      }),
    ]);
  });
});
