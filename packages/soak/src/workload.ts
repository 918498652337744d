import { Asset, Horizon, Keypair, Operation, TransactionBuilder } from '@stellar/stellar-sdk';
import { Wallet } from 'ethers';
import { LOCAL_PASSPHRASE } from '@fiscus/devnet';
import { type Apis, type Outcome, sleep } from './api-calls.ts';
import { CHAIN_IDS, CHAIN_KINDS, type ChainKind } from './cluster.ts';
import type { Rng } from './rng.ts';
import { OnChainInvestor, settlementContractsOf, type OnChainOutcome, type SettlementContracts } from './onchain.ts';

/** What each kind of request needs, and how often an actor picks it. */
export const ACTION_WEIGHTS = {
  subscribe: 30,
  move: 16,
  redeem: 10,
  onboard: 5,
  distribute: 3,
  freeze: 4,
  policy: 3,
  nav: 3,
  reconcile: 5,
  /** An investor's own wallet on an EVM chain: faucet USDC, approve, subscribe at the contract. */
  'subscribe-usdc': 8,
  /** …and an instant redemption at the redemption contract, paid in USDC on the spot. */
  'redeem-usdc': 4,
} as const;
export type ActionKind = keyof typeof ACTION_WEIGHTS;

/** An accepted request and the row whose state says whether it was done. */
export interface Accepted {
  action: ActionKind;
  table: 'operations' | 'moves' | 'redemptions' | 'distributions';
  id: string;
}

export interface WorkloadStats {
  attempted: Partial<Record<ActionKind, number>>;
  accepted: Partial<Record<ActionKind, number>>;
  refused: Record<string, number>;
  /** Requests with no answer during the run, replayed (same key) once the faults stopped. */
  unanswered: number;
  /** …of which still had no answer after the replay. */
  lost: number;
  /** Each request still unanswered after its replay: the action and the last reason (a 5xx, a timeout). */
  lostDetail: string[];
  rows: Accepted[];
  /** Investors' own transactions at the settlement contracts, by action and outcome. */
  onChain: Record<string, number>;
}

interface Holder {
  investorId: string;
  wallets: Partial<Record<ChainKind, string>>;
  /** The private keys of its EVM wallets: the investor signs its own settlement-contract calls. */
  keys: Partial<Record<EvmKind, string>>;
}

const EVM_KINDS = ['ethereum', 'avalanche'] as const;
type EvmKind = (typeof EVM_KINDS)[number];
/** Stablecoin the treasurer puts in each EVM treasury at set-up (faucet + booked liquidity move), so payouts are not held for want of it. */
const TREASURY_SEED_USD = '1000000';
/** The bank account the wire that bought that USDC came in on. */
const TREASURY_SEED_ACCOUNT = 'usdc-mint';

export interface FundSetup {
  fundId: string;
  holders: Holder[];
  stellarAsset: Asset;
  /** The fund's settlement contracts on each EVM chain that settles in USDC. */
  settlement: Partial<Record<EvmKind, SettlementContracts>>;
}

const bump = <K extends string>(m: Partial<Record<K, number>>, k: K) => {
  m[k] = (m[k] ?? 0) + 1;
};

/**
 * The soak's workload: several actors, each drawing its next request from its own seeded
 * generator, against both API processes. Set-up (fund, deployments, first investors) runs before
 * any fault, so every run starts from the same books.
 */
export class Workload {
  readonly stats: WorkloadStats = { attempted: {}, accepted: {}, refused: {}, unanswered: 0, lost: 0, lostDetail: [], rows: [], onChain: {} };
  private readonly unanswered: { action: ActionKind; replay: () => Promise<Outcome<unknown>> }[] = [];
  private stopping = false;
  private frozen = new Set<string>();
  private nav = 1_000_000n; // micro-dollars per unit
  setup?: FundSetup;

  constructor(
    private readonly apis: Apis,
    private readonly horizonUrl: string,
    /** The EVM chains as an investor's wallet reaches them (not through the workers' faulty proxies). */
    private readonly evmUrls: Record<EvmKind, string>,
  ) {}

