import { RpcError, type RawRpc } from './raw.ts';

/** A log as eth_getLogs returns it (hex quantities), before any decoding. */
export interface RawLog {
  address: string;
  topics: string[];
  data: string;
  blockNumber: string;
  logIndex: string;
  transactionHash: string;
  removed?: boolean;
}

export interface LogFilter {
  addresses: string[];
  topics0: string[];
}

/**
 * Real providers refuse eth_getLogs over too wide a block range or with too many results, each
 * with its own error (Infura -32005 "query returned more than 10000 results", Alchemy "Log
 * response size exceeded", QuickNode "limited to a 10,000 range", …; HTTP 413/503 on some).
 * Any refusal of this kind halves the range and retries the same blocks; after a run of
 * successes the range grows back toward the configured widest one.
 */
const REFUSAL = /range|too many|more than|limit|exceed|too large|response size|timeout|timed out|payload/i;

export function isRangeRefusal(e: unknown): boolean {
  if (!(e instanceof RpcError)) return false;
  if (e.httpStatus === 413 || e.httpStatus === 503 || e.httpStatus === 504) return true;
  return e.code === -32_005 || REFUSAL.test(e.message);
}

const hex = (n: bigint) => `0x${n.toString(16)}`;
const GROW_AFTER = 4;
/**
 * Logs one answer should carry. Providers cap answers near here anyway (Infura: 10,000 results),
 * and an answer this size is a few MB: the next range is read while this one is decoded and
 * booked, where one answer of a whole dense history (200,000 logs) left the reader idle for
 * seconds, then the node.
 */
export const LOGS_PER_RANGE = 10_000;
/** The first range of an endpoint whose log density is not known yet; doubled while answers are sparse. */
const FIRST_RANGE = 128n;

/**
 * The block range to ask for next, per endpoint: shrinks on refusal, and in proportion when an
 * answer carried more than `target` logs; grows back while answers are sparse (after a refusal,
 * only after a run of accepted ranges, so a provider's range cap is not hit every other call).
 */
export class AdaptiveRange {
  #current: bigint;
  #streak = 0;
  #refused = false;
  constructor(
    readonly widest: bigint,
    readonly target = LOGS_PER_RANGE,
  ) {
    this.#current = widest < FIRST_RANGE ? widest : FIRST_RANGE;
  }
  get current(): bigint {
    return this.#current;
  }
  refused(asked: bigint): void {
    this.#streak = 0;
    this.#refused = true;
    this.#current = asked > 1n ? asked / 2n : 1n;
  }
  /** `span` blocks were answered with `count` logs. */
  succeeded(span: bigint, count: number): void {
    if (count > this.target) {
      this.#streak = 0;
      const fit = (span * BigInt(this.target)) / BigInt(count);
      this.#current = fit < 1n ? 1n : fit;
      return;
    }
    // A range cut short by the end of the scan says nothing about a wider one.
    if (count * 2 > this.target || span < this.#current || this.#current >= this.widest) return;
    if (this.#refused && ++this.#streak < GROW_AFTER) return;
    this.#streak = 0;
    this.#current = this.#current * 2n > this.widest ? this.widest : this.#current * 2n;
  }
}

/**
 * Every log of `f` in [fromBlock, toBlock], each block range read once, in the widest range the
 * endpoint accepts. `each` sees every range's logs as they arrive; returning true stops early.
 * With `readAhead`, the next range is asked for before `each` sees this one (a scan that reads to
 * the end: the node answers it while this process decodes). Returns the last block whose logs
 * were all delivered.
 */
export async function scanLogs(
  rpc: RawRpc,
  range: AdaptiveRange,
  f: LogFilter & { fromBlock: bigint; toBlock: bigint },
  each: (logs: RawLog[], to: bigint) => boolean | undefined,
  o: { readAhead?: boolean } = {},
): Promise<bigint> {
  const ask = (from: bigint) => {
    const to = from + range.current - 1n < f.toBlock ? from + range.current - 1n : f.toBlock;
    const logs = rpc.call<RawLog[]>('eth_getLogs', [{ address: f.addresses, topics: [f.topics0], fromBlock: hex(from), toBlock: hex(to) }]);
    // Awaited below, unless the scan stops first: then nobody hears how it ended.
    logs.catch(() => {});
    return { from, to, logs };
  };
  let next: ReturnType<typeof ask> | undefined = f.fromBlock <= f.toBlock ? ask(f.fromBlock) : undefined;
  while (next) {
    const { from, to } = next;
    let logs: RawLog[];
    try {
      logs = await next.logs;
    } catch (e) {
      if (!isRangeRefusal(e) || to === from) throw e;
      range.refused(to - from + 1n);
      next = ask(from);
      continue;
    }
    range.succeeded(to - from + 1n, logs.length);
    next = o.readAhead && to < f.toBlock ? ask(to + 1n) : undefined;
    if (each(logs, to)) return to;
    if (!next && to < f.toBlock) next = ask(to + 1n);
  }
  return f.toBlock;
}
