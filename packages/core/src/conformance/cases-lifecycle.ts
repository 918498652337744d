import { expect } from 'vitest';
import type { ChainOperation } from '../operation.ts';
import type { CaseDef, SuiteContext } from './context.ts';

/** A harmless op that needs no prior state: authorize a fresh address, or mint to one. */
const freshOp = (c: SuiteContext): ChainOperation =>
  c.caps.authorize
    ? { kind: 'authorize', address: c.harness.newAddress(), investorId: 'conformance', country: 840 }
    : { kind: 'mint', to: c.harness.newAddress(), units: 1n };

export const lifecycleCases: CaseDef[] = [
  {
    id: 'deploy.idempotent',
    title: 'deploying the same fund again returns the same deployment',
    async run(c) {
      const again = await c.driver.deploy(c.harness.fund);
      expect(again).toEqual(c.deployment);
      expect(again.chain).toBe(c.driver.chain);
    },
  },
  {
    id: 'prepare.sendsNothing',
    title: 'prepare signs and returns hash + raw bytes without sending',
    async run(c) {
      const before = await c.driver.nextSequence(c.signer);
      const tx = await c.prepare(freshOp(c));
      expect(tx.hash).toMatch(/\S/);
      expect(tx.raw).toBeInstanceOf(Uint8Array);
      expect(tx.raw.length).toBeGreaterThan(0);
      expect(tx.signer).toBe(c.signer);
      expect(tx.sequence).toBe(before);
      expect(tx.description).toMatch(/\S/);
      expect((await c.driver.status(tx)).kind).toBe('unknown');
      expect(await c.driver.nextSequence(c.signer)).toBe(before);
      // Fill the sequence so later cases have no gap.
      await c.submit(tx);
      await c.confirmed(tx);
    },
  },
  {
    id: 'submit.confirms',
    title: 'submit is accepted, then status reaches confirmed and the sequence is consumed',
    async run(c) {
      const tx = await c.prepare(freshOp(c));
      const r = await c.driver.submit(tx);
      expect(r).toEqual({ kind: 'accepted', hash: tx.hash });
      const s = await c.confirmed(tx);
      expect(typeof s.block).toBe('bigint');
      expect(await c.driver.nextSequence(c.signer)).toBeGreaterThan(tx.sequence);
    },
  },
  {
    id: 'fill.consumesSequence',
    title: 'a sequence filler consumes its sequence and changes nothing',
    async run(c) {
      const supply = await c.supply();
      const sequence = c.seq++;
      const tx = await c.driver.fill({ deployment: c.deployment, signer: c.signer, sequence });
      expect(tx).toMatchObject({ signer: c.signer, sequence });
      await c.submit(tx);
      await c.confirmed(tx);
      expect(await c.driver.nextSequence(c.signer)).toBeGreaterThan(sequence);
      expect(await c.supply()).toBe(supply);
    },
  },
  {
    id: 'submit.duplicate',
    title: 'resubmitting the same bytes is safe and has exactly one effect',
    async run(c) {
      const to = await c.investor();
      const supply = await c.supply();
      const tx = await c.prepare({ kind: 'mint', to, units: 7n });
      await c.submit(tx);
      await c.submit(tx); // while pending (or already in)
      await c.confirmed(tx);
      await c.submit(tx); // after confirmation
      expect(await c.supply()).toBe(supply + 7n);
      expect(await c.balance(to)).toBe(7n);
    },
  },
  {
    id: 'finality',
    title: 'a confirmed tx becomes final after the finality depth',
    requires: (c) => {
      const f = c.caps.finality;
      // The node's finalized tag moves with consensus, not with a block count the suite could mine.
      if (f.kind === 'tag') return `finality by the node's "${f.tag}" tag (the driver's own tests drive it)`;
      return f.kind === 'confirmations' && f.depth > 0 && !c.harness.advance ? 'depth > 0 and the harness cannot advance blocks' : undefined;
    },
    async run(c) {
      const tx = await c.prepare(freshOp(c));
      await c.submit(tx);
      const s = await c.confirmed(tx);
      const f = c.caps.finality;
      if (f.kind !== 'confirmations' || f.depth === 0) return void expect(s.final).toBe(true);
      await c.harness.advance!(f.depth);
      const later = await c.until(
        () => c.driver.status(tx),
        (x) => x.kind === 'confirmed' && x.final,
        'finality',
      );
      expect(later).toMatchObject({ kind: 'confirmed', block: s.block, final: true });
    },
  },
  {
    id: 'failedOp.consumesSequence',
    title: 'burning more than the balance fails with INSUFFICIENT_BALANCE and still consumes the sequence',
    async run(c) {
      const from = await c.investor(5n);
      const tx = await c.prepare({ kind: 'burn', from, units: 6n });
      await c.submit(tx);
      await c.finalize(); // a failure is a verdict only once final: a reorg could re-include it elsewhere
      const s = await c.settled(tx);
      expect(s.kind).toBe('failed');
      if (s.kind === 'failed') expect(s.error.code).toBe('INSUFFICIENT_BALANCE');
      expect(await c.balance(from)).toBe(5n);
      expect(await c.driver.nextSequence(tx.signer)).toBeGreaterThan(tx.sequence);
      await c.send({ kind: 'burn', from, units: 5n }); // the next sequence lands normally
      expect(await c.balance(from)).toBe(0n);
    },
  },
  {
    id: 'dropped',
    title: 'a tx whose sequence another confirmed tx consumed reports dropped and is refused',
    async run(c) {
      const n = c.seq++;
      const loser = await c.prepare(freshOp(c), n);
      const winner = await c.prepare(freshOp(c), n);
      expect(loser.hash).not.toBe(winner.hash);
      await c.submit(winner);
      await c.confirmed(winner);
      // "Provably cannot land" is decided on final blocks only (a reorg could still drop the winner).
      await c.finalize();
      expect((await c.driver.status(loser)).kind).toBe('dropped');
      const r = await c.driver.submit(loser);
      expect(r.kind).toBe('rejected');
      if (r.kind === 'rejected') expect(r.error.code).toBe('NONCE_CONFLICT');
      expect((await c.driver.status(loser)).kind).toBe('dropped');
    },
  },
];