  async prepare(investors: number): Promise<FundSetup> {
    const a = this.apis;
    const fund = await a.must('create fund', (c, key) =>
      c.POST('/v1/funds', {
        params: { header: { 'idempotency-key': key } },
        body: { name: 'Soak Treasury', symbol: 'SOAK', decimals: 6, nav: '1', navGuards: { maxMoveBps: 500, minIntervalSeconds: 0 } },
      }),
    );
    const fundId = fund.id;
    await a.must('redemption rules', (c, key) =>
      c.PUT('/v1/funds/{fundId}/redemption-rules', {
        params: { path: { fundId }, header: { 'idempotency-key': key } },
        body: { minRedemptionUsd: '0.01', dailyLiquidityUsd: null, payoutAccount: 'subscriptions' },
      }),
    );
    await Promise.all(
      CHAIN_KINDS.map(async (kind) => {
        const r = await a.must(`deploy on ${kind}`, (c, key) =>
          c.POST('/v1/funds/{fundId}/deployments', { params: { path: { fundId }, header: { 'idempotency-key': key } }, body: { chain: CHAIN_IDS[kind] } }),
        );
        await this.untilPosted(r.operation.id, `deployment on ${kind}`);
      }),
    );
    const deps = await a.must('deployments', (c) => c.GET('/v1/funds/{fundId}/deployments', { params: { path: { fundId } } }));
    const stellar = deps.items.find((d) => d.chain === CHAIN_IDS.stellar)!;
    const stellarAsset = new Asset(stellar.details!.assetCode!, stellar.details!.issuer!);
    const settlement: FundSetup['settlement'] = {};
    for (const kind of EVM_KINDS) {
      const c = settlementContractsOf(deps.items.find((d) => d.chain === CHAIN_IDS[kind])?.details);
      if (!c) continue;
      settlement[kind] = c;
      await this.seedTreasury(fundId, kind);
    }
    this.setup = { fundId, holders: [], stellarAsset, settlement };
    // Investors and their wallets in parallel: the registrations' operations confirm together.
    const ops: Promise<void>[] = [];
    for (let i = 0; i < investors; i++) {
      const h = await this.newInvestor(`Soak Investor ${i}`);
      if (!h) throw new Error('set-up: an investor could not be created');
      for (const kind of CHAIN_KINDS) {
        ops.push(this.newWallet(h, kind, true).then((op) => (op ? this.untilPosted(op, `wallet on ${kind}`) : undefined)));
      }
    }
    await Promise.all(ops);
    return this.setup;
  }

  /** Runs `actors` loops until stop(); each picks requests with its own generator. */
  async run(actors: Rng[], pauseMs: [number, number]): Promise<void> {
    await Promise.all(
      actors.map(async (rng) => {
        while (!this.stopping) {
          const action = rng.weighted(ACTION_WEIGHTS);
          bump(this.stats.attempted, action);
          try {
            await this.act(action, rng);
          } catch (e) {
            bump(this.stats.refused, `${action}:client-error:${e instanceof Error ? e.message.slice(0, 60) : String(e)}`);
          }
          await sleep(rng.int(pauseMs[0], pauseMs[1]));
        }
      }),
    );
  }

  stop(): void {
    this.stopping = true;
  }

  /** After the faults: every request that got no answer is sent again with its key. */
  async replayUnanswered(): Promise<void> {
    for (const u of this.unanswered) {
      const r = await u.replay();
      if (r.kind === 'unavailable') {
        this.stats.lost++;
        this.stats.lostDetail.push(`${u.action} (key ${r.key}): ${r.reason}`);
      } else this.record(u.action, r, undefined);
    }
  }

