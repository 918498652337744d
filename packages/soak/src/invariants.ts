import { JsonRpcProvider } from 'ethers';
import type postgres from 'postgres';
import type { Apis } from './api-calls.ts';
import { sleep } from './api-calls.ts';
import { CHAIN_IDS, type Cluster } from './cluster.ts';
import type { Accepted, WorkloadStats } from './workload.ts';

export interface InvariantResult {
  name: string;
  ok: boolean;
  detail: string;
}

/** States after which a row never changes again (or needs an operator, which the report says). */
const TERMINAL: Record<Accepted['table'], string[]> = {
  operations: ['posted', 'failed', 'compensated'],
  moves: ['completed', 'compensated', 'failed', 'stranded'],
  redemptions: ['settled', 'rejected_min_size', 'unmatched', 'failed'],
  distributions: ['completed', 'partially_failed', 'failed', 'cancelled'],
};

const inList = (xs: string[]) => xs.map((x) => `'${x}'`).join(',');

/** Counts of rows still moving, per table: the soak waits for 0 everywhere before it checks. */
export async function inFlight(sql: postgres.Sql): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [table, states] of Object.entries(TERMINAL)) {
    const [row] = await sql.unsafe(`SELECT count(*)::int AS n FROM ${table} WHERE state NOT IN (${inList(states)})`);
    out[table] = Number((row as unknown as { n: number }).n);
  }
  return out;
}

