import { afterAll, beforeAll, expect, it } from 'vitest';
import { DriverRegistry, type ChainId } from '@fiscus/core';
import { MemChainDriver, ed25519Signer, newMemAddress, startMemChain, type MemChainServer } from '@fiscus/devnet';
import { advanceMoves, Worker } from '@fiscus/engine';
import { getOperation, postEntry } from '@fiscus/ledger';
import { createTestDb, describeEachBackend, type TestDbHandle } from '@fiscus/ledger/testing';
import { createTestApp } from '../src/app.ts';
import { call, isProblem } from './support/http.ts';

const A: ChainId = 'memory:movesrc';
const B: ChainId = 'memory:movedst';
const silent = { info() {}, warn() {}, error() {} };

describeEachBackend('moves through the API on two chains', (backend) => {
  let handle: TestDbHandle;
  let nodes: MemChainServer[];
  let worker: Worker;
  let api: (method: string, path: string, o?: Parameters<typeof call>[3]) => ReturnType<typeof call>;
  let fundId: string;
  const wallet = { [A]: newMemAddress(), [B]: newMemAddress() };

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

  beforeAll(async () => {
    handle = await createTestDb(backend);
    nodes = await Promise.all([A, B].map((chain) => startMemChain({ chain })));
    const drivers = new DriverRegistry();
    for (const n of nodes) drivers.register(new MemChainDriver({ chain: n.chain, url: n.url, signer: ed25519Signer() }));
    const { app, adminKey } = await createTestApp({ db: handle.db, drivers });
    api = (method, path, o = {}) => call(app, method, path, { key: adminKey, ...o });
    worker = new Worker({ db: handle.db, drivers, pollMs: 10, statusPollMs: 5, tasks: [] });

    fundId = (await api('POST', '/v1/funds', { body: { name: 'Moves', symbol: 'MOV' } })).body.id;
    for (const chain of [A, B])
      expect(await settle((await api('POST', `/v1/funds/${fundId}/deployments`, { body: { chain } })).body.operation.id)).toBe('posted');
    const investorId = (
      await api('POST', '/v1/investors', { body: { legalName: 'Inv', jurisdiction: 'US', investorType: 'institutional', kycStatus: 'verified' } })
    ).body.id;
    for (const chain of [A, B]) {
      const r = await api('POST', `/v1/funds/${fundId}/wallets`, { body: { investorId, chain, address: wallet[chain] } });
      expect(await settle(r.body.operation.id)).toBe('posted');
    }
    const sub = await api('POST', `/v1/funds/${fundId}/subscriptions`, { body: { investorId, chain: A, address: wallet[A], units: '1000' } });
    expect(sub.status, sub.text).toBe(202);
    expect(await settle(sub.body.operation.id)).toBe('posted');
  });
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.close()));
    await handle.cleanup();
  });

  it('POST a move → 202; it completes with both legs visible; the replay returns the same move; supply moved', async () => {
    const body = { from: { chain: A, wallet: wallet[A] }, to: { chain: B, wallet: wallet[B] }, units: '250.5' };
    const r = await api('POST', `/v1/funds/${fundId}/moves`, { body, idem: 'move-1' });
    expect(r.status, r.text).toBe(202);
    expect(r.body.move).toMatchObject({ state: 'requested', units: '250.5', from: { chain: A }, to: { chain: B }, legs: [] });
    const replay = await api('POST', `/v1/funds/${fundId}/moves`, { body, idem: 'move-1' });
    expect(replay.body.move.id).toBe(r.body.move.id);

    const done = await driveMove(r.body.move.id, 'completed');
    expect(done.legs.map((l: { leg: string; chain: string; state: string }) => [l.leg, l.chain, l.state])).toEqual([
      ['burn', A, 'posted'],
      ['mint', B, 'posted'],
    ]);
    expect(done.legs.every((l: { txHash: string | null }) => typeof l.txHash === 'string')).toBe(true);
    const list = await api('GET', `/v1/funds/${fundId}/moves?state=completed`);
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([r.body.move.id]);
    const supply = await api('GET', `/v1/funds/${fundId}/supply`);
    expect(supply.body).toMatchObject({ unitsOutstanding: '1000', transit: '0', invariantHolds: true });
  });

  it('limits and pause: a paused destination queues the move with its reason; unpause releases it', async () => {
    const limits = await api('PUT', `/v1/funds/${fundId}/chains/${B}/move-limits`, { body: { outboundPer24h: null, inboundPer24h: '500' } });
    expect(limits.status, limits.text).toBe(200);
    expect(limits.body).toMatchObject({ chain: B, inboundPer24h: '500', inboundAvailable: '500', outboundPer24h: null, paused: false });
    const tooBig = await api('POST', `/v1/funds/${fundId}/moves`, {
      body: { from: { chain: A, wallet: wallet[A] }, to: { chain: B, wallet: wallet[B] }, units: '501' },
    });
    expect(tooBig).toMatchObject({ status: 422, body: { code: 'MOVE_EXCEEDS_LIMIT' } });
    expect(isProblem(tooBig)).toBe(true);

    expect((await api('POST', `/v1/funds/${fundId}/chains/${B}/pause`)).body.paused).toBe(true);
    const r = await api('POST', `/v1/funds/${fundId}/moves`, {
      body: { from: { chain: A, wallet: wallet[A] }, to: { chain: B, wallet: wallet[B] }, units: '100' },
    });
    const queued = await driveMove(r.body.move.id, 'queued');
    expect(queued.error.code).toBe('PAUSED');
    expect((await api('POST', `/v1/funds/${fundId}/chains/${B}/unpause`)).body.paused).toBe(false);
    await driveMove(r.body.move.id, 'completed');
    // 100 consumed from 500, refilling linearly at 500 per 24 h meanwhile (a few units per minute).
    const available = Number((await api('GET', `/v1/funds/${fundId}/chains/${B}/move-limits`)).body.inboundAvailable);
    expect(available).toBeGreaterThanOrEqual(400);
    expect(available).toBeLessThan(401);
    expect((await api('GET', `/v1/funds/${fundId}/halts`)).body.items).toEqual([]);
  });

  it('refuses bad moves with stable codes', async () => {
    const move = (body: unknown) => api('POST', `/v1/funds/${fundId}/moves`, { body });
    const ok = { from: { chain: A, wallet: wallet[A] }, to: { chain: B, wallet: wallet[B] }, units: '1' };
    expect((await move({ ...ok, units: '1000000' })).body.code).toBe('INSUFFICIENT_BALANCE');
    expect((await move({ ...ok, to: { chain: 'eip155:1', wallet: wallet[B] } })).body.code).toBe('CHAIN_NOT_CONFIGURED');
    expect((await move({ ...ok, to: { chain: B, wallet: newMemAddress() } })).status).toBe(404);
    expect((await move({ ...ok, from: { chain: A, wallet: 'nope' } })).body.code).toBe('INVALID_ADDRESS');
    expect((await move({ ...ok, to: ok.from })).body.code).toBe('VALIDATION_FAILED');
    expect((await api('GET', `/v1/funds/${fundId}/moves/move_unknown`)).status).toBe(404);
    expect((await api('POST', `/v1/funds/${fundId}/halts/clear`)).body.code).toBe('CONFLICT');
  });

  it('a supply-invariant breach is an alert: halt row, metric, moves refused with 409 until cleared', async () => {
    // A balanced entry the ledger triggers accept, taking units out of supply (a bookkeeping bug).
    await postEntry(handle.db, {
      fundId,
      memo: 'bad manual entry',
      postings: [
        { account: `supply:${A}`, commodity: 'units', amount: -1n },
        { account: 'suspense', commodity: 'units', amount: 1n },
      ],
    });
    const r = await api('POST', `/v1/funds/${fundId}/moves`, {
      body: { from: { chain: A, wallet: wallet[A] }, to: { chain: B, wallet: wallet[B] }, units: '1' },
    });
    expect(r.status).toBe(202);
    // The move's burn is the next posting: it reveals the breach; the move stops before its mint.
    await driveMove(r.body.move.id, 'burned');
    const halts = await api('GET', `/v1/funds/${fundId}/halts`);
    expect(halts.body.items).toEqual([
      expect.objectContaining({ reason: 'supply invariant breached', clearedAt: null, detail: expect.objectContaining({ difference: '-1' }) }),
    ]);
    expect((await api('GET', '/metrics')).text).toMatch(/^fiscus_fund_halts_open 1$/m);
    const refused = await api('POST', `/v1/funds/${fundId}/moves`, {
      body: { from: { chain: A, wallet: wallet[A] }, to: { chain: B, wallet: wallet[B] }, units: '1' },
    });
    expect(refused).toMatchObject({ status: 409, body: { code: 'FUND_HALTED' } });
    await advanceMoves(handle.db, { logger: silent });
    expect((await api('GET', `/v1/funds/${fundId}/moves/${r.body.move.id}`)).body.move).toMatchObject({ state: 'burned', error: { code: 'FUND_HALTED' } });

    await postEntry(handle.db, {
      fundId,
      memo: 'reversal',
      postings: [
        { account: `supply:${A}`, commodity: 'units', amount: 1n },
        { account: 'suspense', commodity: 'units', amount: -1n },
      ],
    });
    expect((await api('POST', `/v1/funds/${fundId}/halts/clear`)).status).toBe(200);
    await driveMove(r.body.move.id, 'completed');
    expect((await api('GET', '/metrics')).text).toMatch(/^fiscus_fund_halts_open 0$/m);
  });
});
