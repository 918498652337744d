import { Writable } from 'node:stream';
import { Wallet } from 'ethers';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DriverRegistry } from '@fiscus/core';
import { waitForReceipt, evmAbi, GATE_ROLE_IDS, readContract } from '@fiscus/chain-evm';
import { startAnvil, type AnvilNode } from '@fiscus/devnet';
import { Worker } from '@fiscus/engine';
import { createTestDb, pgliteBackend } from '@fiscus/ledger/testing';
import { createApp } from '../src/app.ts';
import { createApiKey } from '../src/auth/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { buildEvm, type EvmChain } from '../src/chains/ethereum/wiring.ts';
import { call, type CallResult } from './support/http.ts';

const CHAIN = 'eip155:31337';
const keys = { minter: Wallet.createRandom(), next: Wallet.createRandom(), compliance: Wallet.createRandom(), oracle: Wallet.createRandom() };
/** Every secret of the run, as it could leak: hex with and without 0x, any case. */
const secrets = Object.values(keys).map((w) => w.privateKey.slice(2).toLowerCase());

/**
 * Least privilege and key rotation through the API on anvil: separate minting, compliance and
 * oracle keys sign their own operations; POST /v1/funds/{id}/key-rotations runs a rotateKey
 * operation (audited) after which the old minting key is refused on chain and mints go on with the
 * new one. Then no private key of the run appears in any table, log line or response.
 */