/** Waits until nothing is in flight (or the deadline passes); returns what was left. */
export async function drain(sql: postgres.Sql, deadlineMs: number, say: (m: string) => void): Promise<Record<string, number>> {
  const until = Date.now() + deadlineMs;
  let last: Record<string, number> = {};
  for (;;) {
    try {
      last = await inFlight(sql);
      if (Object.values(last).every((n) => n === 0)) return last;
    } catch (e) {
      say(`drain: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (Date.now() > until) return last;
    await sleep(1_000);
  }
}

const parseUnits = (s: string, decimals: number): bigint => {
  const [w, f = ''] = s.split('.');
  return BigInt(w!) * 10n ** BigInt(decimals) + BigInt((f + '0'.repeat(decimals)).slice(0, decimals) || '0');
};

/**
 * The end-of-run checks. Each reuses the platform's own reading where one exists (the
 * reconciler through POST …/reconciliations, the supply invariant through GET …/supply, the audit
 * chain walk through GET /v1/audit/verify) and adds what only the soak can know (which requests
 * were accepted) or what needs the raw rows (duplicate transactions).
 */
export async function checkInvariants(p: {
  cluster: Cluster;
  apis: Apis;
  sql: postgres.Sql;
  fundId: string;
  stats: WorkloadStats;
  leftInFlight: Record<string, number>;
}): Promise<InvariantResult[]> {
  const { apis, sql, fundId } = p;
  const results: InvariantResult[] = [];
  const check = async (name: string, fn: () => Promise<[boolean, string]>) => {
    try {
      const [ok, detail] = await fn();
      results.push({ name, ok, detail });
    } catch (e) {
      results.push({ name, ok: false, detail: `check failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  await check('ledger = chain on every chain (reconciler, S1)', async () => {
    const r = await apis.must('reconcile', (c, key) =>
      c.POST('/v1/funds/{fundId}/reconciliations', { params: { path: { fundId }, header: { 'idempotency-key': key } }, body: {} }),
    );
    const items = (r as { items: { chain: string; status: string; drift: string | null }[] }).items;
    const bad = items.filter((i) => i.status !== 'clean');
    const missing = Object.values(CHAIN_IDS).filter((c) => !items.some((i) => i.chain === c));
    return [
      bad.length === 0 && missing.length === 0,
      items.map((i) => `${i.chain} ${i.status}${i.drift ? ` drift ${i.drift}` : ''}`).join('; ') +
        (missing.length ? `; not reconciled: ${missing.join(', ')}` : ''),
    ];
  });

  await check('stablecoin cash: treasury on chain = ledger on every settling chain', async () => {
    const l = await apis.must('liquidity', (c) => c.GET('/v1/funds/{fundId}/liquidity', { params: { path: { fundId } } }));
    const results = await Promise.all(
      l.items.map((i) =>
        apis.must(`stablecoin reconciliation on ${i.chain}`, (c, key) =>
          c.POST('/v1/funds/{fundId}/liquidity/{chain}/reconciliations', { params: { path: { fundId, chain: i.chain }, header: { 'idempotency-key': key } } }),
        ),
      ),
    );
    // After the drain nothing is in flight, so `in_flight` is as wrong as `drift` here.
    return [
      results.length > 0 && results.every((r) => r.result === 'clean'),
      results.length
        ? results.map((r) => `${r.chain} ${r.result} (chain ${r.onChainUsd}, ledger ${r.ledgerUsd} USD)`).join('; ')
        : 'no chain settles in stablecoin: set-up did not enable any',
    ];
  });

  await check('Σ supply + transit = outstanding (S2)', async () => {
    const s = await apis.must('supply', (c) => c.GET('/v1/funds/{fundId}/supply', { params: { path: { fundId } } }));
    const d = s.decimals;
    const sum = s.chains.reduce((acc, c) => acc + parseUnits(c.ledgerSupply, d), 0n) + parseUnits(s.transit, d);
    const outstanding = parseUnits(s.unitsOutstanding, d);
    const chainsInSync = s.chains.every((c) => c.inSync === true);
    const halts = await sql`SELECT reason FROM fund_halts WHERE cleared_at IS NULL`;
    return [
      s.invariantHolds && sum === outstanding && chainsInSync && halts.length === 0,
      `outstanding ${s.unitsOutstanding}, transit ${s.transit}, ${s.chains.map((c) => `${c.chain} ledger ${c.ledgerSupply} chain ${c.chainSupply}`).join(', ')}` +
        `${halts.length ? `; fund halted: ${halts.map((h) => h.reason).join(', ')}` : ''}`,
    ];
  });

  await check('every operation terminal or explained', async () => {
    const rows =
      await sql`SELECT state, count(*)::int AS n, count(*) FILTER (WHERE last_error IS NULL AND state = 'failed')::int AS unexplained FROM operations WHERE fund_id = ${fundId} GROUP BY state ORDER BY state`;
    const open = rows.filter((r) => !TERMINAL.operations.includes(r.state as string));
    const unexplained = rows.reduce((s, r) => s + (r.unexplained as number), 0);
    const left = Object.entries(p.leftInFlight).filter(([, n]) => n > 0);
    return [
      open.length === 0 && unexplained === 0 && left.length === 0,
      `${rows.map((r) => `${r.state} ${r.n}`).join(', ')}${unexplained ? `; ${unexplained} failed without an error` : ''}${left.length ? `; still in flight after the drain: ${left.map(([t, n]) => `${t} ${n}`).join(', ')}` : ''}`,
    ];
  });

  await check('no effect applied twice (one on-chain transaction per operation)', async () => {
    const dupHashes =
      await sql`SELECT chain, tx_hash, count(*)::int AS n FROM operations WHERE fund_id = ${fundId} AND tx_hash IS NOT NULL AND state = 'posted' GROUP BY chain, tx_hash HAVING count(*) > 1`;
    const unmatched = await sql`SELECT chain, count(*)::int AS n FROM unmatched_chain_events WHERE fund_id = ${fundId} GROUP BY chain`;
    // EVM: of an operation's candidates (current + superseded, same nonce) at most one may have a receipt.
    const twice: string[] = [];
    const evmChains = [CHAIN_IDS.ethereum, CHAIN_IDS.avalanche];
    const withCandidates =
      await sql`SELECT id, chain, tx_hash, superseded_txs FROM operations WHERE fund_id = ${fundId} AND chain IN ${sql(evmChains)} AND jsonb_array_length(superseded_txs) > 0`;
    for (const op of withCandidates) {
      const provider = providerFor(p.cluster, op.chain as string);
      const hashes = [op.tx_hash as string, ...(op.superseded_txs as { hash: string }[]).map((t) => t.hash)].filter(Boolean);
      const landed = (await Promise.all(hashes.map((h) => provider.getTransactionReceipt(h)))).filter((r) => r !== null);
      provider.destroy();
      if (landed.length > 1) twice.push(`${op.id} (${landed.length} candidates landed)`);
    }
    // EVM: every nonce the engine allocated is on chain, and nothing else was sent from its signers.
    const seqs = await sql`SELECT chain, signer, next::text AS next FROM signer_sequences WHERE chain IN ${sql(evmChains)}`;
    const nonceGaps: string[] = [];
    for (const s of seqs) {
      const provider = providerFor(p.cluster, s.chain as string);
      const onChain = await provider.getTransactionCount(s.signer as string, 'latest');
      provider.destroy();
      if (BigInt(onChain) !== BigInt(s.next as string)) nonceGaps.push(`${s.chain} ${s.signer}: engine next ${s.next}, chain nonce ${onChain}`);
    }
    return [
      dupHashes.length === 0 && unmatched.length === 0 && twice.length === 0 && nonceGaps.length === 0,
      [
        `${dupHashes.length} hashes booked twice`,
        `${unmatched.reduce((s, r) => s + (r.n as number), 0)} unexplained chain events${unmatched.length ? ` (${unmatched.map((r) => `${r.chain} ${r.n}`).join(', ')})` : ''}`,
        `${withCandidates.length} fee-replaced operations, ${twice.length} with two landed${twice.length ? `: ${twice.join(', ')}` : ''}`,
        `${seqs.length} EVM signers, nonce = engine sequence${nonceGaps.length ? ` except ${nonceGaps.join('; ')}` : ''}`,
      ].join('; '),
    ];
  });

  await check('every accepted request done or visibly failed', async () => {
    const byTable = new Map<Accepted['table'], string[]>();
    for (const r of p.stats.rows) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r.id]);
    const open: string[] = [];
    const missing: string[] = [];
    const failed: Record<string, number> = {};
    for (const [table, ids] of byTable) {
      const rows = await sql.unsafe(`SELECT id, state FROM ${table} WHERE id = ANY($1)`, [ids]);
      const found = new Map(rows.map((r) => [r.id as string, r.state as string]));
      for (const id of ids) {
        const state = found.get(id);
        if (state === undefined) missing.push(`${table}/${id}`);
        else if (!TERMINAL[table].includes(state)) open.push(`${table}/${id} ${state}`);
        else if (state !== 'posted' && state !== 'completed' && state !== 'settled') failed[`${table}:${state}`] = (failed[`${table}:${state}`] ?? 0) + 1;
      }
    }
    return [
      open.length === 0 && missing.length === 0 && p.stats.lost === 0,
      `${p.stats.rows.length} accepted rows; visibly failed: ${JSON.stringify(failed)}` +
        `${open.length ? `; NOT DONE: ${open.slice(0, 10).join(', ')}` : ''}${missing.length ? `; MISSING: ${missing.slice(0, 10).join(', ')}` : ''}` +
        `; ${p.stats.unanswered} unanswered during faults, ${p.stats.lost} still unanswered after replay` +
        (p.stats.lostDetail.length ? ` (${p.stats.lostDetail.join('; ')})` : ''),
    ];
  });

  await check('audit chain verifies', async () => {
    const v = await apis.must('audit verify', (c) => c.GET('/v1/audit/verify'));
    return [v.ok, `${v.count} records${v.ok ? '' : `, broken at ${v.brokenAt}: ${v.reason}`}`];
  });

  return results;
}

function providerFor(cluster: Cluster, chain: string): JsonRpcProvider {
  const kind = chain === CHAIN_IDS.ethereum ? 'ethereum' : 'avalanche';
  return new JsonRpcProvider(cluster.chains[kind].proxy.cleanUrl, undefined, { staticNetwork: true, cacheTimeout: -1, batchMaxCount: 1 });
}
