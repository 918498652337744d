import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Holder } from '@fiscus/core';
import { httpJson } from './client.ts';
import { newMemAddress } from './codec.ts';
import { memKit, type Kit } from './testkit.ts';

/** Read paths through the driver: paging order, cursors, and the wire errors they map to. */
describe('memchain reads', () => {
  let k: Kit;
  beforeAll(async () => {
    k = await memKit();
  });
  afterAll(() => k.server.close());

  it('pages holders sorted by address (driver page size 2)', async () => {
    const mine: string[] = [];
    for (const u of [1n, 2n, 3n, 4n, 5n]) mine.push(await k.investor(u)); // one nonce at a time
    const pages: Holder[][] = [];
    let cursor: string | undefined;
    do {
      const page = await k.driver.holders(k.deployment, cursor);
      pages.push(page.items);
      cursor = page.next;
    } while (cursor);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((h) => h.address)).toEqual([...mine].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
  });

  it('reports events with (block, index) cursors and rejects malformed cursors', async () => {
    const first = await k.driver.events(k.deployment);
    expect(first.next).toMatch(/^\d+:\d+$/);
    expect(first.items[0]).toMatchObject({ kind: 'authorization', authorized: true, block: 1n, index: 0 });
    await expect(k.driver.events(k.deployment, 'garbage')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('maps unknown tokens to NOT_DEPLOYED and bad addresses to INVALID_ADDRESS', async () => {
    const ghost = { chain: k.server.chain, details: { token: 'ghost' } };
    await expect(k.driver.totalSupply(ghost)).rejects.toMatchObject({ code: 'NOT_DEPLOYED' });
    await expect(k.driver.balanceOf(k.deployment, '0xabc')).rejects.toMatchObject({ code: 'INVALID_ADDRESS' });
  });

  it('exposes head, token and account views over HTTP', async () => {
    const head = await httpJson(k.server.url, 'GET', '/head', 1_000);
    expect(head.json).toEqual({ chain: k.server.chain, height: k.server.head().toString(), confirmations: 0 });
    const t = await httpJson(k.server.url, 'GET', `/tokens/${k.fundId}`, 1_000);
    expect(t.json).toMatchObject({ id: k.fundId, paused: false, totalSupply: '15' });
    expect((await httpJson(k.server.url, 'GET', '/nowhere', 1_000)).status).toBe(404);
  });

  it('stores one canonical (EIP-55) spelling per wallet, whatever case the op used', async () => {
    const canonical = newMemAddress();
    const lower = canonical.toLowerCase();
    await k.send({ kind: 'authorize', address: lower, investorId: 'i', country: 840 });
    await k.send({ kind: 'mint', to: lower, units: 3n });
    await k.send({ kind: 'mint', to: canonical, units: 4n });
    expect(await k.driver.balanceOf(k.deployment, lower)).toBe(7n);
    expect(await k.driver.balanceOf(k.deployment, canonical.toUpperCase().replace('0X', '0x'))).toBe(7n);
    const events = await k.driver.events(k.deployment, `${k.server.head() - 2n}:0`);
    expect(events.items.every((e) => e.kind !== 'transfer' || e.to === canonical)).toBe(true);
  });
});
