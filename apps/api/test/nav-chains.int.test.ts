import { afterAll, beforeAll, expect, it } from 'vitest';
import { evmAbi, readContract } from '@fiscus/chain-evm';
import type { AnvilNode } from '@fiscus/devnet';
import { verifyAttestation } from '@fiscus/engine';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { EVM_CHAIN, startEvmHarness, startFileAnvil, type EvmHarness } from './support/evm.ts';
import { startStellarHarness, type StellarHarness } from './support/stellar.ts';

/** POST /nav and /attestations reach every chain with a NAV feed through the outbox and a worker. */
async function deployed(h: { call: EvmHarness['call']; posted: EvmHarness['posted'] }, chain: string, symbol: string) {
  const fund = await h.call('POST', '/v1/funds', { body: { name: 'Nav Fund', symbol, decimals: 6, nav: '1.000000' } });
  expect(fund.status).toBe(201);
  const dep = await h.call('POST', `/v1/funds/${fund.body.id}/deployments`, { body: { chain } });
  expect(dep.status, dep.text).toBe(202);
  await h.posted(dep.body.operation.id);
  const list = await h.call('GET', `/v1/funds/${fund.body.id}/deployments`);
  return { fundId: fund.body.id as string, details: list.body.items[0].details as Record<string, string> };
}

let anvil: AnvilNode;
beforeAll(async () => {
  anvil = await startFileAnvil();
});
afterAll(() => anvil?.stop());

describeEachBackend('NAV feed and attestation hash on an EVM chain through the API', (backend) => {
  let h: EvmHarness;
  beforeAll(async () => {
    h = await startEvmHarness(backend, anvil);
  });
  afterAll(() => h?.close());

  it('publishNav and publishAttestation land on the fund feed; latestRoundData reads them back', async () => {
    const { fundId, details } = await deployed(h, EVM_CHAIN, 'NAVE');
    expect(details.navFeed).toMatch(/^0x[0-9a-fA-F]{40}$/);
    // The deployment carried the fund's NAV (round 1, at its own time) to the new feed: the
    // settlement contracts price from it at once, before any POST /nav.
    const mirrored = await h.call('GET', `/v1/operations?fundId=${fundId}&kind=publishNav`);
    expect(mirrored.body.items).toHaveLength(1);
    expect(mirrored.body.items[0]).toMatchObject({ chain: EVM_CHAIN, requestedBy: 'deployment' });
    await h.posted(mirrored.body.items[0].id);
    const [round1, answer1] = await readContract<bigint[]>(h.driver.provider, evmAbi.navFeed, details.navFeed!, 'latestRoundData');
    expect([round1, answer1]).toEqual([1n, 1_000_000_000_000_000_000n]);
    const nav = await h.call('POST', `/v1/funds/${fundId}/nav`, { body: { nav: '1.000123' } });
    expect(nav.status, nav.text).toBe(201);
    expect(nav.body.operations.map((o: any) => [o.chain, o.kind])).toEqual([[EVM_CHAIN, 'publishNav']]);
    await h.posted(nav.body.operations[0].id);
    const [round, answer, , updatedAt] = await readContract<bigint[]>(h.driver.provider, evmAbi.navFeed, details.navFeed!, 'latestRoundData');
    expect([round, answer]).toEqual([2n, 1_000_123_000_000_000_000n]);
    expect(updatedAt).toBe(BigInt(Math.floor(Date.parse(nav.body.publication.publishedAt) / 1000)));

    const att = await h.call('POST', `/v1/funds/${fundId}/attestations`);
    expect(att.status, att.text).toBe(201);
    await h.posted(att.body.operations[0].id);
    expect(await readContract<string>(h.driver.provider, evmAbi.navFeed, details.navFeed!, 'latestAttestation')).toBe(`0x${att.body.attestation.hash}`);
  });

  it('30 publications sent back to back (min interval 0) all land on the feed in round order; none fails', async () => {
    const { fundId, details } = await deployed(h, EVM_CHAIN, 'NAVO');
    const guards = await h.call('PATCH', `/v1/funds/${fundId}/nav/guards`, { body: { minIntervalSeconds: 0 } });
    expect(guards.status, guards.text).toBe(200);
    const ids: string[] = [];
    for (let i = 1; i <= 30; i++) {
      const nav = await h.call('POST', `/v1/funds/${fundId}/nav`, { body: { nav: (1 + i / 1_000_000).toFixed(6) } });
      expect(nav.status, nav.text).toBe(201);
      ids.push(nav.body.operations[0].id);
    }
    // Every operation reaches posted: an older round landing after a newer one would revert
    // StaleRound and fail (the worker claims up to 16 operations at once).
    for (const id of ids) await h.posted(id);
    const [round, answer] = await readContract<bigint[]>(h.driver.provider, evmAbi.navFeed, details.navFeed!, 'latestRoundData');
    expect([round, answer]).toEqual([31n, 1_000_030_000_000_000_000n]);
    // The blocks they landed in are in round order.
    const blocks = await Promise.all(ids.map(async (id) => BigInt((await h.call('GET', `/v1/operations/${id}`)).body.block)));
    expect(blocks).toEqual([...blocks].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  }, 120_000); // 31 transactions one after another (rounds land in order): 60 s was too tight on a loaded machine
});

describeEachBackend('NAV and attestation data entries on Stellar through the API', (backend) => {
  let h: StellarHarness;
  beforeAll(async () => {
    h = await startStellarHarness(backend);
  });
  afterAll(() => h?.close());

  it('the issuer account carries nav and por; stellar.toml publishes the verifying key', async () => {
    const { fundId, details } = await deployed(h, 'stellar:local', 'NAVS');
    const nav = await h.call('POST', `/v1/funds/${fundId}/nav`, { body: { nav: '1.00012345' } });
    expect(nav.status, nav.text).toBe(201);
    await h.posted(nav.body.operations[0].id);
    const att = await h.call('POST', `/v1/funds/${fundId}/attestations`);
    await h.posted(att.body.operations[0].id);
    // Read as a wallet would: the issuing account's data entries over Horizon.
    const data = (await h.server.loadAccount(details.issuer!)).data_attr;
    const entry = (k: string) => Buffer.from(data[k]!, 'base64').toString('utf8');
    const at = Math.floor(Date.parse(nav.body.publication.publishedAt) / 1000);
    expect(entry('nav')).toBe(`2:100012345:8:${at}`);
    expect(entry('por')).toBe(att.body.attestation.hash);

    const toml = await h.call('GET', '/.well-known/stellar.toml', { key: undefined });
    const publicKey = /public_key = "([^"]+)"/.exec(toml.text)?.[1];
    expect(publicKey).toBeDefined();
    const a = att.body.attestation;
    expect(verifyAttestation(publicKey!, a.payload, a.signature)).toBe(true);
  });
});
