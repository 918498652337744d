import { eq } from 'drizzle-orm';
import { newId, type Nav } from '@fiscus/core';
import { insertNavPublication, schema, type Db } from '@fiscus/ledger';
import { requestOperation, type Worker } from '../../src/index.ts';
import { settle } from '../../src/testing/index.ts';
import type { MemchainHarness } from './memchain.ts';

/** Publishes NAV round `round` straight into the table (the NAV API is tested on its own). */
export async function publishNav(db: Db, fundId: string, nav: Nav, round = 1n): Promise<void> {
  await insertNavPublication(db, { id: newId('nav'), fundId, round, navValue: nav.value, navScale: nav.scale, publishedBy: 'test' });
}

/**
 * Gives a memchain deployment a redemption address, as the EVM and Stellar drivers do on deploy:
 * a platform wallet authorized on the token (so investors can send to it) whose units the admin burns.
 */
export async function addRedemptionAddress(db: Db, harness: MemchainHarness, worker: Worker, p: { fundId: string; deploymentId: string }): Promise<string> {
  const address = harness.newAddress();
  const op = await requestOperation(db, {
    fundId: p.fundId,
    chain: harness.chain,
    body: { kind: 'authorize', address, investorId: 'platform', country: 840 },
    requestedBy: 'test',
  });
  await settle(worker, db, [op.id]);
  const [dep] = await db.select().from(schema.deployments).where(eq(schema.deployments.id, p.deploymentId));
  await db
    .update(schema.deployments)
    .set({ details: { ...dep!.details, redemptionAddress: address } })
    .where(eq(schema.deployments.id, p.deploymentId));
  return address;
}
