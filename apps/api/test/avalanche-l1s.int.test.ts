import { afterAll, beforeAll, expect, it } from 'vitest';
import { Wallet } from 'ethers';
import { DriverRegistry } from '@fiscus/core';
import { devSecp256k1Signer } from '@fiscus/chain-evm';
import { pchainBech32, txIdOf } from '@fiscus/chain-avalanche';
import { devValidator, startPChain, type PChainServer } from '@fiscus/devnet';
import { getL1Provision } from '@fiscus/ledger';
import { createTestDb, describeEachBackend, type TestDbHandle } from '@fiscus/ledger/testing';
import { utils } from '@avalabs/avalanchejs';
import { createTestApp } from '../src/app.ts';
import { L1Provisioner } from '../src/chains/avalanche/provision-store.ts';
import { silentLogger } from '../src/lib/logger.ts';
import { call, type CallOptions } from './support/http.ts';

const payer = devSecp256k1Signer(`0x${'5a'.repeat(32)}`);
const addr = (n: number) => new Wallet(`0x${n.toString(16).padStart(2, '0').repeat(32)}`).address;

const body = (chainId: number) => ({
  chainName: 'treasury L1',
  chainId,
  txAllowList: { admins: [addr(1)], managers: [addr(2), addr(3)] },
  contractDeployerAllowList: { admins: [addr(1)], enabled: [addr(2)] },
  contractNativeMinter: { admins: [addr(1)] },
  alloc: { [addr(1)]: '1000000000000000000000' },
  validatorManagerAddress: '0x0feedc0de0000000000000000000000000000000',
  validators: [{ ...devValidator('api-node'), weight: '100', balance: '1000000000' }],
});

describeEachBackend('POST/GET /v1/avalanche/l1s', (backend) => {
  let handle: TestDbHandle;
  let p: PChainServer;
  let provisioner: L1Provisioner;
  let req: (method: string, path: string, o?: CallOptions) => ReturnType<typeof call>;
  let auditorKey: string;

  beforeAll(async () => {
    handle = await createTestDb(backend);
    p = await startPChain({ funded: [{ address: pchainBech32(payer, 'local'), amount: 1_000_000_000_000n }] });
    provisioner = new L1Provisioner({ db: handle.db, pchainUrl: p.url, keys: { payer }, logger: silentLogger() });
    const { app, adminKey } = await createTestApp({ db: handle.db, drivers: new DriverRegistry(), l1Provisioner: provisioner });
    req = (method, path, o = {}) => call(app, method, path, { key: adminKey, ...o });
    auditorKey = (await req('POST', '/v1/api-keys', { body: { role: 'auditor' } })).body.key;
  });
  afterAll(async () => {
    await provisioner.idle();
    await p.close();
    await handle.cleanup();
  });

  it('202 with the record, then provisions subnet, chain and conversion; GET shows the ids the P-Chain derived', async () => {
    const idem = crypto.randomUUID();
    const r = await req('POST', '/v1/avalanche/l1s', { body: body(777001), idem });
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ chainId: 777001, step: 'createSubnet', subnetId: null });
    // an Idempotency-Key replay returns the first answer, it does not start a second L1
    const replay = await req('POST', '/v1/avalanche/l1s', { body: body(777001), idem });
    expect(replay.status).toBe(202);
    expect(replay.body.id).toBe(r.body.id);

    await provisioner.idle();
    await provisioner.kick(r.body.id); // idempotent: a done provisioning stays done
    const g = await req('GET', `/v1/avalanche/l1s/${r.body.id}`, { key: auditorKey });
    expect(g.status).toBe(200);
    expect(g.body.step).toBe('done');
    const row = (await getL1Provision(handle.db, r.body.id))!;
    const rec = row.record as { txs: Record<string, { signedHex: string }> };
    expect(g.body.subnetId).toBe(txIdOf(utils.hexToBuffer(rec.txs.createSubnet!.signedHex)));
    expect(g.body.blockchainId).toBe(txIdOf(utils.hexToBuffer(rec.txs.createChain!.signedHex)));
    expect(g.body.conversionId).toBe(p.subnet(g.body.subnetId)!.conversion!.conversionId);
    expect(g.body.validationIds).toHaveLength(1);
    expect(p.chain(g.body.blockchainId)!.subnetId).toBe(g.body.subnetId);
    expect(p.state.subnets.size).toBe(1);
  });

  it("two API processes running the same provisioning: the row's compare-and-set lets one issue, one subnet", async () => {
    const r = await req('POST', '/v1/avalanche/l1s', { body: body(777002) });
    expect(r.status).toBe(202);
    const other = new L1Provisioner({ db: handle.db, pchainUrl: p.url, keys: { payer }, logger: silentLogger() });
    const subnetsBefore = p.state.subnets.size;
    await Promise.all([provisioner.kick(r.body.id), other.kick(r.body.id)]);
    await provisioner.idle();
    await other.resumeAll(); // a loser resumes from the winner's record
    expect((await req('GET', `/v1/avalanche/l1s/${r.body.id}`)).body.step).toBe('done');
    expect(p.state.subnets.size).toBe(subnetsBefore + 1);
  });

  it('400 problem+json for input the P-Chain or Subnet-EVM would refuse, 409 for a chain id already provisioned, 404, 403', async () => {
    const noAdmin = await req('POST', '/v1/avalanche/l1s', { body: { ...body(1), txAllowList: { admins: [] } } });
    expect(noAdmin.status).toBe(400);
    expect(noAdmin.headers.get('content-type')).toContain('application/problem+json');
    expect(noAdmin.body.code).toBe('VALIDATION_FAILED');
    const badName = await req('POST', '/v1/avalanche/l1s', { body: { ...body(2), chainName: 'fund-l1!' } });
    expect(badName.status).toBe(400);
    const v = body(3).validators[0]!;
    const badPop = await req('POST', '/v1/avalanche/l1s', {
      body: { ...body(3), validators: [{ ...v, proofOfPossession: devValidator('other').proofOfPossession }] },
    });
    expect(badPop.status).toBe(400);
    expect(badPop.body.detail).toMatch(/proof of possession/);
    const both = await req('POST', '/v1/avalanche/l1s', { body: { ...body(4), txAllowList: { admins: [addr(1)], managers: [addr(1)] } } });
    expect(both.status).toBe(400);
    const dup = await req('POST', '/v1/avalanche/l1s', { body: body(777001) });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('CONFLICT');
    expect((await req('GET', '/v1/avalanche/l1s/l1_nope')).status).toBe(404);
    expect((await req('POST', '/v1/avalanche/l1s', { key: auditorKey, body: body(5) })).status).toBe(403);
    expect(p.state.subnets.size).toBe(2);
  });
});
