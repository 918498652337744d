import type { RawRpc } from './raw.ts';

/** Multicall3's canonical address: deployed on public EVM chains, placed on our devnets at start. */
export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11';

const AGGREGATE3 = '82ad56cb'; // aggregate3((address,bool,bytes)[])
const BALANCE_OF = '70a08231'; // balanceOf(address)
/** Calls per aggregate3: ~1,000 cold balanceOf reads stay far below a block's gas limit. */
export const MULTICALL_CHUNK = 1_000;
/** eth_calls per JSON-RPC batch when there is no Multicall3 (providers cap batches at 100–1,000). */
export const RPC_BATCH_CHUNK = 100;

const word = (n: number | bigint) => n.toString(16).padStart(64, '0');
const addressWord = (a: string) => a.slice(2).toLowerCase().padStart(64, '0');

/**
 * aggregate3 calldata for `balanceOf(holder)` on `token` for every holder, none allowed to fail.
 * Encoded by hand: every element has the same shape (address, bool, 36-byte bytes), so each
 * tuple is 6 words at a fixed offset — thousands of calls encode in well under a millisecond.
 */
export function encodeBalanceCalls(token: string, holders: string[]): string {
  const n = holders.length;
  const tuple = 6 * 32;
  const parts: string[] = [`0x${AGGREGATE3}`, word(32), word(n)];
  for (let i = 0; i < n; i++) parts.push(word(n * 32 + i * tuple));
  const target = addressWord(token);
  for (const h of holders) parts.push(target, word(0), word(0x60), word(36), `${BALANCE_OF}${addressWord(h)}`.padEnd(128, '0'));
  return parts.join('');
}

/** Decodes aggregate3's `(bool success, bytes returnData)[]` as uint256 balances. */
export function decodeBalances(ret: string, expected: number): bigint[] {
  const hex = ret.startsWith('0x') ? ret.slice(2) : ret;
  const at = (byte: number) => Number.parseInt(hex.slice(byte * 2, byte * 2 + 64), 16);
  const array = at(0);
  const n = at(array);
  if (n !== expected) throw new Error(`aggregate3 returned ${n} results for ${expected} calls`);
  const base = array + 32;
  const out: bigint[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = base + at(base + i * 32);
    if (at(t) !== 1) throw new Error(`balanceOf call ${i} failed inside aggregate3`);
    const bytes = t + at(t + 32);
    if (at(bytes) !== 32) throw new Error(`balanceOf call ${i} returned ${at(bytes)} bytes`);
    out[i] = BigInt(`0x${hex.slice((bytes + 32) * 2, (bytes + 64) * 2)}`);
  }
  return out;
}

/**
 * Balances of `holders` on `token` at `blockTag`: one aggregate3 eth_call per 1,000 holders
 * where Multicall3 is deployed, else JSON-RPC batches of plain balanceOf calls. Either way a
 * page of holders costs a request, not one per holder.
 */
export class BalanceReader {
  #multicall: Promise<boolean> | undefined;
  /** Requests sent (for tests and benches: the cost of a read, counted). */
  requests = 0;

  constructor(readonly rpc: RawRpc) {}

  hasMulticall(): Promise<boolean> {
    this.#multicall ??= this.rpc.call<string>('eth_getCode', [MULTICALL3_ADDRESS, 'latest']).then(
      (code) => code !== '0x' && code.length > 2,
      () => false,
    );
    return this.#multicall;
  }

  async balances(token: string, holders: string[], blockTag: string): Promise<bigint[]> {
    const out: bigint[] = [];
    if (await this.hasMulticall()) {
      for (let i = 0; i < holders.length; i += MULTICALL_CHUNK) {
        const part = holders.slice(i, i + MULTICALL_CHUNK);
        this.requests++;
        const ret = await this.rpc.call<string>('eth_call', [{ to: MULTICALL3_ADDRESS, data: encodeBalanceCalls(token, part) }, blockTag]);
        out.push(...decodeBalances(ret, part.length));
      }
      return out;
    }
    for (let i = 0; i < holders.length; i += RPC_BATCH_CHUNK) {
      const part = holders.slice(i, i + RPC_BATCH_CHUNK);
      this.requests++;
      const rets = await this.rpc.batch<string>(
        'eth_call',
        part.map((h) => [{ to: token, data: `0x${BALANCE_OF}${addressWord(h)}` }, blockTag]),
      );
      out.push(...rets.map((r) => BigInt(r)));
    }
    return out;
  }
}
