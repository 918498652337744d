import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ed25519Signer } from '../keys.ts';
import { encodeOp, newMemAddress } from './codec.ts';
import { MemChainDriver } from './driver/memchain-driver.ts';
import { memKit, type Kit } from './testkit.ts';
import { MAX_BATCH } from './token.ts';
import { bodyHash, signEnvelope, type TxBody } from './wire.ts';

/** Account-nonce rules: what makes memchain exercise the engine's exactly-once logic. */
describe('memchain nonces and admission', () => {
  let k: Kit;
  beforeEach(async () => {
    k = await memKit();
  });
  afterEach(() => k.server.close());

  it('rejects a different tx reusing a consumed nonce ("nonce too low") but answers duplicate for the included one', async () => {
    const first = await k.prepare({ kind: 'pause' }, 0n);
    expect(await k.driver.submit(first)).toEqual({ kind: 'accepted', hash: first.hash });
    expect(await k.driver.submit(first)).toEqual({ kind: 'duplicate', hash: first.hash });
    const other = await k.prepare({ kind: 'unpause' }, 0n);
    const r = await k.driver.submit(other);
    expect(r.kind === 'rejected' && r.error.code).toBe('NONCE_CONFLICT');
    expect(r.kind === 'rejected' && r.error.shortMessage).toBe('nonce too low');
    expect(await k.driver.status(other)).toMatchObject({ kind: 'dropped' });
  });

  it('holds a gapped tx until the gap is filled, then applies both in nonce order', async () => {
    const a = newMemAddress();
    const later = await k.prepare({ kind: 'mint', to: a, units: 5n }, 1n);
    expect((await k.driver.submit(later)).kind).toBe('accepted');
    expect(await k.driver.status(later)).toEqual({ kind: 'pending' });
    expect(await k.driver.nextSequence(later.signer)).toBe(0n);
    // nonce 0 authorizes `a`, so nonce 1's mint only succeeds if applied after it.
    const first = await k.prepare({ kind: 'authorize', address: a, investorId: 'i', country: 840 }, 0n);
    await k.driver.submit(first);
    expect(await k.driver.status(later)).toMatchObject({ kind: 'confirmed', final: true });
    expect(await k.driver.balanceOf(k.deployment, a)).toBe(5n);
    expect(k.server.txsBySigner(later.signer).map((t) => t.nonce)).toEqual([0n, 1n]);
  });

  it('refuses to replace a pending nonce with a different tx', async () => {
    const gapped = await k.prepare({ kind: 'pause' }, 3n);
    await k.driver.submit(gapped);
    const rival = await k.prepare({ kind: 'unpause' }, 3n);
    const r = await k.driver.submit(rival);
    expect(r.kind === 'rejected' && r.error.code).toBe('NONCE_CONFLICT');
    expect(await k.driver.submit(gapped)).toEqual({ kind: 'duplicate', hash: gapped.hash });
  });

  it('rejects a forged signature and a tampered body without consuming the nonce', async () => {
    const tx = await k.prepare({ kind: 'pause' }, 0n);
    const env = JSON.parse(Buffer.from(tx.raw).toString('utf8'));
    const forgedSig = { ...env, sig: (env.sig[0] === 'a' ? 'b' : 'a') + env.sig.slice(1) };
    const tampered = { ...env, body: { ...env.body, ops: [{ kind: 'unpause' }] } };
    for (const bad of [forgedSig, tampered]) {
      const r = await k.driver.submit({ ...tx, raw: Buffer.from(JSON.stringify(bad)) });
      expect(r.kind === 'rejected' && r.error.code).toBe('TX_REJECTED');
    }
    expect(await k.driver.nextSequence(tx.signer)).toBe(0n);
    expect(k.server.appliedTxCount()).toBe(0);
  });

  it('rejects a validly signed tx from a signer who is not the token admin', async () => {
    const intruder = new MemChainDriver({ chain: k.server.chain, url: k.server.url, signer: ed25519Signer() });
    const tx = await intruder.prepare({ kind: 'pause' }, { deployment: k.deployment, sequence: 0n });
    const r = await intruder.submit(tx);
    expect(r.kind === 'rejected' && r.error.code).toBe('FORBIDDEN');
    await expect(intruder.deploy({ id: k.fundId, name: 'x', symbol: 'x', decimals: 6 })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('rejects a tx signed for another chain', async () => {
    const body: TxBody = {
      chain: 'memory:other',
      signer: k.driver.signerFor({ kind: 'pause' }, k.deployment),
      nonce: '0',
      token: k.fundId,
      ops: [{ kind: 'pause' }],
    };
    const raw = await signEnvelope(body, k.admin);
    const r = await k.driver.submit({ hash: 'x', raw, signer: body.signer, sequence: 0n, description: '' });
    expect(r.kind === 'rejected' && r.error.code).toBe('INVALID_CHAIN');
  });

  it('includes a tx with an unknown token as failed NOT_DEPLOYED, consuming its nonce', async () => {
    const tx = await k.driver.prepare({ kind: 'pause' }, { deployment: { chain: k.server.chain, details: { token: 'nope' } }, sequence: 0n });
    await k.driver.submit(tx);
    expect(await k.driver.status(tx)).toMatchObject({ kind: 'failed', error: { code: 'NOT_DEPLOYED' }, block: 1n });
    expect(await k.driver.nextSequence(tx.signer)).toBe(1n);
  });

  it('loses pending txs on dropMempool (status unknown) and lands the same bytes when resent', async () => {
    const tx = await k.prepare({ kind: 'pause' }, 1n); // gapped, so it stays pending
    await k.driver.submit(tx);
    expect(k.server.dropMempool()).toBe(1);
    expect(await k.driver.status(tx)).toEqual({ kind: 'unknown' });
    expect((await k.driver.submit(tx)).kind).toBe('accepted');
    await k.send({ kind: 'unpause' });
    expect(await k.driver.status(tx)).toMatchObject({ kind: 'confirmed' });
    expect(k.server.appliedTxCount({ signer: tx.signer })).toBe(2);
  });

  it('includes an over-long or partly failing batch as failed: no op applies, the nonce is consumed', async () => {
    const a = await k.investor();
    const stranger = newMemAddress();
    const mixed = await k.prepare({
      kind: 'batch',
      items: [
        { kind: 'mint', to: a, units: 5n },
        { kind: 'mint', to: stranger, units: 5n },
      ],
    });
    await k.driver.submit(mixed);
    expect(await k.driver.status(mixed)).toMatchObject({ kind: 'failed', error: { code: 'NOT_AUTHORIZED_ON_CHAIN' } });
    expect(await k.driver.balanceOf(k.deployment, a)).toBe(0n);

    const items = Array.from({ length: MAX_BATCH + 1 }, () => ({ kind: 'mint' as const, to: a, units: 1n }));
    await expect(k.prepare({ kind: 'batch', items })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    // Built by hand, past the driver's guard: the chain itself refuses to apply it.
    const signer = k.driver.signerFor({ kind: 'pause' }, k.deployment);
    const next = await k.driver.nextSequence(signer);
    const body: TxBody = { chain: k.server.chain, signer, nonce: next.toString(), token: k.fundId, ops: items.map(encodeOp) };
    const tooBig = { hash: bodyHash(body), raw: await signEnvelope(body, k.admin), signer, sequence: next, description: '' };
    expect((await k.driver.submit(tooBig)).kind).toBe('accepted');
    expect(await k.driver.status(tooBig)).toMatchObject({ kind: 'failed', error: { code: 'VALIDATION_FAILED' } });
    expect(await k.driver.nextSequence(signer)).toBe(next + 1n);
    expect(await k.driver.totalSupply(k.deployment)).toBe(0n);
    expect(k.server.appliedTxCount({ status: 'failed' })).toBe(2);
  });

  it('reports finality only after the configured depth', async () => {
    const deep = await memKit({ confirmations: 2 });
    try {
      const driver = new MemChainDriver({ chain: deep.server.chain, url: deep.server.url, signer: deep.admin, confirmations: 2 });
      const tx = await deep.prepare({ kind: 'pause' });
      await driver.submit(tx);
      expect(await driver.status(tx)).toMatchObject({ kind: 'confirmed', final: false });
      deep.server.mineBlock();
      expect(await driver.status(tx)).toMatchObject({ final: false });
      deep.server.mineBlock();
      expect(await driver.status(tx)).toMatchObject({ kind: 'confirmed', block: 1n, final: true });
    } finally {
      await deep.server.close();
    }
  });

  it('simulated holder transfers are included in their own block and throw their failure code', async () => {
    const a = await k.investor(10n);
    const b = await k.investor();
    const head = k.server.head();
    await k.server.holderTransfer(a, b, 4n, k.fundId);
    expect(k.server.head()).toBe(head + 1n);
    await expect(k.server.holderTransfer(a, b, 7n, k.fundId)).rejects.toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    expect(k.server.appliedTxCount({ opKind: 'holderTransfer' })).toBe(1);
    expect(k.server.appliedTxCount({ opKind: 'holderTransfer', status: 'failed' })).toBe(1);
    expect(await k.driver.balanceOf(k.deployment, b)).toBe(4n);
  });

  it('a holder batch transfer is one tx whose transfers are distinct events (same hash, own indexes), all or nothing', async () => {
    const a = await k.investor(10n);
    const b = await k.investor();
    const c = await k.investor();
    const token = k.deployment.details.token!;
    const hash = await k.server.holderBatchTransfer(
      a,
      [
        { to: b, units: 1n },
        { to: c, units: 2n },
      ],
      token,
    );
    const events = [];
    for (let cursor: string | undefined, page; (page = await k.driver.events(k.deployment, cursor)).items.length > 0; cursor = page.next)
      events.push(...page.items);
    const all = events.filter((e) => e.txHash === hash);
    expect(all.map((e) => e.kind === 'transfer' && [e.to, e.units])).toEqual([
      [b, 1n],
      [c, 2n],
    ]);
    expect(new Set(all.map((e) => e.index)).size).toBe(2);
    // The second transfer overdraws: neither applies.
    await expect(
      k.server.holderBatchTransfer(
        a,
        [
          { to: b, units: 5n },
          { to: c, units: 5n },
        ],
        token,
      ),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    expect(await k.driver.balanceOf(k.deployment, a)).toBe(7n);
  });
});
