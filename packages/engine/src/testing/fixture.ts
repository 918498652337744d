import type { Database } from '@fiscus/ledger';
import type { Worker } from '../index.ts';
import { testWorker, settle } from './drive.ts';
import type { EngineChainHarness } from './chain.ts';
import { seedFund, seedWallet } from './seed.ts';

/** A deployed fund with one authorized wallet: where most engine tests start. */
export async function deployedFund(database: Database, harness: EngineChainHarness, worker?: Worker) {
  const db = database.db;
  const w = worker ?? testWorker(db, harness.driver);
  const fund = await seedFund(db, { chain: harness.chain });
  await settle(w, db, [fund.deploy.id]);
  const address = harness.newAddress();
  const wallet = await seedWallet(db, { fundId: fund.fundId, chain: harness.chain, address });
  await settle(w, db, [wallet.authorize.id]);
  return { ...fund, ...wallet, address, worker: w };
}
