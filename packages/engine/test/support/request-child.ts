/**
 * Another process that requests one mint and exits: its commit must wake the test's worker
 * through Postgres NOTIFY (test/scheduling.int.test.ts). env: FISCUS_DB (createDb options),
 * MINT ({ fundId, chain, to, walletId, investorId }). Prints the operation id.
 */
import { fileURLToPath } from 'node:url';
import { createDb } from '@fiscus/ledger';
import { requestMint } from '../../src/testing/seed.ts';

export const requestChildModule = fileURLToPath(import.meta.url);

if (process.argv[1] === requestChildModule) {
  const database = await createDb(JSON.parse(process.env.FISCUS_DB!));
  const mint = JSON.parse(process.env.MINT!);
  const op = await requestMint(database.db, { ...mint, units: 7n });
  console.log(op.id);
  await database.close();
}