  private async act(action: ActionKind, rng: Rng): Promise<void> {
    const s = this.setup!;
    const fundId = s.fundId;
    const holder = rng.pick(s.holders.filter((h) => Object.keys(h.wallets).length > 0));
    const kinds = CHAIN_KINDS.filter((k) => holder.wallets[k]);
    switch (action) {
      case 'subscribe': {
        const kind = rng.pick(kinds);
        const units = String(rng.int(5, 60));
        return this.send(action, 'operations', (c, key) =>
          c.POST('/v1/funds/{fundId}/subscriptions', {
            params: { path: { fundId }, header: { 'idempotency-key': key } },
            body: { investorId: holder.investorId, chain: CHAIN_IDS[kind], address: holder.wallets[kind]!, units },
          }),
        );
      }
      case 'move': {
        if (kinds.length < 2) return;
        const from = rng.pick(kinds);
        const to = rng.pick(kinds.filter((k) => k !== from));
        const units = String(rng.int(1, 6));
        return this.send(action, 'moves', (c, key) =>
          c.POST('/v1/funds/{fundId}/moves', {
            params: { path: { fundId }, header: { 'idempotency-key': key } },
            body: { from: { chain: CHAIN_IDS[from], wallet: holder.wallets[from]! }, to: { chain: CHAIN_IDS[to], wallet: holder.wallets[to]! }, units },
          }),
        );
      }
      case 'redeem': {
        const kind = rng.pick(kinds);
        const units = String(rng.int(1, 4));
        return this.send(action, 'redemptions', (c, key) =>
          c.POST('/v1/funds/{fundId}/redemptions', {
            params: { path: { fundId }, header: { 'idempotency-key': key } },
            body: { investorId: holder.investorId, chain: CHAIN_IDS[kind], address: holder.wallets[kind]!, units },
          }),
        );
      }
      case 'onboard': {
        const h = await this.newInvestor(`Soak Investor ${s.holders.length}`);
        if (!h) return;
        for (const kind of CHAIN_KINDS) if (rng.next() < 0.7) await this.newWallet(h, kind, false);
        return;
      }
      case 'distribute':
        return this.send(action, 'distributions', (c, key) =>
          c.POST('/v1/funds/{fundId}/distributions', {
            params: { path: { fundId }, header: { 'idempotency-key': key } },
            body: { recordTime: new Date().toISOString(), units: String(rng.int(1, 5)) },
          }),
        );
      case 'freeze': {
        const kind = rng.pick(kinds);
        const address = holder.wallets[kind]!;
        const id = `${kind}:${address}`;
        const body = { chain: CHAIN_IDS[kind], address };
        if (this.frozen.has(id)) {
          this.frozen.delete(id);
          return this.send(action, 'operations', (c, key) =>
            c.POST('/v1/funds/{fundId}/unfreezes', { params: { path: { fundId }, header: { 'idempotency-key': key } }, body }),
          );
        }
        this.frozen.add(id);
        return this.send(action, 'operations', (c, key) =>
          c.POST('/v1/funds/{fundId}/freezes', { params: { path: { fundId }, header: { 'idempotency-key': key } }, body }),
        );
      }
      case 'policy': {
        const maxHolders = rng.int(500, 1_000);
        const r = await this.apis.call((c, key) =>
          c.PUT('/v1/funds/{fundId}/policy', {
            params: { path: { fundId }, header: { 'idempotency-key': key } },
            body: { kycRequired: true, maxHolders, blockedJurisdictions: rng.next() < 0.5 ? ['KP'] : ['KP', 'IR'] },
          }),
        );
        this.record(action, r, undefined);
        return;
      }
      case 'nav': {
        // ±0.3 % at most: inside the guard, so a refusal says something.
        const next = (this.nav * BigInt(10_000 + rng.int(-30, 30))) / 10_000n;
        const nav = `${next / 1_000_000n}.${(next % 1_000_000n).toString().padStart(6, '0')}`;
        const r = await this.apis.call((c, key) =>
          c.POST('/v1/funds/{fundId}/nav', { params: { path: { fundId }, header: { 'idempotency-key': key } }, body: { nav, reason: 'soak' } }),
        );
        if (r.kind === 'ok') {
          this.nav = next;
          for (const op of r.data.operations) this.stats.rows.push({ action, table: 'operations', id: op.id });
        }
        this.record(action, r, undefined);
        return;
      }
      case 'subscribe-usdc':
      case 'redeem-usdc': {
        const settling = EVM_KINDS.filter((k) => holder.keys[k] && s.settlement[k]);
        if (settling.length === 0) return;
        const kind = rng.pick(settling);
        const investor = new OnChainInvestor(this.evmUrls[kind], holder.keys[kind]!, s.settlement[kind]!);
        try {
          if (action === 'subscribe-usdc') {
            const usd = rng.int(5, 60);
            const paid = await this.apis.call((c, key) =>
              c.POST('/v1/dev/faucet', {
                params: { header: { 'idempotency-key': key } },
                body: { chain: CHAIN_IDS[kind], address: holder.wallets[kind]!, usd: String(usd) },
              }),
            );
            if (paid.kind !== 'ok') return this.record(action, paid, undefined);
            await investor.fundGas();
            return this.countOnChain(action, kind, await investor.subscribe(BigInt(usd) * 1_000_000n));
          }
          const held = await investor.units();
          if (held === 0n) return;
          const units = BigInt(rng.int(1, 4)) * 1_000_000n;
          await investor.fundGas();
          return this.countOnChain(action, kind, await investor.redeem(units < held ? units : held));
        } finally {
          investor.close();
        }
      }
      case 'reconcile': {
        const r = await this.apis.call((c, key) =>
          c.POST('/v1/funds/{fundId}/reconciliations', { params: { path: { fundId }, header: { 'idempotency-key': key } }, body: {} }),
        );
        this.record(action, r, undefined);
        return;
      }
    }
  }

