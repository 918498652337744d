import type { JsonRpcProvider } from 'ethers';
import { FiscusError, type ChainEvent, type Deployment, type Holder, type Page } from '@fiscus/core';
import { BalanceReader } from '../rpc/balances.ts';
import { AdaptiveRange, scanLogs, type RawLog } from '../rpc/get-logs.ts';
import type { RawRpc } from '../rpc/raw.ts';
import { finalBlockNumber, type EvmFinality } from './finality.ts';
import { HolderIndex } from './holder-index.ts';
import { SettlementLogs } from '../settlement/events.ts';
import { TOPICS, checksummed, formatCursor, fromRawLog, isAfter, parseCursor, toChainEvent, topicAddress, type EventPosition, type EvmLog } from './logs.ts';

export interface ReadOptions {
  pageSize: number;
  /** Widest eth_getLogs block range; narrowed on the fly when the endpoint refuses it. */
  logRange: bigint;
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
  /** First block whose logs are all in `logs`. */
  from: bigint;
  /** Last block whose logs are all in `logs`. */
  to: bigint;
  logs: EvmLog[];
  /** Transactions among `logs` carrying a cash event, kept as logs arrive (not re-found per page: O(window) each). */
  cashTxs: Set<string>;
}

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
  readonly #events = new Map<string, EventWindow>();
  readonly #holders = new Map<string, HolderIndex>();

  constructor(
    readonly provider: JsonRpcProvider,
    readonly rpc: RawRpc,
    readonly o: ReadOptions,
  ) {
    this.range = new AdaptiveRange(o.logRange);
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
    const after = cursor ? parseCursor(cursor) : undefined;
    const finalHead = await finalBlockNumber(this.provider, this.o.finality);
    const fromBlock = after ? (after.index === 'end' ? after.block + 1n : after.block) : BigInt(detail(d, 'deployBlock'));
    if (finalHead < fromBlock) return { items: [] };
    const key = detail(d, 'token').toLowerCase();
    // The fund's subscription / redemption contracts (issue 12), read in the same scan.
    const cash = SettlementLogs.of(d);
    let w = this.#events.get(key);
    if (!w || fromBlock < w.from || fromBlock > w.to + 1n) w = { from: fromBlock, to: fromBlock - 1n, logs: [], cashTxs: new Set() };
    const start = firstAfter(w.logs, after);
    const window = w;
    if (window.logs.length - start < this.o.pageSize && window.to < finalHead) {
      await scanLogs(
        this.rpc,
        this.range,
        {
          addresses: [detail(d, 'token'), detail(d, 'identityRegistry'), ...(cash?.addresses ?? [])],
          topics0: [...Object.values(TOPICS), ...(cash?.topics0 ?? [])],
          fromBlock: window.to + 1n,
          toBlock: finalHead,
        },
        (logs, to) => {
          const fresh = logs.map(fromRawLog).sort(byPosition);
          for (const l of fresh) window.logs.push(l);
          cash?.addCashTransactions(fresh, window.cashTxs);
          window.to = to;
          return window.logs.length - start >= this.o.pageSize;
        },
      );
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
    if (more) this.#events.set(key, window);
    else this.#events.delete(key);
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
    const finalHead = await finalBlockNumber(this.provider, this.o.finality);
    let index = this.#holders.get(key);
    if (!index) {
      index = new HolderIndex(BigInt(detail(d, 'deployBlock')) - 1n);
      this.#holders.set(key, index);
    }
    const recipients = (logs: RawLog[]) => logs.filter((l) => l.topics.length === 3).map((l) => topicAddress(l.topics[2]!));
    const filter = { addresses: [token], topics0: [TOPICS.transfer] };
    const ix = index;
    if (ix.scannedTo < finalHead) {
      await scanLogs(this.rpc, this.range, { ...filter, fromBlock: ix.scannedTo + 1n, toBlock: finalHead }, (logs, to) => {
        ix.add(recipients(logs), to);
        return false;
      });
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
    const units = await this.balances.balances(token, page, hex(head));
    const items = page.map((a, i) => ({ address: checksummed(a), units: units[i]! })).filter((h) => h.units > 0n);
    return more ? { items, next: checksummed(page.at(-1)!) } : { items };
  }
}
