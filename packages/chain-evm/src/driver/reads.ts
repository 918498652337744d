import type { JsonRpcProvider } from 'ethers';
import { FiscusError, type ChainEvent, type Deployment, type Holder, type Page } from '@fiscus/core';
import { BalanceReader } from '../rpc/balances.ts';
import { AdaptiveRange, scanLogs, type RawLog } from '../rpc/get-logs.ts';
import type { RawRpc } from '../rpc/raw.ts';
import { finalBlockBelow, finalBlockNumber, type EvmFinality } from './finality.ts';
import { HolderIndex } from './holder-index.ts';
import { SettlementLogs } from '../settlement/events.ts';
import { TOPICS, checksummed, formatCursor, fromRawLog, isAfter, parseCursor, toChainEvent, topicAddress, type EventPosition, type EvmLog } from './logs.ts';

export interface ReadOptions {
  pageSize: number;
  /** Widest eth_getLogs block range; narrowed on the fly when the endpoint refuses it. */
  logRange: bigint;
  /** Logs one eth_getLogs answer should carry (default LOGS_PER_RANGE). */
  logsPerRange?: number;
  /** Events in blocks that are not final yet may still be reorged away and are not reported. */
  finality: EvmFinality;
}

const detail = (d: Deployment, key: string) => {
  const v = d.details[key];
  if (!v) throw new FiscusError('NOT_DEPLOYED', `deployment has no ${key}`);
  return v;
};

const byPosition = (a: EvmLog, b: EvmLog) => (a.block === b.block ? a.index - b.index : a.block < b.block ? -1 : 1);
const hex = (n: bigint) => `0x${n.toString(16)}`;

/** Logs read for events but not yet handed out: one scan's overshoot past a full page. */
interface EventWindow {
  /** First block whose logs after `dropped` are all in `logs`. */
  from: bigint;
  /** Last block whose logs are all in `logs`. */
  to: bigint;
  logs: EvmLog[];
  /** The last log handed out and dropped from the front: a cursor before it cannot be served from here. */
  dropped?: { block: bigint; index: number };
  /** Transactions among the window's logs carrying a cash event, kept as logs arrive (not re-found per page: O(window) each). */
  cashTxs: Set<string>;
  /** The next range, being read while the caller books the page it was given; false if that read failed. */
  ahead?: Promise<boolean>;
}

/** Can the page after `after` (in block `fromBlock`) be served from `w` and the blocks after it? */
const serves = (w: EventWindow, after: EventPosition | undefined, fromBlock: bigint) =>
  fromBlock >= w.from && fromBlock <= w.to + 1n && (!w.dropped || (after !== undefined && !isAfter(after, w.dropped)));

