import { expect } from 'vitest';
import type { ChainDriver, Deployment, PreparedTx, TxStatus } from '../driver.ts';
import { bigintReplacer } from '../json.ts';
import type { ChainOperation } from '../operation.ts';
import type { ConformanceHarness } from './harness.ts';

/**
 * Shared state and helpers of one suite run. Sequences come from the chain once per case
 * (beforeEach) and then from a local counter per signer (`signerFor`: a driver with role keys
 * signs each job from its own account), as the engine allocates them from its own table.
 */
export class SuiteContext {
  readonly driver: ChainDriver;
  readonly #next = new Map<string, bigint>();

  constructor(
    readonly harness: ConformanceHarness,
    readonly deployment: Deployment,
    readonly signer: string,
  ) {
    this.driver = harness.driver;
  }

  get caps() {
    return this.driver.capabilities;
  }

  /** The next local sequence of the suite's main signer (`signerFor` a pause). */
  get seq(): bigint {
    return this.#next.get(this.signer) ?? 0n;
  }

  set seq(n: bigint) {
    this.#next.set(this.signer, n);
  }

  async resync(): Promise<void> {
    this.#next.clear();
    this.seq = await this.driver.nextSequence(this.signer);
  }

  /** The operation's signer's next sequence, read from the chain the first time in a case. */
  async allocate(op: ChainOperation): Promise<bigint> {
    const signer = this.driver.signerFor(op, this.deployment);
    const n = this.#next.get(signer) ?? (await this.driver.nextSequence(signer));
    this.#next.set(signer, n + 1n);
    return n;
  }

  async prepare(op: ChainOperation, sequence?: bigint): Promise<PreparedTx> {
    return this.driver.prepare(op, { deployment: this.deployment, sequence: sequence ?? (await this.allocate(op)) });
  }

  /** Submits until the node takes it; transient retryLater answers are retried. */
  async submit(tx: PreparedTx): Promise<void> {
    const r = await this.until(
      () => this.driver.submit(tx),
      (r) => r.kind !== 'retryLater',
      `submit ${tx.hash}`,
    );
    expect(r.kind === 'rejected' ? `rejected: ${r.error.code} ${r.error.shortMessage}` : r.kind).toMatch(/^(accepted|duplicate)$/);
  }

  /** Makes everything sent so far final, where the harness can mine (events report final blocks only). */
  async finalize(): Promise<void> {
    const f = this.caps.finality;
    if (f.kind === 'confirmations' && f.depth > 0 && this.harness.advance) await this.harness.advance(f.depth);
  }

  /** Polls status until the tx is confirmed, failed or dropped. */
  settled(tx: PreparedTx): Promise<TxStatus> {
    const done = (s: TxStatus) => s.kind === 'confirmed' || s.kind === 'failed' || s.kind === 'dropped';
    return this.until(() => this.driver.status(tx), done, `status of ${tx.description}`);
  }

  async confirmed(tx: PreparedTx): Promise<Extract<TxStatus, { kind: 'confirmed' }>> {
    const s = await this.settled(tx);
    if (s.kind !== 'confirmed') expect.fail(`${tx.description} ended ${s.kind}: ${JSON.stringify(s, bigintReplacer)}`);
    return s;
  }

  /** prepare → submit → confirmed, with the next local sequence. */
  async send(op: ChainOperation): Promise<PreparedTx> {
    const tx = await this.prepare(op);
    await this.submit(tx);
    await this.confirmed(tx);
    return tx;
  }

  /** A fresh address, authorized when the chain authorizes, holding `units` (minted). */
  async investor(units = 0n): Promise<string> {
    const address = this.harness.newAddress();
    if (this.caps.authorize) await this.send({ kind: 'authorize', address, investorId: 'conformance', country: 840 });
    if (units > 0n) await this.send({ kind: 'mint', to: address, units });
    return address;
  }

  supply = () => this.driver.totalSupply(this.deployment);
  balance = (address: string) => this.driver.balanceOf(this.deployment, address);

  async until<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
    const deadline = Date.now() + (this.harness.timeoutMs ?? 30_000);
    for (;;) {
      const v = await read();
      if (done(v)) return v;
      if (Date.now() > deadline) expect.fail(`timed out waiting for ${what}; last: ${JSON.stringify(v, bigintReplacer)}`);
      await new Promise((r) => setTimeout(r, this.harness.pollMs ?? 50));
    }
  }
}

/** One conformance case: `requires` returns a skip reason when the driver's capabilities lack the feature. */
export interface CaseDef {
  id: import('./harness.ts').ConformanceCase;
  title: string;
  requires?(c: SuiteContext): string | undefined;
  run(c: SuiteContext): Promise<void>;
}
