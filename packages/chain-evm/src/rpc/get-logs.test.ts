import { describe, expect, it } from 'vitest';
import { AdaptiveRange, scanLogs, type RawLog } from './get-logs.ts';
import { RpcError, type RawRpc } from './raw.ts';

/** An eth_getLogs endpoint over blocks 0..99 with one log per block, refusing ranges wider than `maxRange`. */
function endpoint(maxRange = 1_000n, failFrom?: bigint) {
  const asked: [bigint, bigint][] = [];
  const rpc = {
    async call(_method: string, [q]: [{ fromBlock: string; toBlock: string }]) {
      const [from, to] = [BigInt(q.fromBlock), BigInt(q.toBlock)];
      asked.push([from, to]);
      await new Promise((r) => setTimeout(r, 1));
      if (failFrom !== undefined && from >= failFrom) throw new Error('node gone');
      if (to - from + 1n > maxRange) throw new RpcError('eth_getLogs', -32_005, 'block range is too wide');
      return Array.from({ length: Number(to - from + 1n) }, (_, i) => ({ blockNumber: `0x${(from + BigInt(i)).toString(16)}` }) as RawLog);
    },
  };
  return { rpc: rpc as unknown as RawRpc, asked };
}

describe('AdaptiveRange', () => {
  it('starts narrow and doubles while answers are sparse, up to the widest range', () => {
    const r = new AdaptiveRange(10_000n, 1_000);
    expect(r.current).toBe(128n);
    const seen: bigint[] = [];
    for (let i = 0; i < 10; i++) {
      seen.push(r.current);
      r.succeeded(r.current, 10);
    }
    expect(seen).toEqual([128n, 256n, 512n, 1_024n, 2_048n, 4_096n, 8_192n, 10_000n, 10_000n, 10_000n]);
  });

  it('a dense answer shrinks the next range to what carries the target', () => {
    const r = new AdaptiveRange(10_000n, 1_000);
    r.succeeded(128n, 32_000); // 250 logs a block
    expect(r.current).toBe(4n);
    r.succeeded(4n, 1_000); // on target: kept
    expect(r.current).toBe(4n);
    r.succeeded(4n, 8_000); // denser than one block can be split: one block
    expect(r.current).toBe(1n);
  });

  it('keeps the range when an answer is near the target or was cut short by the end of the scan', () => {
    const r = new AdaptiveRange(10_000n, 1_000);
    r.succeeded(128n, 600);
    expect(r.current).toBe(128n);
    r.succeeded(3n, 0);
    expect(r.current).toBe(128n);
  });

  it('after a refusal, halves, and grows again only after a run of accepted ranges', () => {
    const r = new AdaptiveRange(10_000n, 1_000);
    for (let i = 0; i < 7; i++) r.succeeded(r.current, 0);
    expect(r.current).toBe(10_000n);
    r.refused(10_000n);
    expect(r.current).toBe(5_000n);
    for (let i = 0; i < 3; i++) r.succeeded(r.current, 0);
    expect(r.current).toBe(5_000n);
    r.succeeded(r.current, 0);
    expect(r.current).toBe(10_000n);
    r.refused(1n);
    expect(r.current).toBe(1n);
  });

  it('a widest range below the first one starts at the widest', () => {
    expect(new AdaptiveRange(16n).current).toBe(16n);
  });
});

describe('scanLogs', () => {
  const filter = { addresses: ['0x01'], topics0: ['0x02'], fromBlock: 0n, toBlock: 99n };

  it('with readAhead, asks for the next range before the caller sees this one; every block once', async () => {
    const { rpc, asked } = endpoint();
    const seen: bigint[] = [];
    const askedWhenSeen: number[] = [];
    await scanLogs(
      rpc,
      new AdaptiveRange(16n),
      filter,
      (logs) => {
        askedWhenSeen.push(asked.length);
        seen.push(...logs.map((l) => BigInt(l.blockNumber)));
        return false;
      },
      { readAhead: true },
    );
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => BigInt(i)));
    expect(askedWhenSeen.slice(0, -1).every((n, i) => n === i + 2)).toBe(true);
    const plain = endpoint();
    const plainAsked: number[] = [];
    await scanLogs(plain.rpc, new AdaptiveRange(16n), filter, () => {
      plainAsked.push(plain.asked.length);
      return false;
    });
    expect(plainAsked.every((n, i) => n === i + 1)).toBe(true);
  });

  it('a range read ahead and refused is asked again narrower', async () => {
    const { rpc, asked } = endpoint(10n);
    const seen: bigint[] = [];
    await scanLogs(rpc, new AdaptiveRange(16n), filter, (logs) => void seen.push(...logs.map((l) => BigInt(l.blockNumber))), { readAhead: true });
    expect(seen).toHaveLength(100);
    expect(new Set(seen).size).toBe(100);
    expect(asked.some(([a, b]) => b - a + 1n > 10n)).toBe(true);
  });

  it('stopping early leaves the range read ahead unheard, its failure included (no unhandled rejection)', async () => {
    const { rpc } = endpoint(1_000n, 16n);
    const to = await scanLogs(rpc, new AdaptiveRange(16n), filter, () => true, { readAhead: true });
    expect(to).toBe(15n);
    await new Promise((r) => setTimeout(r, 20));
    await expect(scanLogs(rpc, new AdaptiveRange(16n), filter, () => false, { readAhead: true })).rejects.toThrow(/node gone/);
  });
});
