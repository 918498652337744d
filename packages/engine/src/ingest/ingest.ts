import { and, eq, inArray, sql } from 'drizzle-orm';
import { FiscusError, newId, type ChainDriver, type ChainEvent, type Deployment, type DriverRegistry } from '@fiscus/core';
import { appendAudit, deploymentOf, ISSUANCE, postEntry, schema, supplyAccount, type Db } from '@fiscus/ledger';
import type { EngineLogger } from '../steps/context.ts';
import { recordUnmatchedEvent } from './unmatched.ts';
import { INGEST_MAX_PAGES } from '../defaults.ts';
import { priceHolderBurn } from '../redemptions/open.ts';
import { applyRedemptionTransfer, isToRedemptionAddress } from './redemption-transfer.ts';
import { applyCashEvent, type CashEvent } from './cash-events.ts';
import { ownTxHashes } from './own-transactions.ts';

const isCashEvent = (e: ChainEvent): e is CashEvent => e.kind === 'cashSubscription' || e.kind === 'cashRedemption';

const { chainCursors, deployments, fundWallets, redemptions, wallets } = schema;

type Transfer = Extract<ChainEvent, { kind: 'transfer' }>;

export interface IngestEventsOptions {
  deploymentId: string;
  logger?: EngineLogger;
  /** Pages read in one call at most (default 20); the rest waits for the next call. */
  maxPages?: number;
}

export interface IngestResult {
  /** Pages committed (each with its cursor). */
  pages: number;
  /** Events read, of every kind. */
  events: number;
  /** Investor-to-investor transfers applied to the cap table. */
  transfers: number;
  /** On-chain redemptions (holder burns) recorded. */
  redemptions: number;
  /** Stablecoin subscriptions and redemptions of the settlement contracts booked (issue 12). */
  cash: number;
  /** Transfers of our own operations (already posted by the engine) passed over. */
  own: number;
  /** Transfers not recorded: unknown addresses, foreign mints, already applied. */
  ignored: number;
  cursor: string | null;
}

const silent: EngineLogger = { info() {}, warn() {}, error() {} };

/**
 * Reads a deployment's on-chain events from the persisted cursor and applies what they mean for
 * the off-chain books: investors' own transfers move cap-table positions; a holder burn is an
 * on-chain redemption (journal supply:<chain> −u / issuance +u, position −u, a redemptions row
 * pending payout). Transactions of our own operations are skipped: the engine posts those.
 *
 * Each page and its cursor commit in one transaction, guarded by a compare-and-set on the cursor
 * row: a crash re-reads the page, and two ingesters racing on one deployment apply it once (the
 * loser's transaction sees a moved cursor and gives up). Every effect booked here is keyed by
 * (chain, tx hash, event index) — redemptions and unmatched events alike — because one
 * transaction can carry several transfers or burns (T-REX batchTransfer, a Stellar transaction
 * with several payments): each is booked once, none is dropped as a duplicate of another.
 */
export async function ingestEvents(db: Db, drivers: DriverRegistry, o: IngestEventsOptions): Promise<IngestResult> {
  const logger = o.logger ?? silent;
  const result: IngestResult = { pages: 0, events: 0, transfers: 0, redemptions: 0, cash: 0, own: 0, ignored: 0, cursor: null };
  const [dep] = await db.select().from(deployments).where(eq(deployments.id, o.deploymentId));
  const deployment = dep && deploymentOf(dep);
  if (!dep || !deployment) {
    throw new FiscusError('NOT_DEPLOYED', `deployment ${o.deploymentId} is not active`);
  }
  const driver = drivers.get(dep.chain);
  if (!driver) throw new FiscusError('INVALID_CHAIN', `no driver registered for ${dep.chain}`);
  const target: Target = { deploymentId: dep.id, fundId: dep.fundId, deployment };

  await db.insert(chainCursors).values({ deploymentId: dep.id, cursor: null }).onConflictDoNothing();
  const [row] = await db.select({ cursor: chainCursors.cursor }).from(chainCursors).where(eq(chainCursors.deploymentId, dep.id));
  let cursor = row?.cursor ?? null;
  result.cursor = cursor;

  for (let i = 0; i < (o.maxPages ?? INGEST_MAX_PAGES); i++) {
    const page = await driver.events(target.deployment, cursor ?? undefined);
    const next = page.next ?? null;
    if (page.items.length === 0) {
      // Some drivers advance the cursor over pages without events of this token.
      if (next !== null && next !== cursor && (await commitPage(db, driver, target, cursor, next, [], logger, result))) cursor = next;
      break;
    }
    if (next === null || next === cursor) {
      throw new FiscusError('INTERNAL', `driver for ${dep.chain} returned events without a new cursor`, { meta: { deploymentId: dep.id } });
    }
    if (!(await commitPage(db, driver, target, cursor, next, page.items, logger, result))) break;
    cursor = next;
  }
  result.cursor = cursor;
  return result;
}

