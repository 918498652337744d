import { FiscusError, type ChainId, type PayoutOperation, type SingleOperation } from '@fiscus/core';
import type { EventRecord, HolderTransferOp, TxRecord } from './records.ts';
import { decodeTxBody } from './codec.ts';
import { applyHolderTransfers, applyOps, MAX_BATCH, newToken, type ApplyResult, type TokenState } from './token.ts';
import { bodyHash, openEnvelope, type DeployBody } from './wire.ts';
import { applyPayouts, newUsdc, treasuryOf, type UsdcState } from './usdc.ts';

export type { EventRecord, TxRecord } from './records.ts';

/**
 * memchain's state machine, without HTTP: accounts with Ethereum-style nonces, a mempool,
 * blocks, token states and an event log. Everything lives in memory; `onCommit` lets the
 * server persist it (server.ts `stateFile`).
 */
export class MemChain {
  height = 0n;
  readonly tokens = new Map<string, TokenState>();
  readonly txs = new Map<string, TxRecord>();
  readonly events: EventRecord[] = [];
  /** signer → next nonce (the included count); public so state-file.ts can save and restore it. */
  readonly nonces = new Map<string, bigint>();
  /** Makes each holder transfer's hash unique; persisted so hashes never repeat after a restart. */
  holderSeq = 0;
  /** The chain's stablecoin (usdc.ts): payouts, the devnet faucet, blacklist and pause. */
  usdc: UsdcState = newUsdc();
  /** signer → nonce → pending tx. Never persisted: a restart drops the mempool, as a node's would. */
  readonly #mempool = new Map<string, Map<bigint, TxRecord>>();
  /** Runs after every block and every new deploy, before any answer is sent (the server saves state here). */
  onCommit?: () => void;

  constructor(
    readonly chain: ChainId,
    readonly autoMine: boolean,
  ) {}

  nextNonce = (signer: string): bigint => this.nonces.get(signer) ?? 0n;

  /** Signed and idempotent by fund id; deploys apply at once and consume no nonce. */
  deploy(raw: Uint8Array): { token: string; admin: string; created: boolean } {
    const { body, signer } = openEnvelope(raw);
    const spec = (body as Partial<DeployBody>).deploy;
    if (body.chain !== this.chain) throw new FiscusError('INVALID_CHAIN', `deploy is for ${String(body.chain)}, this is ${this.chain}`);
    if (!spec || typeof spec.id !== 'string' || !spec.id || typeof spec.decimals !== 'number') {
      throw new FiscusError('TX_REJECTED', 'malformed deploy', { details: 'deploy needs { id, name, symbol, decimals }' });
    }
    const existing = this.tokens.get(spec.id);
    if (existing) {
      if (existing.admin !== signer) throw new FiscusError('CONFLICT', `token ${spec.id} is deployed by another admin`);
      return { token: spec.id, admin: signer, created: false };
    }
    this.tokens.set(spec.id, newToken({ id: spec.id, name: String(spec.name), symbol: String(spec.symbol), decimals: spec.decimals }, signer));
    this.onCommit?.();
    return { token: spec.id, admin: signer, created: true };
  }

  /** Ethereum-like admission: duplicate by hash, "nonce too low", no replacement of a pending nonce. */
  submit(raw: Uint8Array): { result: 'accepted' | 'duplicate'; hash: string } {
    const { body, hash } = openEnvelope(raw);
    const tx = decodeTxBody(body);
    if (tx.chain !== this.chain) throw new FiscusError('INVALID_CHAIN', `tx is for ${tx.chain}, this is ${this.chain}`);
    if (this.txs.has(hash)) return { result: 'duplicate', hash };
    const token = this.tokens.get(tx.token);
    if (token && token.admin !== tx.signer) {
      throw new FiscusError('FORBIDDEN', 'signer is not the token admin', { meta: { signer: tx.signer, token: tx.token } });
    }
    const next = this.nextNonce(tx.signer);
    if (tx.nonce < next) throw new FiscusError('NONCE_CONFLICT', 'nonce too low', { meta: { nonce: tx.nonce.toString(), next: next.toString() } });
    const pool = this.#mempool.get(tx.signer) ?? new Map<bigint, TxRecord>();
    if (pool.has(tx.nonce)) throw new FiscusError('NONCE_CONFLICT', 'a different transaction with this nonce is pending');
    const rec: TxRecord = { hash, signer: tx.signer, nonce: tx.nonce, token: tx.token, ops: tx.ops as TxRecord['ops'], status: 'pending', raw };
    pool.set(tx.nonce, rec);
    this.#mempool.set(tx.signer, pool);
    this.txs.set(hash, rec);
    if (this.autoMine && tx.nonce === next) this.mineBlock();
    return { result: 'accepted', hash };
  }