/** Index of the first log strictly after `after` (binary search; logs are in chain order). */
function firstAfter(logs: EvmLog[], after: EventPosition | undefined): number {
  if (!after) return 0;
  let lo = 0;
  let hi = logs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isAfter(after, logs[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The driver's chain reads, linear in the chain's history: every log is fetched once (events
 * keep the overshoot of a scan for the following pages; holders come from an index the driver
 * extends with the logs of blocks finalized since its last read), ranges adapt to what the
 * endpoint accepts, and balances are read in batches (Multicall3, else JSON-RPC batches).
 */
export class EvmReads {
  readonly range: AdaptiveRange;
  readonly balances: BalanceReader;
  readonly #windows = new Map<string, EventWindow>();
  readonly #eventsTurn = new Map<string, Promise<void>>();
  readonly #holders = new Map<string, HolderIndex>();
  /** Per token: the balances of the page after the last one handed out, being read at that page's head. */
  readonly #balancesAhead = new Map<string, { head: bigint; page: string[]; units: Promise<bigint[] | undefined> }>();

  constructor(
    readonly provider: JsonRpcProvider,
    readonly rpc: RawRpc,
    readonly o: ReadOptions,
  ) {
    this.range = new AdaptiveRange(o.logRange, o.logsPerRange);
    this.balances = new BalanceReader(rpc);
  }

  /**
   * Final events after `cursor` (or from the deployment block), ordered by (block, logIndex), one
   * page. Only final blocks are read, so whoever consumes events (the engine's ingest) never books
   * something a reorg could take back. `next` is returned even when nothing was found
   * ("<block>:end" up to the last block scanned): the ingest stores it, and a quiet deployment's
   * next call scans only the blocks finalized since. A scan reads whole ranges; logs past the
   * page wait in memory for the next page instead of being fetched again.
   */
  async events(d: Deployment, cursor?: string): Promise<Page<ChainEvent>> {
    const key = detail(d, 'token').toLowerCase();
    // One caller at a time per deployment: the window (and its read-ahead) is shared state.
    const run = (this.#eventsTurn.get(key) ?? Promise.resolve()).then(() => this.#events(d, key, cursor));
    const turn = run.then(
      () => {},
      () => {},
    );
    this.#eventsTurn.set(key, turn);
    void turn.then(() => this.#eventsTurn.get(key) === turn && this.#eventsTurn.delete(key));
    return run;
  }

  async #events(d: Deployment, key: string, cursor?: string): Promise<Page<ChainEvent>> {
    const after = cursor ? parseCursor(cursor) : undefined;
    const finalHead = await finalBlockNumber(this.provider, this.o.finality);
    const fromBlock = after ? (after.index === 'end' ? after.block + 1n : after.block) : BigInt(detail(d, 'deployBlock'));
    let w = this.#windows.get(key);
    if (w?.ahead) {
      // A read-ahead that failed is read again below, where its error reaches the caller.
      if (!(await w.ahead)) w = undefined;
      else w.ahead = undefined;
    }
    if (finalHead < fromBlock) return { items: [] };
    // The fund's subscription / redemption contracts (issue 12), read in the same scan.
    const cash = SettlementLogs.of(d);
    const filter = {
      addresses: [detail(d, 'token'), detail(d, 'identityRegistry'), ...(cash?.addresses ?? [])],
      topics0: [...Object.values(TOPICS), ...(cash?.topics0 ?? [])],
    };
    if (!w || !serves(w, after, fromBlock)) w = { from: fromBlock, to: fromBlock - 1n, logs: [], cashTxs: new Set() };
    const window = w;
    /** One more range of logs into the window. */
    const readRange = () =>
      scanLogs(this.rpc, this.range, { ...filter, fromBlock: window.to + 1n, toBlock: finalHead }, (logs, to) => {
        const fresh = logs.map(fromRawLog).sort(byPosition);
        for (const l of fresh) window.logs.push(l);
        cash?.addCashTransactions(fresh, window.cashTxs);
        window.to = to;
        return true;
      });
    let start = firstAfter(window.logs, after);
    while (window.logs.length - start < this.o.pageSize && window.to < finalHead) {
      await readRange();
      start = firstAfter(window.logs, after);
    }
    const items: ChainEvent[] = [];
    let i = start;
    // The window holds whole blocks, so every log of a cash event's transaction is in it.
    for (; i < window.logs.length && items.length < this.o.pageSize; i++) {
      const log = window.logs[i]!;
      const e = cash?.decode(log) ?? toChainEvent(log);
      if (e && !cash?.isFolded(e, window.cashTxs)) items.push(e);
    }
    const more = i < window.logs.length;
    if (i > 0) {
      const last = window.logs[i - 1]!;
      window.dropped = { block: last.block, index: last.index };
      window.from = last.block;
      window.logs = window.logs.slice(i);
    }
    // While older blocks remain, the next range is read as this page is booked (at most one range ahead).
    if (window.to < finalHead && window.logs.length <= this.range.target)
      window.ahead = readRange().then(
        () => true,
        () => false,
      );
    if (more || window.ahead) this.#windows.set(key, window);
    else this.#windows.delete(key);
    // A full page resumes after its last event; otherwise every log up to `to` was read.
    const last: EventPosition = more ? items.at(-1)! : { block: window.to, index: 'end' };
    return { items, next: formatCursor(last) };
  }

  /**
   * Holders with a positive balance, by address, one page. Candidates are every Transfer
   * recipient since deployment, from an index this driver keeps: each call reads only the logs
   * of blocks finalized since the previous one (plus the few blocks not final yet, never
   * indexed), so paging every holder reads every log once. A page's balances are one request.
   */
  async holders(d: Deployment, cursor?: string): Promise<Page<Holder>> {
    const token = detail(d, 'token');
    const key = token.toLowerCase();
    const head = BigInt(await this.rpc.call<string>('eth_blockNumber', []));
    const finalHead = await finalBlockBelow(head, this.provider, this.o.finality);
    let index = this.#holders.get(key);
    if (!index) {
      index = new HolderIndex(BigInt(detail(d, 'deployBlock')) - 1n);
      this.#holders.set(key, index);
    }
    const recipients = (logs: RawLog[]) => logs.filter((l) => l.topics.length === 3).map((l) => topicAddress(l.topics[2]!));
    const filter = { addresses: [token], topics0: [TOPICS.transfer] };
    const ix = index;
    if (ix.scannedTo < finalHead) {
      await scanLogs(
        this.rpc,
        this.range,
        { ...filter, fromBlock: ix.scannedTo + 1n, toBlock: finalHead },
        (logs, to) => {
          ix.add(recipients(logs), to);
          return false;
        },
        { readAhead: true },
      );
    }
    // Blocks not final yet: read on every call (a reorg may still change them), never indexed.
    const recent: string[] = [];
    const tailFrom = ix.scannedTo + 1n;
    if (tailFrom <= head)
      await scanLogs(this.rpc, this.range, { ...filter, fromBlock: tailFrom, toBlock: head }, (logs) => {
        recent.push(...recipients(logs));
        return false;
      });
    const { page, more } = ix.page(cursor?.toLowerCase(), this.o.pageSize, recent);
    const units = await this.#pageBalances(key, token, page, head);
    // The next page's balances are read while the caller works on this one (a listing pages on).
    if (more) {
      const next = ix.page(page.at(-1), this.o.pageSize, recent).page;
      const read = this.balances.balances(token, next, hex(head)).catch(() => undefined);
      this.#balancesAhead.set(key, { head, page: next, units: read });
    }
    const items = page.map((a, i) => ({ address: checksummed(a), units: units[i]! })).filter((h) => h.units > 0n);
    return more ? { items, next: checksummed(page.at(-1)!) } : { items };
  }

  /** Balances of one page at `head`: the read-ahead's when it read this very page at this head. */
  async #pageBalances(key: string, token: string, page: string[], head: bigint): Promise<bigint[]> {
    const ahead = this.#balancesAhead.get(key);
    this.#balancesAhead.delete(key);
    if (ahead && ahead.head === head && ahead.page.length === page.length && ahead.page.every((a, i) => a === page[i])) {
      const units = await ahead.units;
      if (units) return units;
    }
    return this.balances.balances(token, page, hex(head));
  }
}
