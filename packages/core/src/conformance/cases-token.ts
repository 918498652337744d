import { expect } from 'vitest';
import type { SingleOperation } from '../operation.ts';
import type { CaseDef, SuiteContext } from './context.ts';

const need = (ok: boolean, what: string) => (ok ? undefined : `capability ${what} is absent`);

/** Asserts a holder transfer is refused (when the harness can make one). */
async function refused(c: SuiteContext, from: string, to: string, units: bigint) {
  if (c.harness.holderTransfer) await expect(c.harness.holderTransfer(from, to, units)).rejects.toThrow();
}
async function allowed(c: SuiteContext, from: string, to: string, units: bigint) {
  if (c.harness.holderTransfer) await c.harness.holderTransfer(from, to, units);
}

export const tokenCases: CaseDef[] = [
  {
    id: 'authorize',
    title: 'authorize / deauthorize toggle isAuthorized',
    requires: (c) => need(c.caps.authorize, 'authorize'),
    async run(c) {
      const address = c.harness.newAddress();
      expect(await c.driver.isAuthorized(c.deployment, address)).toBe(false);
      await c.send({ kind: 'authorize', address, investorId: 'conformance', country: 840 });
      expect(await c.driver.isAuthorized(c.deployment, address)).toBe(true);
      await c.send({ kind: 'deauthorize', address });
      expect(await c.driver.isAuthorized(c.deployment, address)).toBe(false);
    },
  },
  {
    id: 'mint',
    title: 'mint raises totalSupply and the balance',
    async run(c) {
      const to = await c.investor();
      const supply = await c.supply();
      await c.send({ kind: 'mint', to, units: 1_000n });
      expect(await c.supply()).toBe(supply + 1_000n);
      expect(await c.balance(to)).toBe(1_000n);
    },
  },
  {
    id: 'burn',
    title: 'burn lowers totalSupply and the balance',
    async run(c) {
      const from = await c.investor(1_000n);
      const supply = await c.supply();
      await c.send({ kind: 'burn', from, units: 400n });
      expect(await c.supply()).toBe(supply - 400n);
      expect(await c.balance(from)).toBe(600n);
    },
  },
  {
    id: 'freeze',
    title: 'freeze blocks the holder, unfreeze releases it',
    requires: (c) => need(c.caps.freeze, 'freeze'),
    async run(c) {
      const a = await c.investor(100n);
      const b = await c.investor();
      await c.send({ kind: 'freeze', address: a });
      await refused(c, a, b, 1n);
      await c.send({ kind: 'unfreeze', address: a });
      await allowed(c, a, b, 1n);
      expect(await c.balance(a)).toBe(c.harness.holderTransfer ? 99n : 100n);
    },
  },
  {
    id: 'freeze.partial',
    title: 'freezing some units leaves only the rest transferable',
    requires: (c) => need(c.caps.partialFreeze, 'partialFreeze'),
    async run(c) {
      const a = await c.investor(100n);
      const b = await c.investor();
      await c.send({ kind: 'freeze', address: a, units: 60n });
      await refused(c, a, b, 41n);
      await allowed(c, a, b, 40n);
      await c.send({ kind: 'unfreeze', address: a, units: 60n });
      await allowed(c, a, b, 60n);
      expect(await c.balance(b)).toBe(c.harness.holderTransfer ? 100n : 0n);
    },
  },
  {
    id: 'forceTransfer',
    title: 'forceTransfer moves units without changing supply (unfreezing partial units as needed)',
    requires: (c) => need(c.caps.forceTransfer, 'forceTransfer'),
    async run(c) {
      const a = await c.investor(100n);
      const b = await c.investor();
      // T-REX forcedTransfer unfreezes frozen units when the free balance is short.
      if (c.caps.partialFreeze) await c.send({ kind: 'freeze', address: a, units: 90n });
      const supply = await c.supply();
      await c.send({ kind: 'forceTransfer', from: a, to: b, units: 30n });
      expect(await c.balance(a)).toBe(70n);
      expect(await c.balance(b)).toBe(30n);
      expect(await c.supply()).toBe(supply);
    },
  },
  {
    id: 'pause',
    title: 'pause blocks holder transfers but not agent operations; unpause restores them',
    requires: (c) => need(c.caps.pause, 'pause'),
    async run(c) {
      const a = await c.investor(10n);
      const b = await c.investor();
      await c.send({ kind: 'pause' });
      try {
        await refused(c, a, b, 1n);
        await c.send({ kind: 'mint', to: a, units: 5n });
        expect(await c.balance(a)).toBe(15n);
      } finally {
        await c.send({ kind: 'unpause' }); // never leave the token paused for later cases
      }
      await allowed(c, a, b, 1n);
    },
  },
  {
    id: 'batch',
    title: 'a batch of maxBatch (≤ 100) mints lands in one transaction',
    requires: (c) => (c.caps.maxBatch > 1 ? undefined : 'maxBatch is 1'),
    async run(c) {
      const n = Math.min(c.caps.maxBatch, 100);
      const to = [await c.investor(), await c.investor()];
      const items: SingleOperation[] = Array.from({ length: n }, (_, i) => ({ kind: 'mint', to: to[i % 2]!, units: BigInt(i + 1) }));
      const supply = await c.supply();
      const tx = await c.send({ kind: 'batch', items });
      expect(tx.sequence + 1n).toBe(await c.driver.nextSequence(tx.signer));
      const total = BigInt((n * (n + 1)) / 2);
      expect(await c.supply()).toBe(supply + total);
      expect((await c.balance(to[0]!)) + (await c.balance(to[1]!))).toBe(total);
    },
  },
];