  private countOnChain(action: ActionKind, kind: EvmKind, o: OnChainOutcome): void {
    bump(this.stats.onChain, `${action} ${kind} ${o.kind}${o.kind === 'landed' ? '' : `: ${o.reason}`}`);
    if (o.kind === 'landed') bump(this.stats.accepted, action);
  }

  /**
   * The treasurer's set-up on an EVM chain: settle redemptions there in USDC, put stablecoin in
   * the treasury (the devnet faucet stands for a wire minted into USDC) and book it as a liquidity
   * move, as the runbook says; the stablecoin reconciliation at the end compares the two.
   */
  private async seedTreasury(fundId: string, kind: EvmKind): Promise<void> {
    const chain = CHAIN_IDS[kind];
    await this.apis.must(`settle in USDC on ${kind}`, (c, key) =>
      c.PUT('/v1/funds/{fundId}/liquidity/{chain}', { params: { path: { fundId, chain }, header: { 'idempotency-key': key } }, body: {} }),
    );
    const paid = await this.apis.must(`USDC for the ${kind} treasury`, (c, key) =>
      c.POST('/v1/dev/faucet', { params: { header: { 'idempotency-key': key } }, body: { chain, fundId, usd: TREASURY_SEED_USD } }),
    );
    // Its own cash account: taking it out of cash:subscriptions left the wire-paid redemptions
    // waiting for cash that was never there (the soak found it: redemptions pending after the drain).
    await this.apis.must(`wire for the ${kind} USDC`, (c, key) =>
      c.POST('/v1/funds/{fundId}/cash/movements', {
        params: { path: { fundId }, header: { 'idempotency-key': key } },
        body: { account: TREASURY_SEED_ACCOUNT, direction: 'deposit', amount: TREASURY_SEED_USD, reference: `usdc-mint-${kind}` },
      }),
    );
    await this.apis.must(`book the ${kind} treasury`, (c, key) =>
      c.POST('/v1/funds/{fundId}/liquidity/moves', {
        params: { path: { fundId }, header: { 'idempotency-key': key } },
        body: { toChain: chain, fromCashAccount: TREASURY_SEED_ACCOUNT, usd: TREASURY_SEED_USD, reference: paid.txHash ?? 'devnet faucet' },
      }),
    );
  }

  /** Sends a request whose answer names a row to follow (an operation, move, redemption, distribution). */
  private async send(action: ActionKind, table: Accepted['table'], fn: Parameters<Apis['call']>[0]): Promise<void> {
    const r = await this.apis.call(fn);
    this.record(action, r, table);
    if (r.kind === 'unavailable') {
      this.stats.unanswered++;
      this.unanswered.push({
        action,
        replay: async () => {
          const again = await this.apis.call(fn, r.key, 10);
          if (again.kind === 'ok') this.track(action, table, again.data);
          return again;
        },
      });
    }
  }

