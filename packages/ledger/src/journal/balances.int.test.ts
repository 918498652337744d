// Property: after any sequence of balanced entries, every cached balance equals Σ of its postings.
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachBackend, type TestDbHandle } from '../testing.ts';
import { ledgerAccounts } from '../schema/index.ts';
import { seedFund } from '../../test/fixtures.ts';
import type { Commodity } from './accounts.ts';
import { sumPostings } from './balances.ts';
import { postEntry, type Posting } from './post.ts';

const ACCOUNTS = ['issuance', 'supply:eip155:1', 'supply:stellar:testnet', 'transit', 'cash:bank', 'investor:1'];
const leg = fc.record({
  account: fc.constantFrom(...ACCOUNTS),
  commodity: fc.constantFrom<Commodity>('units', 'usd'),
  amount: fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
});
/** Free legs plus one balancing leg per commodity, so every generated entry balances. */
const entry = fc.tuple(fc.array(leg, { minLength: 1, maxLength: 4 }), fc.constantFrom(...ACCOUNTS)).map(([legs, closer]) => {
  const out: Posting[] = [...legs];
  for (const c of ['units', 'usd'] as const) {
    const own = legs.filter((l) => l.commodity === c);
    if (own.length > 0) out.push({ account: closer, commodity: c, amount: -own.reduce((s, l) => s + l.amount, 0n) });
  }
  return out;
});

describeEachBackend('balances property', (backend) => {
  let h: TestDbHandle;
  beforeAll(async () => {
    h = await createTestDb(backend);
  });
  afterAll(() => h?.cleanup());

  it('balance == Σ postings == model after random entries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 6 }), async (entries) => {
        const fundId = await seedFund(h.db, 'prop');
        const model = new Map<string, bigint>();
        for (const postings of entries) {
          await postEntry(h.db, { fundId, memo: 'random', postings });
          for (const p of postings) model.set(`${p.account}/${p.commodity}`, (model.get(`${p.account}/${p.commodity}`) ?? 0n) + p.amount);
        }
        const rows = await h.db.select().from(ledgerAccounts).where(eq(ledgerAccounts.fundId, fundId));
        expect(rows.length).toBe(model.size);
        for (const r of rows) {
          expect(r.balance).toBe(model.get(`${r.code}/${r.commodity}`));
          expect(await sumPostings(h.db, r.id)).toBe(r.balance);
        }
        // Per commodity the whole fund nets to zero: nothing created or lost.
        for (const c of ['units', 'usd']) expect(rows.filter((r) => r.commodity === c).reduce((s, r) => s + r.balance, 0n)).toBe(0n);
      }),
      { numRuns: 30 },
    );
  });
});
