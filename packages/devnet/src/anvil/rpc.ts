/**
 * Minimal JSON-RPC over fetch for the devnet's own needs (readiness, mining, balances,
 * snapshots). Drivers use their SDK's provider; this keeps @fiscus/devnet free of ethers.
 */
export class AnvilRpcError extends Error {
  override readonly name = 'AnvilRpcError';
  constructor(
    readonly method: string,
    readonly code: number,
    message: string,
  ) {
    super(`${method}: ${message} (${code})`);
  }
}

let nextId = 1;

export async function anvilRpc<T = unknown>(url: string, method: string, params: unknown[] = [], timeoutMs = 5_000): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const json = (await res.json()) as { result?: T; error?: { code: number; message: string } };
  if (json.error) throw new AnvilRpcError(method, json.error.code, json.error.message);
  return json.result as T;
}

const hex = (n: bigint | number) => `0x${BigInt(n).toString(16)}`;

/** Devnet-only cheat codes anvil offers; none of them exist on a real network. */
export function anvilCheats(url: string) {
  return {
    /** Mines `blocks` empty blocks (to reach a confirmation depth in tests). */
    mine: (blocks = 1) => anvilRpc(url, 'anvil_mine', [hex(blocks)]),
    /** Gives an address `wei` of native currency (fund a freshly generated key). */
    setBalance: (address: string, wei: bigint) => anvilRpc(url, 'anvil_setBalance', [address, hex(wei)]),
    snapshot: () => anvilRpc<string>(url, 'evm_snapshot'),
    revert: (id: string) => anvilRpc<boolean>(url, 'evm_revert', [id]),
    blockNumber: async () => BigInt(await anvilRpc<string>(url, 'eth_blockNumber')),
    chainId: async () => BigInt(await anvilRpc<string>(url, 'eth_chainId')),
  };
}
export type AnvilCheats = ReturnType<typeof anvilCheats>;
