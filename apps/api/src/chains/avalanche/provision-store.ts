import { FiscusError, toJsonSafe } from '@fiscus/core';
import { provisionL1, type L1ProvisionConfig, type ProvisionKeys, type ProvisionRecord, type ProvisionStore } from '@fiscus/chain-avalanche';
import { getL1Provision, listUnfinishedL1Provisions, saveL1ProvisionRecord, type Db } from '@fiscus/ledger';
import type { Logger } from 'pino';

/** ProvisionStore over the `l1_provisions` table: the record is saved (committed) before each tx is issued. */
export class DbProvisionStore implements ProvisionStore {
  constructor(private readonly db: Db) {}
  async load(id: string): Promise<ProvisionRecord | null> {
    const row = await getL1Provision(this.db, id);
    return (row?.record as ProvisionRecord | null | undefined) ?? null;
  }
  async save(rec: ProvisionRecord): Promise<void> {
    if (!(await saveL1ProvisionRecord(this.db, { id: rec.id, record: rec }))) {
      throw new FiscusError('CONFLICT', `L1 provisioning ${rec.id} was saved by another runner first (version ${rec.version})`);
    }
  }
}

/** The L1 config as stored in `l1_provisions.config` (JSON: bigints as decimal strings). */
export const encodeL1Config = (c: L1ProvisionConfig): unknown => toJsonSafe(c);

export function decodeL1Config(raw: unknown): L1ProvisionConfig {
  const c = raw as L1ProvisionConfig & {
    validators: Record<string, unknown>[];
    genesis: { alloc?: Record<string, string>; contractNativeMinter: { initialMint?: Record<string, string> } };
  };
  const big = (r?: Record<string, string>) => (r ? Object.fromEntries(Object.entries(r).map(([k, v]) => [k, BigInt(v)])) : undefined);
  return {
    ...c,
    genesis: {
      ...c.genesis,
      alloc: big(c.genesis.alloc),
      contractNativeMinter: { ...c.genesis.contractNativeMinter, initialMint: big(c.genesis.contractNativeMinter.initialMint) },
    },
    validators: c.validators.map((v) => ({
      ...(v as unknown as L1ProvisionConfig['validators'][number]),
      weight: BigInt(String(v.weight)),
      balance: BigInt(String(v.balance)),
    })),
  } as L1ProvisionConfig;
}

/**
 * Runs provisionings outside the request that asked for them (they take several P-Chain round
 * trips). `kick` is safe to call any number of times; `resumeAll` picks up whatever a crash or a
 * restart left unfinished; a failed run stays resumable from its persisted record.
 */
export class L1Provisioner {
  private readonly running = new Map<string, Promise<void>>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly o: { db: Db; pchainUrl: string; keys: ProvisionKeys; logger: Logger }) {}

  get pchainUrl(): string {
    return this.o.pchainUrl;
  }

  kick(id: string): Promise<void> {
    const existing = this.running.get(id);
    if (existing) return existing;
    const run = this.run(id).finally(() => this.running.delete(id));
    this.running.set(id, run);
    return run;
  }

  async resumeAll(): Promise<void> {
    const rows = await listUnfinishedL1Provisions(this.o.db);
    await Promise.all(rows.map((r) => this.kick(r.id)));
  }

  /** Resumes unfinished provisionings now and every `everyMs` (a P-Chain outage only delays them). */
  start(everyMs = 30_000): void {
    const tick = () => void this.resumeAll().catch((err: unknown) => this.o.logger.warn({ err }, 'L1 provisioning resume failed'));
    tick();
    this.timer = setInterval(tick, everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.idle();
  }

  /** Resolves when every run started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()]);
  }

  private async run(id: string): Promise<void> {
    // The request that created the row may still be committing: wait for it briefly.
    let row = await getL1Provision(this.o.db, id);
    for (let i = 0; !row && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 100));
      row = await getL1Provision(this.o.db, id);
    }
    if (!row) {
      // The request that was to create it rolled back: nothing to do.
      this.o.logger.warn({ id }, 'L1 provisioning not found');
      return;
    }
    try {
      const rec = await provisionL1(id, decodeL1Config(row.config), { pchain: this.o.pchainUrl, store: new DbProvisionStore(this.o.db), keys: this.o.keys });
      this.o.logger.info({ id, step: rec.step, subnetId: rec.subnetId, blockchainId: rec.blockchainId }, 'L1 provisioning ran');
    } catch (err) {
      // The persisted record is intact: the next kick/resumeAll continues from it.
      this.o.logger.warn({ id, err }, 'L1 provisioning interrupted; it resumes on the next run');
    }
  }
}
