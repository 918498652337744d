import {
  FiscusError,
  isPayoutOperation,
  singleOperations,
  type SettlementAsset,
  type StablecoinSettlement,
  type Capabilities,
  type ChainDriver,
  type ChainEvent,
  type ChainId,
  type ChainOperation,
  type Deployment,
  type FillContext,
  type FundSpec,
  type Holder,
  type Page,
  type PreparedTx,
  type PrepareContext,
  type Signer,
  type SubmitResult,
  type TxStatus,
} from '@fiscus/core';
import { httpJson } from '../client.ts';
import { canonicalMemAddress, decodeOp, describeOp, encodeOp, eventFromWire } from '../codec.ts';
import { fromWireError, parseMemChainError, statusFromWire } from '../errors.ts';
import { callMemChain } from '../rpc.ts';
import { MAX_BATCH } from '../token-state.ts';
import { MEMCHAIN_USDC_DECIMALS, treasuryOf } from '../usdc.ts';
import { bodyHash, signEnvelope, signerId, type DeployBody, type TxBody } from '../wire.ts';

export interface MemChainDriverOptions {
  chain: ChainId;
  url: string;
  signer: Signer;
  /** Finality depth; default 0 (final once included). */
  confirmations?: number;
  /** Per-request deadline; default 5 s. A hung node yields retryLater / CHAIN_UNAVAILABLE, never a forever-await. */
  timeoutMs?: number;
  /** Holders / events page size; default 100 (tests use small pages to exercise paging). */
  pageSize?: number;
}

/** ChainDriver for memchain: the same contract as the real drivers, over memchain's HTTP API. */
export class MemChainDriver implements ChainDriver, StablecoinSettlement {
  readonly chain: ChainId;
  readonly capabilities: Capabilities;
  readonly #signer: Signer;
  readonly #signerId: string;
  readonly #url: string;
  readonly #timeoutMs: number;
  readonly #pageSize: number;
  readonly #depth: number;