interface Target {
  deploymentId: string;
  fundId: string;
  deployment: Deployment;
}

interface Holder {
  walletId: string;
  investorId: string;
  /** Has a fund_wallets row for this fund. */
  inFund: boolean;
}

/** Applies one page and moves the cursor from `from` to `to`; false if another ingester moved it first. */
async function commitPage(
  db: Db,
  driver: ChainDriver,
  t: Target,
  from: string | null,
  to: string,
  items: ChainEvent[],
  logger: EngineLogger,
  total: IngestResult,
): Promise<boolean> {
  const chain = driver.chain;
  const counts = { transfers: 0, redemptions: 0, cash: 0, own: 0, ignored: 0 };
  const applied = await db.transaction(async (tx) => {
    const [locked] = await tx.select({ cursor: chainCursors.cursor }).from(chainCursors).where(eq(chainCursors.deploymentId, t.deploymentId)).for('update');
    if (!locked || (locked.cursor ?? null) !== from) return false;

    const transfers = items.filter((e): e is Transfer => e.kind === 'transfer');
    const own = await ownTxHashes(
      tx,
      chain,
      transfers.map((e) => e.txHash),
    );
    const foreign = transfers.filter((e) => {
      if (!own.has(e.txHash.toLowerCase())) return true;
      counts.own++;
      return false;
    });
    const holders = await knownHolders(tx, t.fundId, chain, [
      ...foreign.flatMap((e) => [e.from, e.to]).filter((a): a is string => a !== null),
      ...items.filter(isCashEvent).map((e) => e.investor),
    ]);
    const holder = (a: string | null) => (a === null ? undefined : holders.get(a.toLowerCase()));

    // In chain order: transfers of other parties, and movements the driver could not express.
    const toApply = new Set<ChainEvent>(foreign);
    for (const e of items) {
      if (isCashEvent(e)) {
        // Stablecoin subscriptions / redemptions of the settlement contracts (cash-events.ts).
        if (await applyCashEvent(tx, t, chain, e, holder(e.investor), logger)) counts.cash++;
        else counts.ignored++;
        continue;
      }
      if (e.kind === 'unmatched') {
        // Booked nowhere; named when the chain drifts.
        counts.ignored++;
        logger.warn(
          { deploymentId: t.deploymentId, chain, txHash: e.txHash, index: e.index, reason: e.reason },
          'on-chain movement the driver cannot book: recorded unmatched',
        );
        await recordUnmatchedEvent(tx, t, chain, e, 'unbookable');
        continue;
      }
      if (e.kind !== 'transfer' || !toApply.has(e)) continue;
      const where = { deploymentId: t.deploymentId, chain, txHash: e.txHash, block: e.block.toString(), index: e.index };
      if (e.units <= 0n) {
        counts.ignored++;
        continue;
      }
      if (isToRedemptionAddress(t.deployment, e)) {
        // An investor sending units to the redemption address redeems them (redemptions/open.ts).
        const sender = holder(e.from);
        if (await applyRedemptionTransfer(tx, t, e, sender, logger)) counts.redemptions++;
        else {
          counts.ignored++;
          // Units from an unknown sender wait at the address for an operator: the reconciler names them.
          if (!sender?.inFund) await recordUnmatchedEvent(tx, t, chain, e, 'unknown_transfer');
        }
      } else if (e.from !== null && e.to !== null) {
        const a = holder(e.from);
        const b = holder(e.to);
        if (!a?.inFund || !b?.inFund) {
          counts.ignored++;
          logger.warn(
            { ...where, from: e.from, to: e.to, units: e.units.toString(), knownFrom: !!a?.inFund, knownTo: !!b?.inFund },
            'on-chain transfer with an unknown address: not recorded',
          );
          await recordUnmatchedEvent(tx, t, chain, e, 'unknown_transfer');
          continue;
        }
        await movePosition(tx, t.fundId, a.walletId, -e.units);
        await movePosition(tx, t.fundId, b.walletId, e.units);
        counts.transfers++;
      } else if (e.from !== null) {
        if (await recordRedemption(tx, t, chain, e, holder(e.from), logger)) counts.redemptions++;
        else counts.ignored++;
      } else {
        counts.ignored++;
        logger.warn({ ...where, to: e.to, units: e.units.toString() }, 'on-chain mint that is not one of our operations: not recorded');
        await recordUnmatchedEvent(tx, t, chain, e, 'foreign_mint');
      }
    }
    await tx.update(chainCursors).set({ cursor: to, updatedAt: sql`now()` }).where(eq(chainCursors.deploymentId, t.deploymentId));
    return true;
  });
  if (!applied) {
    logger.info({ deploymentId: t.deploymentId }, 'event cursor moved by another ingester; stopping this round');
    return false;
  }
  total.pages++;
  total.events += items.length;
  total.transfers += counts.transfers;
  total.redemptions += counts.redemptions;
  total.cash += counts.cash;
  total.own += counts.own;
  total.ignored += counts.ignored;
  return true;
}