  private record(action: ActionKind, r: Outcome<unknown>, table: Accepted['table'] | undefined): void {
    if (r.kind === 'ok') {
      bump(this.stats.accepted, action);
      if (table) this.track(action, table, r.data);
    } else if (r.kind === 'refused') bump(this.stats.refused, `${action}:${r.problem?.code ?? r.status}`);
  }

  private track(action: ActionKind, table: Accepted['table'], data: unknown): void {
    const d = data as { operation?: { id: string }; move?: { id: string }; redemption?: { id: string }; distribution?: { id: string } };
    const id = table === 'operations' ? d.operation?.id : table === 'moves' ? d.move?.id : table === 'redemptions' ? d.redemption?.id : d.distribution?.id;
    if (id) this.stats.rows.push({ action, table, id });
  }

  private async newInvestor(name: string): Promise<Holder | undefined> {
    bump(this.stats.attempted, 'onboard');
    const r = await this.apis.call((c, key) =>
      c.POST('/v1/investors', {
        params: { header: { 'idempotency-key': key } },
        body: {
          legalName: name,
          jurisdiction: 'US',
          investorType: 'institutional',
          kycStatus: 'verified',
          kycExpiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString(),
        },
      }),
    );
    this.record('onboard', r, undefined);
    if (r.kind !== 'ok') return undefined;
    const h: Holder = { investorId: r.data.id, wallets: {}, keys: {} };
    this.setup!.holders.push(h);
    return h;
  }

  /** A wallet on `kind` (a Stellar account with a trustline, or an EVM address); the registration's operation id. */
  private async newWallet(h: Holder, kind: ChainKind, must: boolean): Promise<string | undefined> {
    const evm = kind === 'stellar' ? undefined : Wallet.createRandom();
    const address = evm ? evm.address : await this.stellarAccount();
    const fundId = this.setup!.fundId;
    const fn: Parameters<Apis['call']>[0] = (c, key) =>
      c.POST('/v1/funds/{fundId}/wallets', {
        params: { path: { fundId }, header: { 'idempotency-key': key } },
        body: { investorId: h.investorId, chain: CHAIN_IDS[kind], address },
      });
    const r = must ? { kind: 'ok' as const, data: await this.apis.must('register wallet', fn), status: 202, key: '' } : await this.apis.call(fn);
    this.record('onboard', r, 'operations');
    if (r.kind !== 'ok') return undefined;
    h.wallets[kind] = address;
    if (evm) h.keys[kind as EvmKind] = evm.privateKey;
    return (r.data as { operation?: { id: string } }).operation?.id;
  }

  /** An investor's own Stellar account: created by friendbot, trusting the fund's asset (signed by the investor). */
  private async stellarAccount(): Promise<string> {
    const kp = Keypair.random();
    const res = await fetch(`${this.horizonUrl}/friendbot?addr=${kp.publicKey()}`, { signal: AbortSignal.timeout(30_000) });
    if (!res.ok) throw new Error(`friendbot: ${res.status}`);
    const server = new Horizon.Server(this.horizonUrl, { allowHttp: true });
    const account = await server.loadAccount(kp.publicKey());
    const tx = new TransactionBuilder(account, { fee: '100', networkPassphrase: LOCAL_PASSPHRASE })
      .addOperation(Operation.changeTrust({ asset: this.setup!.stellarAsset }))
      .setTimeout(60)
      .build();
    tx.sign(kp);
    await server.submitTransaction(tx);
    return kp.publicKey();
  }

  async untilPosted(operationId: string, what: string, timeoutMs = 240_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const op = await this.apis.must('operation', (c) => c.GET('/v1/operations/{operationId}', { params: { path: { operationId } } }));
      if (op.state === 'posted') return;
      if (op.state === 'failed') throw new Error(`${what}: operation ${operationId} failed: ${JSON.stringify(op.lastError)}`);
      if (Date.now() > until) throw new Error(`${what}: operation ${operationId} not posted within ${timeoutMs} ms (state ${op.state})`);
      await sleep(250);
    }
  }
}
