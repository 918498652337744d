import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  DEFAULT_POLICY,
  WORKABLE_STATES,
  newId,
  operationFromJson,
  policyToJson,
  type ChainDriver,
  type ChainId,
  type DriverRegistry,
  type OperationBody,
} from '@fiscus/core';
import { accountBalance, checkSupplyInvariant, executeRows, schema, supplyAccount, TRANSIT, type Db } from '@fiscus/ledger';
import { ACTIVE_MOVE_STATES, advanceDistributions, advanceMoves, requestOperation, settleRedemptions, type Worker } from '../../src/index.ts';
import { settle } from '../../src/testing/index.ts';
import { randomAddress } from './memchain.ts';
import { silentLogger } from './two-chains.ts';

/** A chain of the property: any driver (memchain, the Stellar local ledger…); `newAddress` when wallets need chain-side setup. */
export interface PropChain {
  chain: ChainId;
  driver: ChainDriver;
  newAddress?: () => string;
}

export interface PropWallet {
  investorId: string;
  chain: ChainId;
  walletId: string;
  address: string;
}

/** A fund deployed on every chain, with `investors` verified investors holding one authorized wallet per chain. */
export async function seedPropertyFund(
  db: Db,
  worker: Worker,
  chains: PropChain[],
  investors: number,
): Promise<{ fundId: string; wallets: PropWallet[]; deployments: Record<string, string> }> {
  const fundId = newId('fund');
  await db
    .insert(schema.funds)
    .values({ id: fundId, name: 'Property Fund', symbol: 'PRP', decimals: 6, policy: policyToJson({ ...DEFAULT_POLICY, kycRequired: false }) });
  const deployments: Record<string, string> = {};
  const deploys: string[] = [];
  for (const { chain } of chains) {
    const id = newId('dep');
    deployments[chain] = id;
    await db.insert(schema.deployments).values({ id, fundId, chain, status: 'pending' });
    deploys.push((await requestOperation(db, { fundId, chain, body: { kind: 'deploy' }, context: { deploymentId: id }, requestedBy: 'prop' })).id);
  }
  await settle(worker, db, deploys);
  const wallets: PropWallet[] = [];
  const auths: string[] = [];
  for (let i = 0; i < investors; i++) {
    const investorId = newId('inv');
    await db
      .insert(schema.investors)
      .values({ id: investorId, legalName: `Holder ${i}`, jurisdiction: 'US', jurisdictionNumeric: 840, investorType: 'institutional', kycStatus: 'verified' });
    for (const { chain, newAddress } of chains) {
      const address = newAddress?.() ?? randomAddress();
      const walletId = newId('wal');
      await db.insert(schema.wallets).values({ id: walletId, investorId, chain, address });
      await db.insert(schema.fundWallets).values({ fundId, walletId, status: 'pending' });
      wallets.push({ investorId, chain, walletId, address });
      auths.push(
        (
          await requestOperation(db, {
            fundId,
            chain,
            body: { kind: 'authorize', address, investorId, country: 840 },
            context: { walletId, investorId },
            requestedBy: 'prop',
          })
        ).id,
      );
    }
  }
  await settle(worker, db, auths);
  return { fundId, wallets, deployments };
}

