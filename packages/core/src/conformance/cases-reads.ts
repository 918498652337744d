import { expect } from 'vitest';
import type { ChainEvent, Holder } from '../driver.ts';
import { FiscusError } from '../errors.ts';
import type { CaseDef, SuiteContext } from './context.ts';

const MAX_PAGES = 10_000;

/** Reads every events page from `cursor`; returns the events and the cursor to resume from. */
async function drainEvents(c: SuiteContext, cursor?: string): Promise<{ items: ChainEvent[]; cursor?: string }> {
  const items: ChainEvent[] = [];
  await c.finalize();
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await c.driver.events(c.deployment, cursor);
    items.push(...page.items);
    // A page with items must say where to resume, or events could not be resumed after it.
    if (page.items.length > 0) expect(page.next, 'events page with items has no next cursor').toBeDefined();
    if (page.items.length === 0 || !page.next) return { items, cursor };
    cursor = page.next;
  }
  return expect.fail('events never ended');
}

async function allHolders(c: SuiteContext): Promise<Holder[]> {
  const all: Holder[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await c.driver.holders(c.deployment, cursor);
    all.push(...page.items);
    if (!page.next) return all;
    cursor = page.next;
  }
  return expect.fail('holders never ended');
}

const position = (e: ChainEvent) => [e.block, e.index] as const;

export const readCases: CaseDef[] = [
  {
    id: 'holders.paginated',
    title: 'holders pages cover every holder exactly once',
    async run(c) {
      const ours = new Map<string, bigint>();
      for (const units of [11n, 22n, 33n]) ours.set(await c.investor(units), units);
      const all = await allHolders(c);
      expect(new Set(all.map((h) => h.address)).size).toBe(all.length);
      for (const h of all) expect(h.units).toBeGreaterThan(0n);
      for (const [address, units] of ours) expect(all.find((h) => h.address === address)?.units).toBe(units);
    },
  },
  {
    id: 'events.resumable',
    title: 'events resume from a cursor: reading from a mid cursor returns exactly the rest',
    async run(c) {
      const start = (await drainEvents(c)).cursor;
      const a = await c.investor();
      const first = await c.send({ kind: 'mint', to: a, units: 5n });
      const head = await drainEvents(c, start);
      expect(head.items).toContainEqual(expect.objectContaining({ kind: 'transfer', from: null, to: a, units: 5n, txHash: first.hash }));
      const second = await c.send({ kind: 'mint', to: a, units: 6n });
      const third = await c.send({ kind: 'burn', from: a, units: 2n });
      const fourth = await c.send({ kind: 'mint', to: a, units: 1n }); // odd count: the last page is partial
      const rest = await drainEvents(c, head.cursor);
      expect(rest.items.map((e) => e.txHash)).toEqual([second.hash, third.hash, fourth.hash]);
      expect(rest.items).toMatchObject([
        { kind: 'transfer', from: null, to: a, units: 6n },
        { kind: 'transfer', from: a, to: null, units: 2n },
        { kind: 'transfer', from: null, to: a, units: 1n },
      ]);
      expect((await drainEvents(c, start)).items).toEqual([...head.items, ...rest.items]);
      const all = [...head.items, ...rest.items].map(position);
      for (let i = 1; i < all.length; i++) {
        const [b0, i0] = all[i - 1]!;
        const [b1, i1] = all[i]!;
        expect(b1 > b0 || (b1 === b0 && i1 > i0), 'events strictly ordered by (block, index)').toBe(true);
      }
      expect((await drainEvents(c, rest.cursor)).items).toEqual([]);
    },
  },
  {
    id: 'parseError',
    title: 'parseError maps anything to a FiscusError',
    async run(c) {
      for (const e of [new Error('boom'), 'text', undefined, { weird: true }]) {
        expect(c.driver.parseError(e)).toBeInstanceOf(FiscusError);
      }
      const known = new FiscusError('INSUFFICIENT_BALANCE', 'x');
      expect(c.driver.parseError(known).code).toBe('INSUFFICIENT_BALANCE');
    },
  },
];