  /** Mines one block: applies every ready pending tx, each signer's in nonce order; gapped txs wait. */
  mineBlock(extra?: TxRecord): bigint {
    const block = ++this.height;
    let index = 0;
    const include = (rec: TxRecord, result: ApplyResult) => {
      rec.block = block;
      if (!result.ok) {
        rec.status = 'failed';
        rec.error = result.error;
        return;
      }
      rec.status = 'confirmed';
      this.tokens.set(rec.token, result.state);
      for (const e of result.events) this.events.push({ ...e, token: rec.token, txHash: rec.hash, block, index: index++ });
    };
    for (const [signer, pool] of this.#mempool) {
      for (let n = this.nextNonce(signer); pool.has(n); n++) {
        const rec = pool.get(n)!;
        pool.delete(n);
        this.nonces.set(signer, n + 1n); // an included tx consumes its nonce, failed or not
        const token = this.tokens.get(rec.token);
        if (!token) include(rec, notDeployed(rec.token));
        else if (rec.ops[0]?.kind === 'payout') include(rec, this.#payouts(token, rec));
        else include(rec, applyOps(token, rec.ops as SingleOperation[]));
      }
      if (pool.size === 0) this.#mempool.delete(signer);
    }
    if (extra) {
      const token = this.tokens.get(extra.token);
      include(extra, token ? applyHolderTransfers(token, extra.ops as HolderTransferOp[]) : notDeployed(extra.token));
    }
    this.onCommit?.();
    return block;
  }

  /** Stablecoin payouts signed by the token admin, from the token's treasury: no token state or event changes. */
  #payouts(token: TokenState, rec: TxRecord): ApplyResult {
    const r = applyPayouts(this.usdc, treasuryOf(rec.token), rec.ops as PayoutOperation[]);
    if (!r.ok) return r;
    this.usdc = r.state;
    return { ok: true, state: token, events: [] };
  }

  /** An investor's own transfer, mined at once in its own block; throws the failure code. */
  holderTransfer(from: string, to: string, units: bigint, token: string): string {
    const hash = bodyHash({ chain: this.chain, holderTransfer: { token, from, to, units, seq: ++this.holderSeq } });
    return this.#mineHolderTx(hash, from, token, [{ kind: 'holderTransfer', from, to, units }]);
  }

  /**
   * Several transfers from one holder in ONE tx (T-REX `batchTransfer`, open to any holder): one
   * hash, one block, one event per transfer with its own index. All apply or none.
   */
  holderBatchTransfer(from: string, transfers: { to: string; units: bigint }[], token: string): string {
    if (transfers.length === 0 || transfers.length > MAX_BATCH)
      throw new FiscusError('VALIDATION_FAILED', `a batch transfer carries 1..${MAX_BATCH} transfers`);
    const ops: HolderTransferOp[] = transfers.map((t) => ({ kind: 'holderTransfer', from, to: t.to, units: t.units }));
    const hash = bodyHash({
      chain: this.chain,
      holderBatchTransfer: { token, from, transfers: ops.map(({ to, units }) => ({ to, units })), seq: ++this.holderSeq },
    });
    return this.#mineHolderTx(hash, from, token, ops);
  }

  #mineHolderTx(hash: string, from: string, token: string, ops: HolderTransferOp[]): string {
    const rec: TxRecord = { hash, signer: from, nonce: null, token, ops, status: 'pending' };
    this.txs.set(hash, rec);
    this.mineBlock(rec);
    if (rec.error) throw rec.error;
    return hash;
  }

  /** Simulates a node restart that loses its mempool: pending txs become unknown. */
  dropMempool(): number {
    let dropped = 0;
    for (const pool of this.#mempool.values()) {
      for (const rec of pool.values()) {
        this.txs.delete(rec.hash);
        dropped++;
      }
    }
    this.#mempool.clear();
    return dropped;
  }

  token(id: string): TokenState {
    const t = this.tokens.get(id);
    if (!t) throw new FiscusError('NOT_DEPLOYED', `token ${id} is not deployed on ${this.chain}`);
    return t;
  }
}

const notDeployed = (token: string): ApplyResult => ({
  ok: false,
  error: new FiscusError('NOT_DEPLOYED', `token ${token} is not deployed`),
});