/** Works the outbox and every saga (moves, distributions, redemption queue) until nothing is left to do. */
export async function quiesce(worker: Worker, db: Db, drivers: DriverRegistry, fundId: string): Promise<void> {
  for (let i = 0; i < 3_000; i++) {
    await advanceMoves(db, { logger: silentLogger, fundId });
    await advanceDistributions(db, drivers);
    await settleRedemptions(db);
    const worked = await worker.tick();
    const [ops, moves, dists] = await Promise.all([
      db
        .select({ id: schema.operations.id })
        .from(schema.operations)
        .where(and(eq(schema.operations.fundId, fundId), inArray(schema.operations.state, [...WORKABLE_STATES]))),
      db
        .select({ id: schema.moves.id })
        .from(schema.moves)
        .where(and(eq(schema.moves.fundId, fundId), inArray(schema.moves.state, ACTIVE_MOVE_STATES))),
      db
        .select({ id: schema.distributions.id })
        .from(schema.distributions)
        .where(and(eq(schema.distributions.fundId, fundId), inArray(schema.distributions.state, ['pending', 'minting']))),
    ]);
    if (ops.length === 0 && moves.length === 0 && dists.length === 0) return;
    if (worked === 0) await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('did not quiesce');
}

/** Units of a posted operation, by what it did: minted (+) or burned (−); batches summed. */
function netUnits(body: OperationBody): bigint {
  if (body.kind === 'mint') return body.units;
  if (body.kind === 'burn') return -body.units;
  if (body.kind === 'batch') return body.items.reduce((s, it) => s + netUnits(it as OperationBody), 0n);
  return 0n;
}

/**
 * Every ledger invariant of the fund, read from the journal, the sagas' own rows and the chains:
 * returns the numbers so the property can assert them (and print them when shrinking).
 */
export async function ledgerFacts(db: Db, fundId: string, chains: PropChain[], deployments: Record<string, string>, wallets: PropWallet[]) {
  const invariant = await checkSupplyInvariant(db, fundId);
  // Journal: every commodity sums to 0 over the fund; each account's maintained balance = Σ of its postings.
  const unbalanced = await executeRows(
    db,
    sql`
    select p.commodity, sum(p.amount)::text as total from postings p join journal_entries e on e.id = p.entry_id
    where e.fund_id = ${fundId} group by p.commodity having sum(p.amount) <> 0`,
  );
  const drifted = await executeRows(
    db,
    sql`
    select a.code from ledger_accounts a left join postings p on p.account_id = a.id
    where a.fund_id = ${fundId} group by a.id, a.code, a.balance having a.balance <> coalesce(sum(p.amount), 0)`,
  );
  const perChain: Record<string, { ledger: bigint; chain: bigint; wallets: bigint; capTable: bigint }> = {};
  for (const c of chains) {
    const [dep] = await db.select().from(schema.deployments).where(eq(schema.deployments.id, deployments[c.chain]!));
    const deployment = { chain: c.chain, details: dep!.details! };
    let onChainWallets = 0n;
    let capTable = 0n;
    for (const w of wallets.filter((x) => x.chain === c.chain)) {
      onChainWallets += await c.driver.balanceOf(deployment, w.address);
      const [fw] = await db
        .select()
        .from(schema.fundWallets)
        .where(and(eq(schema.fundWallets.fundId, fundId), eq(schema.fundWallets.walletId, w.walletId)));
      capTable += fw?.units ?? 0n;
    }
    perChain[c.chain] = {
      ledger: await accountBalance(db, { fundId, code: supplyAccount(c.chain), commodity: 'units' }),
      chain: await c.driver.totalSupply(deployment),
      wallets: onChainWallets,
      capTable,
    };
  }
  // Units created or destroyed, from the posted operations that are no move legs: subscriptions, yield, redemptions.
  const posted = await db
    .select()
    .from(schema.operations)
    .where(and(eq(schema.operations.fundId, fundId), eq(schema.operations.state, 'posted')));
  const issued = posted.filter((o) => !('moveId' in o.context)).reduce((s, o) => s + netUnits(operationFromJson(o.body)), 0n);
  const dists = await db.select().from(schema.distributions).where(eq(schema.distributions.fundId, fundId));
  const distMinted = (id: string) => posted.filter((o) => o.context.distributionId === id).reduce((s, o) => s + netUnits(operationFromJson(o.body)), 0n);
  const distributions = dists.map((d) => ({
    id: d.id,
    state: d.state,
    declared: (d.units ?? 0n) + (d.carryIn ?? 0n),
    paidPlusCarry: distMinted(d.id) + (d.carryOut ?? 0n),
  }));
  return {
    invariant,
    transit: await accountBalance(db, { fundId, code: TRANSIT, commodity: 'units' }),
    unbalanced,
    drifted,
    perChain,
    issued,
    distributions,
  };
}