  constructor(opts: MemChainDriverOptions) {
    this.chain = opts.chain;
    this.#signer = opts.signer;
    this.#signerId = signerId(opts.signer.publicKey);
    this.#url = opts.url;
    this.#timeoutMs = opts.timeoutMs ?? 5_000;
    this.#pageSize = opts.pageSize ?? 100;
    this.#depth = opts.confirmations ?? 0;
    this.capabilities = {
      authorize: true,
      freeze: true,
      partialFreeze: true,
      forceTransfer: true,
      clawback: true,
      pause: true,
      recovery: true,
      onchainCompliance: true,
      maxBatch: MAX_BATCH,
      finality: { kind: 'confirmations', depth: this.#depth },
      settlement: true,
    };
  }

  async deploy(fund: FundSpec): Promise<Deployment> {
    const deploy = { id: fund.id, name: fund.name, symbol: fund.symbol, decimals: fund.decimals };
    const body: DeployBody = { chain: this.chain, signer: this.#signerId, deploy };
    const r = await this.#call('POST', '/deploy', await signEnvelope(body, this.#signer));
    return { chain: this.chain, details: { token: String(r.token), admin: String(r.admin) } };
  }

  signerFor(_op: ChainOperation, _deployment: Deployment): string {
    return this.#signerId; // every agent op is signed by the token admin
  }

  async nextSequence(signer: string): Promise<bigint> {
    const r = await this.#call('GET', `/accounts/${encodeURIComponent(signer)}/nonce`);
    return BigInt(r.next);
  }

  async prepare(op: ChainOperation, ctx: PrepareContext): Promise<PreparedTx> {
    if (ctx.deployment.chain !== this.chain) throw new FiscusError('INVALID_CHAIN', `deployment is on ${ctx.deployment.chain}, driver is ${this.chain}`);
    const token = ctx.deployment.details.token;
    if (!token) throw new FiscusError('NOT_DEPLOYED', 'deployment has no memchain token id');
    // A payout moves the chain's stablecoin from the treasury (this signer): a tx of its own.
    const ops = isPayoutOperation(op) ? [op] : singleOperations(op);
    if (ops.length === 0 || ops.length > MAX_BATCH) {
      throw new FiscusError('VALIDATION_FAILED', `a memchain tx carries 1..${MAX_BATCH} ops, got ${ops.length}`);
    }
    // Decode our own encoding: malformed addresses or units fail here, not on chain, and the
    // signed body carries canonical addresses (exactly what the chain will apply).
    const wire = ops.map((o) => encodeOp(decodeOp(encodeOp(o))));
    const body: TxBody = { chain: this.chain, signer: this.#signerId, nonce: ctx.sequence.toString(), token, ops: wire };
    return {
      hash: bodyHash(body),
      raw: await signEnvelope(body, this.#signer),
      signer: this.#signerId,
      sequence: ctx.sequence,
      description: `${this.chain} ${token} ${describeOp(op)} (nonce ${ctx.sequence})`,
    };
  }

  /** A transaction with no ops: it consumes the nonce and changes nothing. */
  async fill(p: FillContext): Promise<PreparedTx> {
    const token = p.deployment.details.token;
    if (!token) throw new FiscusError('NOT_DEPLOYED', 'deployment has no memchain token id');
    if (p.signer !== this.#signerId) throw new FiscusError('CONFLICT', `this driver signs as ${this.#signerId}, not ${p.signer}`);
    const body: TxBody = { chain: this.chain, signer: this.#signerId, nonce: p.sequence.toString(), token, ops: [] };
    return {
      hash: bodyHash(body),
      raw: await signEnvelope(body, this.#signer),
      signer: this.#signerId,
      sequence: p.sequence,
      description: `${this.chain} ${token} sequence filler (nonce ${p.sequence})`,
    };
  }

  async submit(tx: PreparedTx): Promise<SubmitResult> {
    let r;
    try {
      r = await httpJson(this.#url, 'POST', '/tx', this.#timeoutMs, tx.raw);
    } catch (e) {
      // Transport failure or 5xx: the tx may or may not be in; resending the same bytes is safe.
      return { kind: 'retryLater', reason: (e as Error).message, afterMs: 250 };
    }
    if (r.status === 200 && (r.json?.result === 'accepted' || r.json?.result === 'duplicate')) {
      return { kind: r.json.result, hash: String(r.json.hash) };
    }
    return { kind: 'rejected', error: fromWireError(r.json?.error, r.status) };
  }

  async status(tx: PreparedTx): Promise<TxStatus> {
    const r = await this.#call('GET', `/tx/${encodeURIComponent(tx.hash)}?signer=${encodeURIComponent(tx.signer)}`);
    return statusFromWire(r, tx, this.#depth);
  }

  async totalSupply(d: Deployment): Promise<bigint> {
    return BigInt((await this.#call('GET', `/tokens/${token(d)}`)).totalSupply);
  }

  async balanceOf(d: Deployment, address: string): Promise<bigint> {
    return BigInt((await this.#account(d, address)).units);
  }

  async isAuthorized(d: Deployment, address: string): Promise<boolean> {
    return (await this.#account(d, address)).authorized === true;
  }

  async holders(d: Deployment, cursor?: string): Promise<Page<Holder>> {
    const r = await this.#call('GET', `/tokens/${token(d)}/holders?${query(this.#pageSize, cursor)}`);
    const items = (r.items as { address: string; units: string }[]).map((h) => ({ address: h.address, units: BigInt(h.units) }));
    return r.next ? { items, next: String(r.next) } : { items };
  }

  async events(d: Deployment, fromCursor?: string): Promise<Page<ChainEvent>> {
    const r = await this.#call('GET', `/tokens/${token(d)}/events?${query(this.#pageSize, fromCursor)}`);
    const items = (r.items as Record<string, unknown>[]).map(eventFromWire);
    return r.next ? { items, next: String(r.next) } : { items };
  }

  /** memchain's one stablecoin (usdc.ts): 6 decimals, so base units are micro-dollars. */
  settlementAsset(_d: Deployment): SettlementAsset {
    return { family: 'evm', address: `${this.chain}/usdc`, decimals: MEMCHAIN_USDC_DECIMALS, symbol: 'USDC' };
  }

  /** Each fund's token has its own treasury on memchain (usdc.ts `treasuryOf`). */
  treasuryAddress(d: Deployment): string {
    return treasuryOf(d.details.token ?? '');
  }

  async stablecoinBalance(_d: Deployment, address: string): Promise<bigint> {
    return BigInt((await this.#call('GET', `/usdc/accounts/${encodeURIComponent(address)}`)).balance);
  }

  parseError(e: unknown): FiscusError {
    return parseMemChainError(e);
  }

  #account(d: Deployment, address: string) {
    return this.#call('GET', `/tokens/${token(d)}/accounts/${canonicalMemAddress(address)}`);
  }

  #call(method: 'GET' | 'POST', path: string, body?: Uint8Array): Promise<any> {
    return callMemChain(this.#url, method, path, this.#timeoutMs, body);
  }
}

const token = (d: Deployment) => encodeURIComponent(d.details.token ?? '');
const query = (limit: number, cursor?: string) => new URLSearchParams(cursor ? { limit: String(limit), cursor } : { limit: String(limit) });