/** A holder burn: supply leaves the chain, the holder's position shrinks, a payout is owed. */
async function recordRedemption(tx: Db, t: Target, chain: string, e: Transfer, h: Holder | undefined, logger: EngineLogger): Promise<boolean> {
  const id = newId('red');
  const known = h?.inFund ? h : undefined;
  const [inserted] = await tx
    .insert(redemptions)
    .values({
      id,
      fundId: t.fundId,
      investorId: known?.investorId ?? null,
      walletId: known?.walletId ?? null,
      chain,
      units: e.units,
      source: 'onchain',
      txHash: e.txHash,
      eventIndex: e.index,
      status: 'pending_payout',
    })
    .onConflictDoNothing()
    .returning({ id: redemptions.id });
  if (!inserted) {
    logger.warn({ chain, txHash: e.txHash, index: e.index }, 'on-chain redemption already recorded for this event: not applied again');
    return false;
  }
  if (!known) logger.warn({ chain, txHash: e.txHash, from: e.from }, 'on-chain redemption from an unknown address: supply posted, no position to reduce');
  await postEntry(tx, {
    fundId: t.fundId,
    memo: 'on-chain redemption',
    meta: { chain, txHash: e.txHash, block: e.block.toString(), index: e.index, redemptionId: id, from: e.from },
    postings: [
      { account: supplyAccount(chain), commodity: 'units', amount: -e.units },
      { account: ISSUANCE, commodity: 'units', amount: e.units },
    ],
  });
  if (known) await movePosition(tx, t.fundId, known.walletId, -e.units);
  await priceHolderBurn(tx, id);
  await appendAudit(tx, {
    actor: 'ingester',
    action: 'redemption.onchain',
    subject: id,
    data: { fundId: t.fundId, chain, txHash: e.txHash, index: e.index, units: e.units.toString(), walletId: known?.walletId ?? null },
  });
  return true;
}

async function movePosition(tx: Db, fundId: string, walletId: string, delta: bigint): Promise<void> {
  await tx
    .update(fundWallets)
    .set({ units: sql`${fundWallets.units} + ${delta}`, updatedAt: sql`now()` })
    .where(and(eq(fundWallets.fundId, fundId), eq(fundWallets.walletId, walletId)));
}

/** Wallets registered on this chain among `addresses` (matched case-insensitively), and whether they hold the fund. */
async function knownHolders(tx: Db, fundId: string, chain: string, addresses: string[]): Promise<Map<string, Holder>> {
  const lowered = [...new Set(addresses.map((a) => a.toLowerCase()))];
  if (lowered.length === 0) return new Map();
  const rows = await tx
    .select({ address: wallets.address, walletId: wallets.id, investorId: wallets.investorId, fundWallet: fundWallets.walletId })
    .from(wallets)
    .leftJoin(fundWallets, and(eq(fundWallets.walletId, wallets.id), eq(fundWallets.fundId, fundId)))
    .where(and(eq(wallets.chain, chain), inArray(sql`lower(${wallets.address})`, lowered)));
  return new Map(rows.map((r) => [r.address.toLowerCase(), { walletId: r.walletId, investorId: r.investorId, inFund: r.fundWallet !== null }]));
}

/** Ingests every active deployment whose chain has a driver; one failing deployment does not stop the others. */
export async function ingestAll(db: Db, drivers: DriverRegistry, o: { logger?: EngineLogger; maxPages?: number } = {}): Promise<IngestResult[]> {
  const chains = drivers.chains();
  if (chains.length === 0) return [];
  const rows = await db
    .select({ id: deployments.id, chain: deployments.chain })
    .from(deployments)
    .where(and(eq(deployments.status, 'active'), inArray(deployments.chain, chains)));
  const results: IngestResult[] = [];
  for (const d of rows) {
    try {
      results.push(await ingestEvents(db, drivers, { deploymentId: d.id, logger: o.logger, maxPages: o.maxPages }));
    } catch (e) {
      (o.logger ?? silent).error({ deploymentId: d.id, chain: d.chain, err: String(e) }, 'event ingestion failed');
    }
  }
  return results;
}