describe('key rotation through the API (anvil, PGlite, running worker)', () => {
  let anvil: AnvilNode;
  let evm: EvmChain;
  let worker: Worker;
  let cleanup: () => Promise<void>;
  let db: Awaited<ReturnType<typeof createTestDb>>['db'];
  let request: (method: string, path: string, body?: unknown) => Promise<CallResult>;
  const logs: string[] = [];
  const responses: string[] = [];

  beforeAll(async () => {
    anvil = await startAnvil({ chainId: 31_337 });
    for (const w of Object.values(keys)) await anvil.cheats.setBalance(w.address, 10n ** 20n);
    const logger = pino(
      { level: 'trace' },
      new Writable({
        write(chunk, _enc, done) {
          logs.push(String(chunk));
          done();
        },
      }),
    );
    const handle = await createTestDb(pgliteBackend);
    db = handle.db;
    cleanup = handle.cleanup;
    const config = loadConfig({
      ETHEREUM_NETWORK: 'local',
      ETHEREUM_RPC_URL: anvil.url,
      STELLAR_NETWORK: 'none',
      FISCUS_DEVNET: 'none',
      EVM_MINTER_KEY: keys.minter.privateKey,
      EVM_MINTER_NEXT_KEY: keys.next.privateKey,
      EVM_COMPLIANCE_KEY: keys.compliance.privateKey,
      EVM_ORACLE_KEY: keys.oracle.privateKey,
    });
    evm = (await buildEvm(config, logger))!;
    const drivers = new DriverRegistry().register(evm.driver);
    const app = createApp({ db, drivers, logger });
    const { token } = await createApiKey(db, { role: 'issuer-admin', label: 'test', actor: 'test' });
    worker = new Worker({ db, drivers, pollMs: 10, statusPollMs: 20, logger });
    worker.start();
    request = async (method, path, body) => {
      const r = await call(app, method, path, { key: token, body });
      responses.push(r.text);
      return r;
    };
  }, 180_000);
  afterAll(async () => {
    await worker?.stop();
    await evm?.close();
    await cleanup?.();
    await anvil?.stop();
  });

  async function posted(id: string): Promise<Record<string, any>> {
    for (let i = 0; i < 1_500; i++) {
      const r = await request('GET', `/v1/operations/${id}`);
      if (r.body.state === 'posted') return r.body;
      if (r.body.state === 'failed') throw new Error(`operation ${id} failed: ${JSON.stringify(r.body.lastError)}`);
      await new Promise((res) => setTimeout(res, 20));
    }
    throw new Error(`operation ${id} never posted`);
  }

  /** The address that signed an operation's transaction. */
  async function signerOf(op: Record<string, any>): Promise<string> {
    const tx = await evm.driver.provider.getTransaction(op.txHash);
    return tx!.from;
  }

  it('signs with the role keys, rotates the minting key (audited), and the old key is refused on chain', async () => {
    const fund = await request('POST', '/v1/funds', { name: 'Rotation Fund', symbol: 'ROT', decimals: 6 });
    expect(fund.status, fund.text).toBe(201);
    const fundId: string = fund.body.id;
    const dep = await request('POST', `/v1/funds/${fundId}/deployments`, { chain: CHAIN });
    await posted(dep.body.operation.id);
    const inv = await request('POST', '/v1/investors', {
      legalName: 'Alice Capital',
      jurisdiction: 'US',
      investorType: 'institutional',
      kycStatus: 'verified',
    });
    const wallet = Wallet.createRandom().address;
    const reg = await request('POST', `/v1/funds/${fundId}/wallets`, { investorId: inv.body.id, chain: CHAIN, address: wallet });
    expect(await signerOf(await posted(reg.body.operation.id))).toBe(keys.compliance.address);
    const subscribe = (units: string) =>
      request('POST', `/v1/funds/${fundId}/subscriptions`, { investorId: inv.body.id, chain: CHAIN, address: wallet, units });
    const first = await subscribe('10');
    expect(first.status, first.text).toBe(202);
    expect(await signerOf(await posted(first.body.operation.id))).toBe(keys.minter.address);

    const rotation = await request('POST', `/v1/funds/${fundId}/key-rotations`, { chain: CHAIN, role: 'minter', newAddress: keys.next.address });
    expect(rotation.status, rotation.text).toBe(202);
    const rotated = await posted(rotation.body.operation.id);
    expect(rotated).toMatchObject({ kind: 'rotateKey', body: { role: 'minter', newAddress: keys.next.address } });
    const audit = await request('GET', '/v1/audit?limit=200');
    expect(JSON.stringify(audit.body)).toContain(rotation.body.operation.id);

    // The old key, used directly (as a thief would), is refused by the chain itself.
    const dl = await request('GET', `/v1/funds/${fundId}/deployments`);
    const token: string = dl.body.items[0].details.token;
    const agentGate = await readAgentGate(token);
    const thief = keys.minter.connect(evm.driver.provider);
    const data = evmAbi.agentGate.encodeFunctionData('execute', [token, evmAbi.token.encodeFunctionData('mint', [wallet, 1n])]);
    const sent = await thief.sendTransaction({ to: agentGate, data, gasLimit: 400_000n });
    expect((await waitForReceipt(evm.driver.provider, sent.hash))!.status).toBe(0);
    expect(await readContract<boolean>(evm.driver.provider, evmAbi.agentGate, agentGate, 'hasRole', [GATE_ROLE_IDS.minter, keys.next.address])).toBe(true);

    // The platform moves to the new key by itself.
    const second = await subscribe('5');
    expect(await signerOf(await posted(second.body.operation.id))).toBe(keys.next.address);
    expect(await evm.driver.balanceOf({ chain: CHAIN, details: dl.body.items[0].details }, wallet)).toBe(15_000_000n);
  });

  it('refuses a role outside the table (400); a key the platform does not hold fails the rotation before signing', async () => {
    const funds = await request('GET', '/v1/funds');
    const fundId = funds.body.items[0].id;
    const bad = await request('POST', `/v1/funds/${fundId}/key-rotations`, { chain: CHAIN, role: 'admin', newAddress: keys.next.address });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const unknown = await request('POST', `/v1/funds/${fundId}/key-rotations`, { chain: CHAIN, role: 'oracle', newAddress: Wallet.createRandom().address });
    expect(unknown.status, unknown.text).toBe(202);
    let op: Record<string, any> = {};
    for (let i = 0; i < 500 && op.state !== 'failed' && op.state !== 'posted'; i++) {
      op = (await request('GET', `/v1/operations/${unknown.body.operation.id}`)).body;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(op).toMatchObject({ state: 'failed', txHash: null, lastError: { code: 'VALIDATION_FAILED' } });
  });

  it('no private key of the run is in any table, log line or API response', async () => {
    expect(logs.length).toBeGreaterThan(10);
    expect(responses.length).toBeGreaterThan(10);
    const tables = rowsOf(await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`));
    expect(tables.length).toBeGreaterThan(10);
    const dump: string[] = [];
    for (const t of tables) {
      const rows = rowsOf(await db.execute(sql.raw(`select t::text as row from "${String(t.table_name)}" t`)));
      dump.push(...rows.map((r) => String(r.row)));
    }
    expect(dump.join('\n').toLowerCase()).toContain(keys.next.address.slice(2).toLowerCase()); // the search sees addresses, so it would see keys
    for (const haystack of [dump.join('\n'), logs.join('\n'), responses.join('\n')].map((s) => s.toLowerCase())) {
      for (const secret of secrets) expect(haystack.includes(secret)).toBe(false);
    }
  });

  async function readAgentGate(token: string): Promise<string> {
    const agents: string[] = [];
    const logs = await evm.driver.provider.getLogs({ address: token, fromBlock: 0n, topics: [evmAbi.token.getEvent('AgentAdded')!.topicHash] });
    for (const l of logs) agents.push(evmAbi.token.parseLog(l)!.args[0] as string);
    for (const a of agents) {
      const code = await evm.driver.provider.getCode(a);
      if (code === '0x') continue;
      try {
        await readContract<bigint>(evm.driver.provider, evmAbi.agentGate, a, 'adminCount');
        return a;
      } catch {
        /* the onboarder: not the gate */
      }
    }
    throw new Error('no agent gate among the token agents');
  }
});

function rowsOf(r: unknown): Record<string, unknown>[] {
  return (Array.isArray(r) ? r : (r as { rows: Record<string, unknown>[] }).rows) as Record<string, unknown>[];
}
