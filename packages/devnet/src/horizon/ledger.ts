import { Keypair } from '@stellar/stellar-sdk';
import { applyTx } from './apply.ts';
import { parseEnvelope, type ParsedTx } from './envelope.ts';
import { opToid, txToid, type ClosedLedger, type LedgerEvent, type StoredOp, type StoredTx } from './history.ts';
import { resultXdr, txFailedProblem, type TxOutcome } from './results.ts';
import { AccountFlag, LedgerState, newAccount, TrustFlag } from './state.ts';
import { validate, type Rejection } from './validate.ts';
import { JournalWriter, readJournal, type JournalLedger } from './journal.ts';

export interface LocalLedgerOptions {
  passphrase: string;
  /** Ledger close interval; 0 closes a ledger per submitted transaction (tests). Default 0. */
  closeMs?: number;
  /** Lumens (in stroops) of the root account; default 100 billion XLM as on pubnet. */
  rootBalance?: bigint;
  /**
   * A replay journal (journal.ts): loaded at construction, appended at every close that applies
   * transactions, so the ledger survives a restart. Default: none (in memory only).
   */
  journalFile?: string;
}

/** What POST /transactions answers: the transaction record, or a 400 problem. */
export interface SubmitAnswer {
  status: number;
  body: unknown;
  tx?: StoredTx;
}

interface Queued {
  parsed: ParsedTx;
  done: Promise<SubmitAnswer>;
  resolve(a: SubmitAnswer): void;
}

const nowSec = () => Math.floor(Date.now() / 1000);

/**
 * The ledger: validates on submission, applies at ledger close, keeps the history Horizon
 * serves. Root account = Keypair.master(passphrase), as on every Stellar network.
 */
export class LocalLedger {
  readonly passphrase: string;
  readonly root: Keypair;
  state = new LedgerState();
  readonly ledgers: ClosedLedger[] = [];
  readonly txs: StoredTx[] = [];
  readonly ops: StoredOp[] = [];
  readonly #byHash = new Map<string, StoredTx>();
  #queue: Queued[] = [];
  readonly #listeners = new Set<(e: LedgerEvent) => void>();
  readonly #timer?: NodeJS.Timeout;
  readonly #journal?: JournalWriter;

