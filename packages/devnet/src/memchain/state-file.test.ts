import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChainEvent, Deployment } from '@fiscus/core';
import { newMemAddress } from './codec.ts';
import { MemChainDriver } from './driver/memchain-driver.ts';
import { startMemChain, type MemChainServer } from './server.ts';
import { STATE_FORMAT } from './state-codec.ts';
import { memKit } from './testkit.ts';

async function allEvents(driver: MemChainDriver, deployment: Deployment): Promise<ChainEvent[]> {
  const out: ChainEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await driver.events(deployment, cursor);
    out.push(...page.items);
    cursor = page.items.length ? page.next : undefined;
  } while (cursor);
  return out;
}

/** `stateFile`: a memchain restarted from its file is the same chain (what `npm start` relies on). */
describe('memchain state file', () => {
  let dir: string;
  let file: string;
  const open: MemChainServer[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'memchain-state-'));
    file = join(dir, 'chain.json');
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores supply, balances, nonces, tx status by hash, events and head after a restart', async () => {
    const k = await memKit({ stateFile: file });
    open.push(k.server);
    const alice = await k.investor(700n);
    const bob = await k.investor(300n);
    await k.send({ kind: 'freeze', address: bob, units: 100n });
    const { tx: mint } = await k.send({ kind: 'mint', to: alice, units: 5n });
    const { tx: refused, status: refusedStatus } = await k.send({ kind: 'mint', to: newMemAddress(), units: 1n });
    expect(refusedStatus).toMatchObject({ kind: 'failed', error: { code: 'NOT_AUTHORIZED_ON_CHAIN' } });
    await k.server.holderTransfer(alice, bob, 5n, k.fundId);
    // A gapped tx sits in the mempool: it is not persisted, and its bytes are accepted again after the restart.
    const gapped = await k.prepare(
      { kind: 'authorize', address: newMemAddress(), investorId: 'i', country: 840 },
      (await k.driver.nextSequence(mint.signer)) + 1n,
    );
    expect((await k.driver.submit(gapped)).kind).toBe('accepted');
    const before = {
      head: k.server.head(),
      next: await k.driver.nextSequence(mint.signer),
      mint: await k.driver.status(mint),
      events: await allEvents(k.driver, k.deployment),
    };
    await k.server.close();

    const again = await startMemChain({ stateFile: file });
    open.push(again);
    const driver = new MemChainDriver({ chain: again.chain, url: again.url, signer: k.admin });
    expect(again.head()).toBe(before.head);
    expect(await driver.totalSupply(k.deployment)).toBe(1005n);
    expect(await driver.balanceOf(k.deployment, alice)).toBe(700n);
    expect(await driver.balanceOf(k.deployment, bob)).toBe(305n);
    expect(again.state.token(k.fundId).frozenUnits.get(bob)).toBe(100n);
    expect(await driver.isAuthorized(k.deployment, alice)).toBe(true);
    expect(await driver.nextSequence(mint.signer)).toBe(before.next);
    expect(await driver.status(mint)).toEqual(before.mint);
    expect(await driver.status(refused)).toMatchObject({ kind: 'failed', error: { code: 'NOT_AUTHORIZED_ON_CHAIN' } });
    expect(await driver.submit(mint)).toEqual({ kind: 'duplicate', hash: mint.hash });
    expect(await allEvents(driver, k.deployment)).toEqual(before.events);
    expect(before.events.length).toBeGreaterThan(5);
    expect(again.txsBySigner(mint.signer).find((t) => t.hash === mint.hash)?.raw).toEqual(new Uint8Array(mint.raw));
    // Redeploying is idempotent by fund id: the token survived, with its admin.
    expect((await driver.deploy({ id: k.fundId, name: 'Test Fund', symbol: 'TF', decimals: 6 })).details).toEqual(k.deployment.details);
    // The dropped mempool: unknown now, and the same bytes land once resent (as the engine does).
    expect(await driver.status(gapped)).toEqual({ kind: 'unknown' });
    expect((await driver.submit(gapped)).kind).toBe('accepted');
    await driver.submit(
      await driver.prepare({ kind: 'authorize', address: newMemAddress(), investorId: 'i', country: 840 }, { deployment: k.deployment, sequence: before.next }),
    );
    expect(await driver.status(gapped)).toMatchObject({ kind: 'confirmed' });
    // A second holder transfer after the restart gets a new hash (the sequence behind it was kept).
    const h2 = await again.holderTransfer(alice, bob, 1n, k.fundId);
    expect(again.appliedTxCount({ opKind: 'holderTransfer' })).toBe(2);
    expect(h2).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes after every block, not only on close, and leaves no temp file behind', async () => {
    const k = await memKit({ stateFile: file });
    open.push(k.server);
    await k.investor(10n);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc).toMatchObject({ format: STATE_FORMAT, version: 1, chain: 'memory:devnet', head: { $big: k.server.head().toString() } });
    expect(readdirSync(dir)).toEqual(['chain.json']);
    // A "crash" (no close): a second node started from the file already sees the mint.
    const copy = join(dir, 'copy.json');
    writeFileSync(copy, readFileSync(file));
    const after = await startMemChain({ stateFile: copy });
    open.push(after);
    expect(after.state.token(k.fundId).totalSupply).toBe(10n);
  });

  it('starts a new chain when the file does not exist yet, creating its directory', async () => {
    const nested = join(dir, 'a', 'b', 'chain.json');
    const s = await startMemChain({ stateFile: nested });
    expect(s.head()).toBe(0n);
    await s.close();
    expect(existsSync(nested)).toBe(true);
  });

  it.each([
    ['not JSON', '{"format": "fiscus-memchain', /chain\.json: not valid JSON/],
    ['another kind of file', '{"hello": 1}', /not a memchain state file/],
    ['an unknown version', JSON.stringify({ format: STATE_FORMAT, version: 99 }), /unknown version 99 \(this memchain reads version 1\)/],
    ['another chain', JSON.stringify({ format: STATE_FORMAT, version: 1, chain: 'memory:other' }), /holds chain memory:other, not memory:devnet/],
    [
      'a damaged body',
      JSON.stringify({ format: STATE_FORMAT, version: 1, chain: 'memory:devnet', head: { $big: '1' }, tokens: [{ id: 7 }] }),
      /malformed state: tokens\[0\]\.paused is not a boolean/,
    ],
    [
      'a bad bigint',
      JSON.stringify({ format: STATE_FORMAT, version: 1, chain: 'memory:devnet', head: { $big: '1.5' } }),
      /malformed state: "1\.5" is not an integer/,
    ],
  ])('refuses to start from %s, naming the file and the problem', async (_what, text, message) => {
    writeFileSync(file, text);
    await expect(startMemChain({ stateFile: file })).rejects.toThrow(message);
    await expect(startMemChain({ stateFile: file })).rejects.toMatchObject({ name: 'MemChainStateError', message: expect.stringContaining(file) });
    expect(readFileSync(file, 'utf8')).toBe(text); // never overwritten by a fresh chain
  });
});