  constructor(opts: LocalLedgerOptions) {
    this.passphrase = opts.passphrase;
    this.root = Keypair.master(opts.passphrase);
    const loaded = opts.journalFile ? readJournal(opts.journalFile, opts.passphrase) : undefined;
    const genesis = { sequence: 1, closeTime: loaded?.header?.genesisCloseTime ?? nowSec(), txCount: 0, failedTxCount: 0, opCount: 0 };
    const root = newAccount(this.root.publicKey(), opts.rootBalance ?? 100_000_000_000n * 10_000_000n, 1, genesis.closeTime);
    root.seq = 0n;
    this.state.accounts.set(root.id, root);
    this.ledgers.push(genesis);
    if (loaded?.header) for (const l of loaded.ledgers) this.#replay(l);
    if (opts.journalFile) {
      this.#journal = new JournalWriter(opts.journalFile, {
        keepBytes: loaded?.validBytes,
        header: loaded?.header ? undefined : JournalWriter.header(opts.passphrase, genesis.closeTime),
      });
    }
    if (opts.closeMs) this.#timer = setInterval(() => this.close(), opts.closeMs).unref();
  }

  /** Re-applies a journaled ledger: the same envelopes on the same state give the same results. */
  #replay(l: JournalLedger): void {
    // Ledgers that applied nothing were not written: put back empty headers for the gap.
    while (this.latest.sequence < l.sequence - 1) {
      this.ledgers.push({ sequence: this.latest.sequence + 1, closeTime: this.latest.closeTime, txCount: 0, failedTxCount: 0, opCount: 0 });
    }
    const header: ClosedLedger = { sequence: l.sequence, closeTime: l.closeTime, txCount: 0, failedTxCount: 0, opCount: 0 };
    for (const envelope of l.txs) this.#record(parseEnvelope(envelope, this.passphrase), header);
    this.ledgers.push(header);
  }

  /**
   * Devnet-only bulk load, for benches at fund scale: each holder becomes an account with an
   * authorized trustline to CODE:ISSUER holding `balance` stroops, written straight into the
   * state (no transaction, no history, not journaled) — 100,000 holders in well under a second,
   * where real transactions clone the whole state twice each. The asset's supply is what its
   * trustlines hold, as on the network.
   */
  seedHolders(code: string, issuer: string, holders: { account: string; balance: bigint }[]): void {
    const issuerFlags = this.state.account(issuer)?.flags ?? 0;
    const flags = TrustFlag.AUTHORIZED | (issuerFlags & AccountFlag.AUTH_CLAWBACK_ENABLED ? TrustFlag.CLAWBACK_ENABLED : 0);
    const { sequence, closeTime } = this.latest;
    // A new state object: whatever was derived from the old one (indexes, in-flight reads) stays consistent.
    const next = this.state.clone();
    for (const h of holders) {
      const a = next.account(h.account) ?? newAccount(h.account, 100_000_000n, sequence, closeTime);
      if (!next.trustline(h.account, code, issuer)) a.subentries += 1;
      next.accounts.set(a.id, a);
    }
    next.putTrustlines(
      holders.map((h) => ({
        account: h.account,
        code,
        issuer,
        balance: h.balance,
        limit: 9_223_372_036_854_775_807n,
        flags,
        lastModified: sequence,
      })),
    );
    this.state = next;
  }

  get latest(): ClosedLedger {
    return this.ledgers[this.ledgers.length - 1]!;
  }

  tx(hash: string): StoredTx | undefined {
    return this.#byHash.get(hash);
  }

  /** The sequence number the account's next transaction must carry (queued ones counted). */
  nextSequence(account: string): bigint {
    const queued = this.#queue.filter((q) => q.parsed.inner.source === account).length;
    return (this.state.account(account)?.seq ?? 0n) + 1n + BigInt(queued);
  }

  on(listener: (e: LedgerEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Validates now; answers when the ledger holding it closes (at once when closeMs = 0). */
  submit(envelopeXdr: string): Promise<SubmitAnswer> {
    let parsed: ParsedTx;
    try {
      parsed = parseEnvelope(envelopeXdr, this.passphrase);
    } catch (e) {
      return Promise.resolve({ status: 400, body: malformed((e as Error).message) });
    }
    // Horizon answers a known hash with its recorded result instead of resubmitting.
    const known = this.#byHash.get(parsed.hash);
    if (known) return Promise.resolve(answerFor(known));
    const pending = this.#queue.find((q) => q.parsed.hash === parsed.hash);
    if (pending) return pending.done;
    const rejection = validate(this.state, parsed, nowSec(), (id) => this.nextSequence(id));
    if (rejection) {
      // A real network closes a ledger every ~5 s whoever submits, so a transaction refused as
      // too late is soon provably dead from Horizon's ledger history (a ledger closed after its
      // max time), and clients rebuild on that evidence. With closeMs 0 time would stand still
      // between submissions: show the moment of the refusal as an (empty) closed ledger.
      if (!this.#timer && (rejection.code === 'tx_too_late' || rejection.inner?.code === 'tx_too_late')) this.close();
      return Promise.resolve(rejected(parsed, rejection));
    }
    let resolve!: (a: SubmitAnswer) => void;
    const done = new Promise<SubmitAnswer>((r) => (resolve = r));
    this.#queue.push({ parsed, done, resolve });
    if (!this.#timer) this.close();
    return done;
  }

  /** Closes a ledger with every queued transaction that is still valid, in arrival order. */
  close(): ClosedLedger {
    const sequence = this.latest.sequence + 1;
    const closeTime = Math.max(nowSec(), this.latest.closeTime);
    const header: ClosedLedger = { sequence, closeTime, txCount: 0, failedTxCount: 0, opCount: 0 };
    const queue = this.#queue;
    this.#queue = [];
    const answers: [Queued, SubmitAnswer][] = [];
    for (const q of queue) {
      const seqOf = (id: string) => (this.state.account(id)?.seq ?? 0n) + 1n;
      const rejection = validate(this.state, q.parsed, closeTime, seqOf);
      if (rejection) {
        answers.push([q, rejected(q.parsed, rejection)]);
        continue;
      }
      answers.push([q, answerFor(this.#record(q.parsed, header))]);
    }
    // Durable before anyone hears the result (a crash before this line: nobody was told it landed).
    if (header.txCount > 0) this.#journal?.append({ sequence, closeTime, txs: answers.filter(([, a]) => a.tx).map(([q]) => q.parsed.envelopeXdr) });
    this.ledgers.push(header);
    this.#emit({ kind: 'ledger', ledger: header });
    for (const [q, a] of answers) q.resolve(a);
    return header;
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#journal?.close();
    for (const q of this.#queue) q.resolve({ status: 503, body: { title: 'Ledger stopped', status: 503 } });
    this.#queue = [];
  }

  #record(parsed: ParsedTx, header: ClosedLedger): StoredTx {
    const applied = applyTx(this.state, parsed, header.sequence, header.closeTime);
    this.state = applied.state;
    header.txCount += 1;
    const successful = applied.outcome.code === 'tx_success' || applied.outcome.code === 'tx_fee_bump_inner_success';
    if (!successful) header.failedTxCount += 1;
    else header.opCount += parsed.inner.operations.length;
    const id = txToid(header.sequence, header.txCount);
    const tx: StoredTx = {
      hash: parsed.hash,
      parsed,
      outcome: applied.outcome,
      successful,
      ledger: header.sequence,
      closeTime: header.closeTime,
      id,
      resultXdr: resultXdr(applied.outcome),
    };
    this.txs.push(tx);
    this.#byHash.set(tx.hash, tx);
    this.#byHash.set(parsed.innerHash, tx); // Horizon finds a fee bump by its inner hash too
    this.#emit({ kind: 'tx', tx });
    applied.ops.forEach((d, i) => {
      const op: StoredOp = { ...d, id: opToid(id, i), txHash: tx.hash, successful, ledger: header.sequence, closeTime: header.closeTime };
      this.ops.push(op);
      this.#emit({ kind: 'op', op });
    });
    return tx;
  }

  #emit(e: LedgerEvent) {
    for (const l of this.#listeners) l(e);
  }
}

function outcomeOf(p: ParsedTx, r: Rejection): TxOutcome {
  const ops = (codes?: string[]) => (codes ?? []).map((code, i) => ({ type: p.inner.operations[i]!.type, code }));
  if (r.inner) return { code: r.code, feeCharged: 0n, ops: [], inner: { hash: p.innerHash, code: r.inner.code, ops: ops(r.inner.ops) } };
  return { code: r.code, feeCharged: 0n, ops: ops(r.ops) };
}

const rejected = (p: ParsedTx, r: Rejection): SubmitAnswer => ({ status: 400, body: txFailedProblem(p.envelopeXdr, p.hash, outcomeOf(p, r)) });

function answerFor(tx: StoredTx): SubmitAnswer {
  if (tx.successful) return { status: 200, body: undefined, tx };
  return { status: 400, body: txFailedProblem(tx.parsed.envelopeXdr, tx.hash, tx.outcome), tx };
}

const malformed = (detail: string) => ({
  type: 'https://stellar.org/horizon-errors/transaction_malformed',
  title: 'Transaction Malformed',
  status: 400,
  detail: `Horizon could not decode the transaction envelope in this request. ${detail}`,
});
